import { DEFAULT_BASE_URL } from "./settings.js";

/**
 * What a 404 most often means when the base URL ends in `/v1`: the version written twice
 * (`…/api/v1/v1/images/generations`), since the spec's paths start with it. A server's JSON 404
 * says nothing of the sort, so the hint is the client's, as an HTML page's is.
 */
const V1_HINT = `check that baseUrl is the API root, without /v1, such as ${DEFAULT_BASE_URL}`;

/**
 * The message a non-2xx answer shows: the server's own (`message`), led by the `/v1` hint when the
 * answer is a 404 under a base URL that ends in `/v1` (checked base URLs have no trailing slash).
 *
 * @example
 * withBaseUrlHint("Not found", 404, "https://sudoapp.dev/api/v1")
 * // "check that baseUrl is the API root, without /v1, such as https://sudoapp.dev/api (Not found)"
 */
export function withBaseUrlHint(message: string | undefined, status: number, baseUrl: string): string | undefined {
  return status === 404 && /\/v1$/i.test(baseUrl) ? `${V1_HINT}${message ? ` (${message})` : ""}` : message;
}
