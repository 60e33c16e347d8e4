import { plannedUrl } from "../src/testing/request-url.js";
import type { OperationRoute, SpecFolder } from "../src/testing/spec-folder.js";
import { plannedRequests } from "../src/testing/verify.js";
import type { PlannedRequest } from "../src/testing/verify-plan.js";

/** A generated folder as imported: what the kit reads, and the `parse` a user's code calls. */
type Folder = SpecFolder & { parse?: (schemaName: string, value: unknown) => unknown };

/**
 * One operation of `spec` called as a user's code calls it: the first operation (GETs first) with
 * a JSON body documented for a 2xx answer, sent the first valid request verify plans for it, its
 * answer read as JSON and passed through the folder's `parse` (validated, then normalized). Says
 * which operation, and whether the answer came back parsed; a spec with no such operation says so.
 */
export async function oneCall(spec: Folder, root: string, key: string): Promise<{ ok: boolean; shown: string }> {
  const candidates = Object.entries(spec.routes)
    .map(([id, route]) => ({ id, route, schema: successSchema(route) }))
    .filter((each) => each.schema !== undefined && typeof each.route.path === "string")
    .sort((a, b) => Number(b.route.method === "get") - Number(a.route.method === "get"));
  if (spec.parse === undefined) return { ok: false, shown: "the folder has no parse" };
  const call = candidates.map((each) => ({ ...each, planned: firstValid(spec, each.id) })).find((each) => each.planned);
  if (call === undefined)
    return {
      ok: candidates.length === 0,
      shown: candidates.length === 0 ? "no JSON 2xx answer to call" : "no valid request planned",
    };
  const { id, route, schema, planned } = call as typeof call & { planned: PlannedRequest };
  const response = await fetch(plannedUrl(root, route.path ?? "", planned), {
    method: route.method.toUpperCase(),
    headers: {
      authorization: `Bearer ${key}`,
      ...planned.headers,
      ...(planned.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: planned.body === undefined ? undefined : JSON.stringify(planned.body),
  });
  const text = await response.text();
  try {
    spec.parse(schema as string, JSON.parse(text));
    return { ok: true, shown: `${id} ${response.status} parsed` };
  } catch (error) {
    return { ok: false, shown: `${id} ${response.status}: ${String((error as Error).message).slice(0, 200)}` };
  }
}

/** The schema name of the operation's first 2xx answer with a JSON body. */
function successSchema(route: OperationRoute): string | undefined {
  return Object.entries(route.responses).find(([status]) => /^2/.test(status))?.[1];
}

/** The first valid request verify plans for the operation, if it can plan one. */
function firstValid(spec: SpecFolder, id: string): PlannedRequest | undefined {
  try {
    return plannedRequests({ spec, operations: [id], include: ["valid"], budget: 1 })[0];
  } catch {
    return undefined;
  }
}
