import createClient, { type Client } from "openapi-fetch";
import { type ImagesClientOptions, resolveSettings } from "./client.js";
import { routes } from "./generated/metadata.js";
import type { paths } from "./generated/schema.js";
import { bearerAuth } from "./http/auth.js";
import { bodyLimit } from "./http/body-limit.js";
import { requestLogger } from "./http/debug-log.js";

/**
 * An openapi-fetch `Client<paths>` for the same API as `createImagesClient(options)`, with the same
 * options checked the same way, the same key rules (`Authorization`, refused over plain http to
 * other hosts), size cap and debug log; nothing else (no validation, normalization or retries).
 * For anything `generate` does not cover. It has a function of its own so that an app that only
 * generates does not bundle openapi-fetch.
 *
 * @example
 * const raw = createRawClient();
 * const { data, error } = await raw.POST("/v1/images/generations", { body: { prompt: "a fox", model: "dall-e-3" } });
 */
export function createRawClient(options: ImagesClientOptions = {}): Client<paths> {
  const { endpoint } = resolveSettings(options);
  const fetchOption = options.fetch;
  const raw = createClient<paths>({
    baseUrl: endpoint.url.slice(0, -routes.generateImage.path.length),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(fetchOption ? { fetch: (request: Request) => fetchOption(request) } : {}),
  });
  raw.use(bearerAuth(endpoint.keys));
  raw.use(bodyLimit(endpoint.maxResponseBytes));
  if (endpoint.log) raw.use(requestLogger(endpoint.log));
  return raw;
}
