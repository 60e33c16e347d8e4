import { type Answered, type ErrorContext, InvalidResponseError } from "../errors.js";

/**
 * The default cap on a response body, counted after decompression: ten base64 images of the
 * largest size fit many times over, and a 1 GB container survives it (the body, its text and the
 * parsed JSON are held at once), well below V8's longest string (about 512 MiB in Node 20).
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

/** Builds the error for a body over the cap, from what was seen ("12 bytes", "more than …"). */
export type TooLarge = (size: string) => Error;

/**
 * Lets go of a response body nobody will read. `cancel()` on a body that already failed returns a
 * rejected promise; left alone, that rejection would end the process.
 */
export function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/**
 * `response` with its body capped at `maxBytes` of what the client holds: throws `tooLarge` at
 * once when `Content-Length` is over it, or fails the body stream as soon as the bytes read pass
 * it. A `Content-Length` is trusted only for an unencoded body (fetch enforces it); with
 * `Content-Encoding` it is the compressed size, so the decoded bytes are counted, and a 60 kB gzip
 * bomb stops at the cap instead of filling memory.
 */
function limitBody(response: Response, maxBytes: number, tooLarge: TooLarge): Response {
  const declared = response.headers.get("content-length");
  const encoded = (response.headers.get("content-encoding") ?? "identity").trim().toLowerCase() !== "identity";
  if (declared !== null && Number(declared) > maxBytes) {
    discard(response);
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

/**
 * The whole body of `response`, as text or bytes, never more than `maxBytes`: the one way every
 * door reads an answer. A body that still overflows what the runtime can hold (a string longer
 * than V8's limit) is `tooLarge` too, never a `RangeError` that looks like a lost connection.
 */
export async function readBody(response: Response, maxBytes: number, tooLarge: TooLarge, as: "text"): Promise<string>;
export async function readBody(
  response: Response,
  maxBytes: number,
  tooLarge: TooLarge,
  as: "bytes",
): Promise<Uint8Array>;
export async function readBody(
  response: Response,
  maxBytes: number,
  tooLarge: TooLarge,
  as: "text" | "bytes",
): Promise<string | Uint8Array>;
export async function readBody(
  response: Response,
  maxBytes: number,
  tooLarge: TooLarge,
  as: "text" | "bytes",
): Promise<string | Uint8Array> {
  const limited = limitBody(response, maxBytes, tooLarge);
  try {
    return as === "text" ? await limited.text() : new Uint8Array(await limited.arrayBuffer());
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge(`more than this runtime can hold (${error.message})`);
    throw error;
  }
}

/** The error for an API response over the cap. */
export function responseTooLarge(response: Answered, maxBytes: number, context: ErrorContext = {}): TooLarge {
  return (size) =>
    new InvalidResponseError(`Response body of ${size} is over the ${maxBytes}-byte limit`, response, context);
}
