import type { RequestRoute } from "../runtime/request-violations.js";

/** Methods that carry no body: fetch refuses to send one, and servers do not read one. */
const BODILESS = ["get", "head"];

/**
 * The schema name of the body a request to `route` carries, or `undefined`: none for a GET or a
 * HEAD even when the spec gives it one (some published specs do), since fetch cannot send it. The
 * mock reads no body for such an operation and verify plans none, so the two agree.
 *
 * @example
 * sentBodySchema({ method: "get", path: "/search", request: "search_request" }) // undefined
 */
export function sentBodySchema(route: RequestRoute): string | undefined {
  return BODILESS.includes(route.method.toLowerCase()) ? undefined : route.request;
}
