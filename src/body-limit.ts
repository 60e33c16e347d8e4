import type { Middleware } from "openapi-fetch";
import { InvalidResponseError } from "./errors.js";

/** The default cap on a response body: 4 images of ~96 MB base64 each still fit. */
export const DEFAULT_MAX_RESPONSE_BYTES = 512 * 1024 * 1024;

/**
 * `response` with its body capped at `maxBytes`: throws `tooLarge` at once when `Content-Length`
 * is over it, or fails the body stream as soon as a body of unknown length passes it.
 */
export function limitBody(response: Response, maxBytes: number, tooLarge: (size: string) => Error): Response {
  const declared = response.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    void response.body?.cancel();
    throw tooLarge(`${declared} bytes`);
  }
  // A declared length within the cap is enforced by fetch itself; only unknown lengths need counting.
  if (declared !== null || response.body === null) return response;
  let seen = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(tooLarge(`more than ${maxBytes} bytes`));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, response);
}

/** Middleware: refuses an API response body over `maxBytes` with an `InvalidResponseError`. */
export function bodyLimit(maxBytes: number): Middleware {
  return {
    onResponse({ response }) {
      const limited = limitBody(
        response,
        maxBytes,
        (size) => new InvalidResponseError(`Response body of ${size} is over the ${maxBytes}-byte limit`, response),
      );
      return limited === response ? undefined : limited;
    },
  };
}
