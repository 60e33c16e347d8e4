import { type RequestSpec, requestViolations } from "../runtime/request-violations.js";
import type { SpecViolation } from "../runtime/types.js";
import type { PlannedRequest } from "./verify-plan.js";

/**
 * What the spec's own request validator says of a planned request, as it goes on the wire: its
 * path, query and header values as text, its body as JSON.
 */
export function plannedViolations(spec: RequestSpec, planned: PlannedRequest): SpecViolation[] {
  return requestViolations(spec, planned.operationId, {
    params: planned.params,
    query: planned.query,
    headers: planned.headers,
    body: planned.body,
  });
}

/**
 * Whether a planned request is what its kind claims, proven by the request validator before it is
 * sent: a valid one has no violation; an invalid one has exactly one, at the place it says it
 * breaks. A request that fails the proof is never sent, so a server is never blamed for accepting a
 * request that the spec takes, nor for a refusal it gave for another reason than the one planned
 * (the false positives of generated negative tests). Other kinds are not about the request's
 * content and pass. `exactlyOne: false` asks that an invalid request be refused at its place and
 * nowhere else: the Sudo plan's, whose field breaks also break a model's rule at the same place.
 */
export function isProven(spec: RequestSpec, planned: PlannedRequest, exactlyOne = true): boolean {
  if (planned.kind !== "valid" && planned.kind !== "invalid") return true;
  const violations = plannedViolations(spec, planned);
  if (planned.kind === "valid") return violations.length === 0;
  if (!exactlyOne)
    return violations.length > 0 && violations.every((violation) => violation.pointer === planned.breaks);
  return violations.length === 1 && violations[0]?.pointer === planned.breaks;
}
