import type { OperationRoute, SpecFolder } from "../src/testing/spec-folder.js";
import { plannedRequests } from "../src/testing/verify.js";
import type { PlannedRequest } from "../src/testing/verify-plan.js";

/** A generated folder's `client.ts`, as imported: its `createClient`, typed loosely (the spec is known at run time only). */
export interface ClientModule {
  createClient(options: Record<string, unknown>): Record<string, (path: string, init: object) => Promise<Answer>>;
}

/** What the client's call resolves to: openapi-fetch's `{ data, error, response }`. */
interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * One operation of `spec` called as a user's code calls it, through the folder's generated
 * client: the first operation (GETs first) with a JSON body documented for a 2xx answer, given the
 * first valid request verify plans for it (its path, query and header parameters and its body), and
 * its `data` checked to hold no `null` (the client validated and normalized it). Says which
 * operation, and whether it came back so; a spec with no such operation says so.
 */
export async function oneCall(
  spec: SpecFolder,
  client: ReturnType<ClientModule["createClient"]>,
): Promise<{ ok: boolean; shown: string }> {
  const candidates = Object.entries(spec.routes)
    .map(([id, route]) => ({ id, route, schema: successSchema(route) }))
    .filter((each) => each.schema !== undefined && typeof each.route.path === "string")
    .sort((a, b) => Number(b.route.method === "get") - Number(a.route.method === "get"));
  const call = candidates.map((each) => ({ ...each, planned: firstValid(spec, each.id) })).find((each) => each.planned);
  if (call === undefined)
    return {
      ok: candidates.length === 0,
      shown: candidates.length === 0 ? "no JSON 2xx answer to call" : "no valid request planned",
    };
  const { id, route, planned } = call as typeof call & { planned: PlannedRequest };
  const method = client[route.method.toUpperCase()];
  if (method === undefined) return { ok: false, shown: `${id}: the client has no ${route.method.toUpperCase()}` };
  try {
    const params = { path: planned.params, query: planned.query, header: planned.headers };
    const { data, error, response } = await method(route.path as string, { params, body: planned.body });
    if (error !== undefined)
      return { ok: false, shown: `${id} ${response.status}: ${JSON.stringify(error).slice(0, 200)}` };
    const nulls = JSON.stringify(data).includes(":null");
    return { ok: !nulls, shown: `${id} ${response.status} ${nulls ? "with a null left in" : "normalized"}` };
  } catch (error) {
    return { ok: false, shown: `${id}: ${String((error as Error).message).slice(0, 200)}` };
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
