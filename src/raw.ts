import createClient from "openapi-fetch";
import { readsBytes, wrappedMethods } from "./api-client/methods.js";
import type { StrictClient } from "./api-client/spec-client.js";
import { ConfigurationError } from "./errors.js";
import type { paths } from "./generated/schema.js";
import { asResponse, notJson } from "./http/as-response.js";
import type { Endpoint } from "./http/attempt.js";
import { bearer, currentKey, keysFor } from "./http/auth.js";
import { callFetch } from "./http/call-fetch.js";
import { exchange } from "./http/exchange.js";
import { displayUrl } from "./http/secrets.js";
import { checkTimeout, DEFAULT_BASE_URL } from "./http/settings.js";
import { withTimeout } from "./http/timeout.js";
import { type ImagesClientOptions, resolveCheckSettings, resolveSettings } from "./options.js";

/** What one call of the raw client takes besides openapi-fetch's options. */
export interface RawCallOptions {
  /** Milliseconds this request may take, body included, over the client's `timeoutMs`; `Infinity` for none. */
  timeoutMs?: number | undefined;
}

/**
 * What `createRawClient` returns: openapi-fetch's `Client<paths>`, whose calls take `RawCallOptions`
 * too and no other key (openapi-fetch's own take any, so `timeoutMS` or `maxRetries` would pass
 * the type checker and be dropped or refused at the call).
 */
export type RawClient = StrictClient<paths, RawCallOptions>;

/**
 * An openapi-fetch `Client<paths>` for the same API as `createImagesClient(options)`, with the same
 * options checked the same way and every request sent by the same rules as `generate`: the key
 * (`Authorization`, refused over plain http to other hosts), `timeoutMs` per request (body
 * included), no redirect followed, the size cap, the key scrubbed from what comes back, the debug
 * log; nothing else (no validation, normalization or retries). The body arrives read whole. For
 * anything `generate` does not cover. It has a function of its own so that an app that only
 * generates does not bundle openapi-fetch.
 *
 * A call takes openapi-fetch's options, and `timeoutMs` of its own; its own `fetch` is called with
 * the `Request` these rules built (so it cannot follow a redirect or lift the cap), and
 * `maxRetries` is a `ConfigurationError`: the raw client makes no retries.
 *
 * @example
 * const raw = createRawClient();
 * const { data, error } = await raw.POST("/v1/images/generations", { body: { prompt: "a fox", model: "dall-e-3" } });
 */
export function createRawClient(options: ImagesClientOptions = {}): RawClient {
  const { endpoint, timeoutMs } = resolveSettings(options);
  // The same options as createImagesClient, refused alike, though the raw client makes no spec check.
  resolveCheckSettings(options);
  const rules = { endpoint, timeoutMs, allowInsecureHttp: options.allowInsecureHttp };
  const inner = createClient<paths>({
    baseUrl: endpoint.baseUrl,
    headers: endpoint.headers,
    // Every method below passes its own; this one holds a method openapi-fetch may add later.
    fetch: (request: Request) => send(rules, request),
  });
  // openapi-fetch lets a call's own fetch replace the client's: here it goes through `send` too.
  return wrappedMethods(inner as unknown as RawClient, (_method, call) => async (path, init) => {
    const sent = callSend(rules, init);
    let answered: Response | undefined;
    const fetch = async (request: Request) => {
      answered = await sent(request);
      return answered;
    };
    return call(path, { ...init, fetch }).catch((error: unknown) => notJson(error, answered));
  });
}

/** What every request of one raw client is sent by. */
interface RawRules {
  readonly endpoint: Endpoint;
  readonly timeoutMs: number;
  readonly allowInsecureHttp: boolean | undefined;
  /** The call reads its answer as bytes (`parseAs`: `blob`, `arrayBuffer`, `stream`). */
  readonly binary?: boolean | undefined;
}

/** The fetch openapi-fetch is given for one call: `send`, with the call's `timeoutMs` and `fetch` over the client's. */
function callSend(rules: RawRules, init: Record<string, unknown> = {}): (request: Request) => Promise<Response> {
  if (init.maxRetries != null) {
    throw new ConfigurationError("maxRetries is not an option of the raw client, which makes no retries");
  }
  const fetch = callFetch(init.fetch);
  const call: RawRules = {
    ...rules,
    endpoint: fetch === undefined ? rules.endpoint : { ...rules.endpoint, fetch },
    // As every client takes a call's timeoutMs: over the client's, which null or leaving it out keeps.
    timeoutMs: checkTimeout((init.timeoutMs as number | undefined) ?? rules.timeoutMs, "timeoutMs"),
    binary: readsBytes(init.parseAs),
  };
  return (request) => send(call, request);
}

/**
 * One request of the raw client: one exchange under the timeout, handed back as a `Response`. The
 * key is judged for where the request goes (`keysFor`: a call's own `baseUrl` may differ), on a
 * copy of openapi-fetch's `Request` that is then sent: openapi-fetch hands its own to middleware,
 * which may log it, and a call's own `Request` class (an option of openapi-fetch's) may report a
 * `url` other than the one fetch would send it to.
 */
async function send({ endpoint, timeoutMs, allowInsecureHttp, binary }: RawRules, given: Request): Promise<Response> {
  const request = new Request(given);
  const key = currentKey(keysFor(endpoint.keys, endpoint.baseUrl, request.url, allowInsecureHttp));
  if (key !== undefined) request.headers.set("authorization", bearer(key));
  const shownUrl = displayUrl(request.url);
  const received = await withTimeout(
    (signal) => exchange(endpoint, { method: request.method, input: request, shownUrl, key, binary }, signal),
    timeoutMs,
    request.signal,
    () => `${request.method} ${shownUrl}`,
  );
  return asResponse(received, DEFAULT_BASE_URL);
}
