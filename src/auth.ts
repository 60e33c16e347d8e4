import type { Middleware } from "openapi-fetch";
import { ConfigurationError } from "./errors.js";

/**
 * Sets `Authorization: Bearer <key>` on every request. The key is looked up when a request is
 * made, not when the client is created, so a missing key fails at the first call with a message
 * that names the variable to set (unless a key is not `required`: a page behind a proxy). It is never sent in clear text over the network: plain
 * `http://` is refused unless the host is loopback or `allowInsecureHttp` is set.
 */
export function bearerAuth(
  getKey: () => string | undefined,
  { allowInsecureHttp, required }: { allowInsecureHttp: boolean; required: boolean },
): Middleware {
  return {
    onRequest({ request }) {
      const key = getKey();
      if (key === undefined && !required) return request;
      if (key === undefined) {
        throw new ConfigurationError(
          "No API key: set the SUDO_API_KEY environment variable or pass `apiKey` to createImagesClient().",
        );
      }
      // Only plain http needs a closer look; parsing every https URL would be work for nothing.
      const url = request.url.startsWith("http:") ? new URL(request.url) : undefined;
      if (url && !allowInsecureHttp && !isLoopback(url.hostname)) {
        throw new ConfigurationError(
          `Refusing to send the API key in clear text to http://${url.host}: use https, or set allowInsecureHttp: true.`,
        );
      }
      request.headers.set("Authorization", `Bearer ${key}`);
      return request;
    },
  };
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
