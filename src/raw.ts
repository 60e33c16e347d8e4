import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { asResponse } from "./http/as-response.js";
import type { Endpoint } from "./http/attempt.js";
import { bearer, currentKey, keysFor } from "./http/auth.js";
import { exchange } from "./http/exchange.js";
import { displayUrl } from "./http/secrets.js";
import { DEFAULT_BASE_URL } from "./http/settings.js";
import { withTimeout } from "./http/timeout.js";
import { type ImagesClientOptions, resolveCheckSettings, resolveSettings } from "./options.js";

/**
 * An openapi-fetch `Client<paths>` for the same API as `createImagesClient(options)`, with the same
 * options checked the same way and every request sent by the same rules as `generate`: the key
 * (`Authorization`, refused over plain http to other hosts), `timeoutMs` per request (body
 * included), no redirect followed, the size cap, the key scrubbed from what comes back, the debug
 * log; nothing else (no validation, normalization or retries). The body arrives read whole. For
 * anything `generate` does not cover. It has a function of its own so that an app that only
 * generates does not bundle openapi-fetch.
 *
 * @example
 * const raw = createRawClient();
 * const { data, error } = await raw.POST("/v1/images/generations", { body: { prompt: "a fox", model: "dall-e-3" } });
 */
export function createRawClient(options: ImagesClientOptions = {}): Client<paths> {
  const { endpoint, timeoutMs } = resolveSettings(options);
  // The same options as createImagesClient, refused alike, though the raw client makes no spec check.
  resolveCheckSettings(options);
  return createClient<paths>({
    baseUrl: endpoint.baseUrl,
    headers: endpoint.headers,
    fetch: (request: Request) => send(endpoint, timeoutMs, request, options.allowInsecureHttp),
  });
}

/**
 * One request of the raw client: one exchange under the timeout, handed back as a `Response`. The
 * key is judged for where the request goes (`keysFor`: a call's own `baseUrl` may differ).
 */
async function send(
  endpoint: Endpoint,
  timeoutMs: number,
  request: Request,
  allowInsecureHttp: boolean | undefined,
): Promise<Response> {
  const key = currentKey(keysFor(endpoint.keys, endpoint.baseUrl, request.url, allowInsecureHttp));
  if (key !== undefined) request.headers.set("authorization", bearer(key));
  const shownUrl = displayUrl(request.url);
  const received = await withTimeout(
    (signal) => exchange(endpoint, { method: request.method, input: request, shownUrl, key }, signal),
    timeoutMs,
    request.signal,
    () => `${request.method} ${shownUrl}`,
  );
  return asResponse(received, DEFAULT_BASE_URL);
}
