import type { Received } from "./exchange.js";

/**
 * An answer read whole (by `exchange`: capped, the key scrubbed) as the `Response` openapi-fetch
 * reads: what the raw client and the spec client hand it. A 204, 205 or 304 gets no body, not
 * even an empty one, as `Response` requires.
 */
export function asResponse({ response, text }: Received): Response {
  const bodiless = response.status === 204 || response.status === 205 || response.status === 304;
  return new Response(bodiless ? null : text, response);
}
