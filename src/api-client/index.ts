/**
 * `sudo-images/client`: a typed openapi-fetch client for any spec's generated folder, held to the
 * spec (requests checked, answers validated and normalized) and sent by the rules every door of
 * this package keeps. A folder's `client.ts` binds it to its data as `createClient(options)`.
 */
import createClient, { type FetchOptions } from "openapi-fetch";
import { ConfigurationError } from "../errors.js";
import { notJson } from "../http/as-response.js";
import type { ReliabilityOptions } from "../options.js";
import { heldToSpec } from "./answers.js";
import { withSpecBody } from "./form-body.js";
import { wrappedMethods } from "./methods.js";
import { type ClientSettings, resolveClientSettings, resolveSpecCall, type SpecClientOptions } from "./options.js";
import type { CallInput } from "./request-check.js";
import { send } from "./send.js";
import type { ClientSpec } from "./spec.js";
import type { SpecClient } from "./spec-client.js";

export {
  ApiError,
  ConfigurationError,
  ConnectionError,
  InvalidResponseError,
  MissingApiKeyError,
  RedirectError,
  RequestValidationError,
  ResponseValidationError,
  SudoImagesError,
  TimeoutError,
} from "../errors.js";
export type { ValidationMode } from "../http/settings.js";
export type { NormalizedPaths } from "./normalized-paths.js";
export type { SpecClientOptions } from "./options.js";
export type { ClientRoute, ClientSpec } from "./spec.js";
export type { CallOptions, SpecClient } from "./spec-client.js";

type Call = (path: string, init?: FetchOptions<unknown> & CallInput & ReliabilityOptions) => Promise<never>;

/**
 * An openapi-fetch client for a spec's generated data (`routes`, `validators`, `shapes`, …),
 * typed by its `paths`. Each call is checked against its operation before it is sent, carries the
 * key where the operation's security scheme puts it, and comes back validated and normalized:
 * `data` of a 2xx and `error` of a documented error status, with `response.headers` (the request
 * id) as openapi-fetch gives them. What is not an answer rejects with a typed error. Options are
 * checked here (a `ConfigurationError` naming the option). A call takes `timeoutMs` and
 * `maxRetries` of its own beside openapi-fetch's options, and its `signal` cancels it; its own
 * `fetch` gets each attempt's `Request`, as openapi-fetch's does.
 *
 * @example
 * import { createClient } from "./generated/client.js"; // binds createSpecClient to the folder
 * const client = createClient({ apiKey: process.env.PETS_API_KEY });
 * const { data, error } = await client.GET("/pets/{id}", { params: { path: { id: 7 } }, timeoutMs: 5_000 });
 */
export function createSpecClient<Paths extends {}>(
  spec: ClientSpec,
  options: SpecClientOptions = {},
): SpecClient<Paths> {
  const settings = resolveClientSettings(spec, options);
  const inner = createClient<Paths>({
    baseUrl: settings.baseUrl,
    headers: settings.headers,
    querySerializer: options.querySerializer,
    pathSerializer: options.pathSerializer,
  });
  return wrappedMethods(inner, (method, call) => bound(settings, method, call as Call)) as unknown as SpecClient<Paths>;
}

/**
 * One method of the client: the call's operation found by its path template, then sent and held
 * to the spec. The body is kept as the serializer made it, so it is sent as it is (and again on a
 * retry) rather than read back out of the `Request` openapi-fetch built.
 */
function bound(settings: ClientSettings, method: string, call: Call): Call {
  return async (path, given = {}) => {
    const operation = settings.operations.get(`${method} ${path}`);
    if (operation === undefined) {
      throw new ConfigurationError(`${method} ${JSON.stringify(path)} is no operation of the spec`);
    }
    const own = resolveSpecCall(settings, given);
    // A form operation's body goes as the spec says when the call does not say otherwise.
    const init = withSpecBody(operation.route, given);
    const serialize = (init.bodySerializer as ClientSettings["bodySerializer"] | undefined) ?? settings.bodySerializer;
    let body: unknown;
    let answered: Response | undefined;
    const result = await call(path, {
      ...init,
      bodySerializer: (value: unknown, headers?: unknown) => {
        body = serialize(value, headers);
        return body;
      },
      fetch: async (request: Request) => {
        answered = await send(settings, operation, { ...init, serialized: body }, request, own);
        return answered;
      },
    }).catch((error: unknown) => notJson(error, answered));
    return heldToSpec(settings, operation, result, (init.parseAs ?? "json") === "json") as never;
  };
}
