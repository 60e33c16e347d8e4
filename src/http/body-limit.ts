import type { Middleware } from "openapi-fetch";
import { InvalidResponseError } from "../errors.js";

/** The default cap on a response body: 4 images of ~96 MB base64 each still fit. */
export const DEFAULT_MAX_RESPONSE_BYTES = 512 * 1024 * 1024;

/**
 * `response` with its body capped at `maxBytes` of what the client holds: throws `tooLarge` at
 * once when `Content-Length` is over it, or fails the body stream as soon as the bytes read pass
 * it. A `Content-Length` is trusted only for an unencoded body (fetch enforces it); with
 * `Content-Encoding` it is the compressed size, so the decoded bytes are counted, and a 60 kB gzip
 * bomb stops at the cap instead of filling memory.
 */
export function limitBody(response: Response, maxBytes: number, tooLarge: (size: string) => Error): Response {
  const declared = response.headers.get("content-length");
  const encoded = (response.headers.get("content-encoding") ?? "identity").trim().toLowerCase() !== "identity";
  if (declared !== null && Number(declared) > maxBytes) {
    void response.body?.cancel();
    throw tooLarge(`${declared} bytes`);
  }
  if ((declared !== null && !encoded) || response.body === null) return response;
  let seen = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(tooLarge(`more than ${maxBytes} bytes${encoded ? " once decoded" : ""}`));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, response);
}

/** The error for an API response over the cap. */
export function responseTooLarge(response: Response, maxBytes: number): (size: string) => Error {
  return (size) => new InvalidResponseError(`Response body of ${size} is over the ${maxBytes}-byte limit`, response);
}

/** Middleware for `raw`: refuses a response body over `maxBytes` with an `InvalidResponseError`. */
export function bodyLimit(maxBytes: number): Middleware {
  return {
    onResponse({ response }) {
      const limited = limitBody(response, maxBytes, responseTooLarge(response, maxBytes));
      return limited === response ? undefined : limited;
    },
  };
}
