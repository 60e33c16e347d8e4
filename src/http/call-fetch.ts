import type { Fetch } from "./exchange.js";
import { checkFunction } from "./settings.js";

/** A call's own `fetch`, as openapi-fetch calls one: with a `Request`. */
type CallFetch = (request: Request) => Promise<Response>;

/**
 * A call's own `fetch` option (openapi-fetch's), checked, as the wire calls a fetch: with each
 * attempt's `Request` built from what the wire sends (method, headers, body, the attempt's signal,
 * `redirect: "manual"`), so a call's fetch is held to the same rules as its client's. `undefined`
 * when the call gave none. Every openapi-fetch client of the package reads it here.
 */
export function callFetch(value: unknown): Fetch | undefined {
  const own = checkFunction(value, "fetch") as CallFetch | undefined;
  return own && ((input, init) => own(new Request(input, init)));
}
