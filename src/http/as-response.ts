import type { Received } from "./exchange.js";
import { parseJsonBody } from "./response-body.js";

/**
 * An answer read whole (by `exchange`: capped, the key scrubbed) as the `Response` openapi-fetch
 * reads: what the raw client and the spec client hand it. A 204, 205 or 304 gets no body, not
 * even an empty one, as `Response` requires. Text answers `text()` and `json()` from the string
 * already read: encoding 8 MB back into bytes to decode them again cost a third of such a call.
 * `json()` of what is not JSON is an `InvalidResponseError`. Its `url` is the URL asked as every
 * message shows it (no credential in it), where a `Response` made here would say `""`. `apiRoot`
 * is the client's default API root, the example `json()`'s hint names for an HTML page.
 */
export function asResponse({ response, text, bytes, url }: Received, apiRoot?: string): Response {
  const answer =
    response.status === 204 || response.status === 205 || response.status === 304
      ? new Response(null, response)
      : bytes === undefined
        ? new TextResponse(text, response, apiRoot)
        : new Response(bytes as Uint8Array<ArrayBuffer>, response);
  return Object.defineProperty(answer, "url", { value: url, enumerable: true });
}

/**
 * A `Response` over text already read. Its `body` stream is made, and the text encoded into it,
 * only if someone asks for it (openapi-fetch reads `json()` or `text()`); `arrayBuffer()` and
 * `blob()` encode the text when called.
 */
class TextResponse extends Response {
  readonly #text: string;
  readonly #apiRoot: string | undefined;
  #body: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;

  constructor(text: string, init: ResponseInit, apiRoot: string | undefined) {
    super(null, init);
    this.#text = text;
    this.#apiRoot = apiRoot;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const text = this.#text;
    this.#body ??= new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    });
    return this.#body;
  }

  override async text(): Promise<string> {
    return this.#text;
  }

  /**
   * The body as JSON, by the rule `generate` reads by: a body that is not JSON (an HTML page, text,
   * JSON cut short) is an `InvalidResponseError` that says what came, escaped, never a bare
   * `SyntaxError` quoting the server's bytes.
   */
  override async json(): Promise<unknown> {
    return parseJsonBody(this.#text, this, {}, this.#apiRoot);
  }

  /**
   * A copy over the same text (`Response`'s own would copy a body this class never filled, and read
   * empty): what a middleware that logs `response.clone()` reads.
   */
  override clone(): Response {
    return Object.defineProperty(new TextResponse(this.#text, this, this.#apiRoot), "url", {
      value: this.url,
      enumerable: true,
    });
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(this.#text).buffer;
  }

  override async blob(): Promise<Blob> {
    return new Blob([this.#text], { type: this.headers.get("content-type") ?? "" });
  }
}

/**
 * openapi-fetch parses a 2xx answer that came without a `Content-Length` with `JSON.parse`, whose
 * `SyntaxError` quotes the server's bytes; read again by `json()` (every door's rule) it becomes the
 * `InvalidResponseError` that says what came, escaped. Any other failure is rethrown as it is.
 * `answered` is the last `Response` the call's fetch handed openapi-fetch.
 */
export async function notJson(error: unknown, answered: Response | undefined): Promise<never> {
  if (error instanceof SyntaxError && answered?.ok) await answered.json();
  throw error;
}
