import type { Middleware } from "openapi-fetch";
import { ConfigurationError } from "./errors.js";

/**
 * Sets `Authorization: Bearer <key>` on every request. The key is looked up when a request is
 * made, not when the client is created, so a missing key fails at the first call with a message
 * that names the variable to set.
 */
export function bearerAuth(getKey: () => string | undefined): Middleware {
  return {
    onRequest({ request }) {
      const key = getKey();
      if (key === undefined) {
        throw new ConfigurationError(
          "No API key: set the SUDO_API_KEY environment variable or pass `apiKey` to createImagesClient().",
        );
      }
      request.headers.set("Authorization", `Bearer ${key}`);
      return request;
    },
  };
}
