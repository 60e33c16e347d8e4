import { ResponseValidationError, requestIdOf } from "../errors.js";
import { normalizeWith } from "../runtime/normalize.js";
import { responseSchema, responseViolations } from "../runtime/responses.js";
import type { ClientSettings } from "./options.js";
import type { FoundOperation } from "./spec.js";

/** What an openapi-fetch call resolves to, before the spec client holds it to the spec. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * An answer held to its operation's spec for its status (the exact code, then `4XX`, then
 * `default`) and normalized: a 2xx `data` that breaks the spec is a `ResponseValidationError`
 * (thrown, or warned of, as `validateResponses` says); an `error` body that breaks it is only
 * warned of, since the answer is an error already. Only JSON that openapi-fetch parsed is
 * checked (`parseAs: "json"`, the default); a body it did not parse is handed back as it is.
 */
export function heldToSpec<T extends FetchResult>(
  settings: ClientSettings,
  { operationId, route }: FoundOperation,
  result: T,
  parsedJson: boolean,
): T {
  const { response } = result;
  const ok = response.ok;
  const value = ok ? result.data : result.error;
  if (!parsedJson || value === undefined || typeof value === "string") return result;
  const responses = route.responses ?? {};
  const schema = responseSchema(responses, response.status);
  if (settings.validateResponses !== "off") {
    const violations = responseViolations(operationId, responses, response.status, value, settings.spec.validators);
    if (violations.length > 0) {
      const requestId = requestIdOf(response.headers);
      const failure = new ResponseValidationError(schema ?? operationId, violations, { requestId });
      if (ok && settings.validateResponses === "strict") throw failure;
      settings.warn(failure);
    }
  }
  if (schema === undefined) return result;
  const normalized = normalizeWith(settings.spec.shapes, schema, value);
  return ok ? { ...result, data: normalized } : { ...result, error: normalized };
}
