import type { RequestSpec } from "../runtime/request-violations.js";
import type { Responses } from "../runtime/responses.js";
import type { SecurityScheme, Shapes, Validator } from "../runtime/types.js";

/** What the spec client reads of one operation in a generated `routes` table. */
export interface ClientRoute {
  readonly method: string;
  /** Its path template, such as `/pets/{petId}`; none for a webhook, which is never called. */
  readonly path?: string;
  /** The schema name of its JSON request body. */
  readonly request?: string;
  /** The media type its body goes in when not JSON (`application/x-www-form-urlencoded`, `multipart/form-data`, …). */
  readonly requestType?: string;
  /** The schema name of each answer's body, by status (`"200"`, `"4XX"`, `"default"`). */
  readonly responses?: Responses;
  /** Its security requirements: alternatives, each the scheme names it needs together; none when absent. */
  readonly security?: readonly (readonly string[])[];
}

/**
 * A generated folder's data and defaults, as its `client.ts` hands them to `createSpecClient`:
 * nothing here names a spec, so the client works for any.
 */
export interface ClientSpec extends RequestSpec {
  readonly routes: Readonly<Record<string, ClientRoute>>;
  readonly validators: Readonly<Record<string, Validator>>;
  readonly securitySchemes: Readonly<Record<string, SecurityScheme>>;
  readonly shapes: Shapes;
  /** The environment variable the key is read from when no `apiKey` is given, such as `DIRECTUS_API_KEY`. */
  readonly apiKeyEnv: string;
  /** The spec's first absolute server URL: the `baseUrl` when none is given. */
  readonly baseUrl?: string | undefined;
  /** What the caller called, for a message about a missing key. @default "createClient()" */
  readonly creator?: string | undefined;
}

/** An operation found by the method and path template a call names, with its operationId. */
export interface FoundOperation {
  readonly operationId: string;
  readonly route: ClientRoute;
}

/**
 * Every operation by `METHOD path-template`, as a call names it (`GET /pets/{id}`): looked up once
 * per call, built once per client.
 */
export function operationIndex(routes: Readonly<Record<string, ClientRoute>>): ReadonlyMap<string, FoundOperation> {
  const index = new Map<string, FoundOperation>();
  for (const [operationId, route] of Object.entries(routes)) {
    if (route.path !== undefined) index.set(`${route.method.toUpperCase()} ${route.path}`, { operationId, route });
  }
  return index;
}
