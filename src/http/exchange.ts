import { ConnectionError, type ErrorContext, InvalidResponseError, RedirectError, SudoImagesError } from "../errors.js";
import { discard, readBody, responseTooLarge } from "./body-limit.js";
import type { Logger } from "./debug-log.js";
import { redactedHeaders, scrubAnswer, scrubError, scrubHeaders } from "./secrets.js";

/** A fetch as the package calls it: `fetch(input, init)`, the signal always in `init`. */
export type Fetch = (input: string | Request, init: RequestInit) => Promise<Response>;

/**
 * The runtime's own `fetch`, looked up at each call (a test or a polyfill may set it after this
 * module loads): what every door uses when given none.
 */
export const globalFetch: Fetch = (input, init) => fetch(input, init);

/** How a door talks to the API: resolved once per client (or per `verifyServer` run). */
export interface Wire {
  fetch: Fetch;
  maxResponseBytes: number;
  log: Logger | undefined;
}

/** One request, as every door that sends the key sends it. */
export interface Outgoing {
  method: string;
  /** The URL, or a `Request` already built (openapi-fetch's). */
  input: string | Request;
  /** The URL as messages and logs show it: no userinfo. */
  shownUrl: string;
  headers?: Record<string, string> | Headers | undefined;
  /** A body sent as it is: text, bytes or a form, which every attempt of a call sends again (never a stream). */
  body?: BodyInit | undefined;
  /** fetch's own options a call set (`integrity`, `cache`, `credentials`, `keepalive`, …), for a URL `input`. */
  options?: RequestInit | undefined;
  /** The key this request carries, scrubbed from whatever comes back. */
  key: string | undefined;
  /** Read a 2xx body as bytes (a file, an image), not text: bytes are handed back as they came, unscrubbed. */
  binary?: boolean | undefined;
}

/** An answer's status line and headers, without its body: what errors are built from. */
export interface Head {
  readonly status: number;
  readonly statusText: string;
  /** A 2xx status. */
  readonly ok: boolean;
  readonly headers: Headers;
}

/** An answer read whole. Its headers and text are scrubbed of the key; its body is already read. */
export interface Received {
  /** Status, status text and (scrubbed) headers. */
  response: Head;
  /** The body as text; empty when it was read as `bytes`. */
  text: string;
  /** The body as bytes, for a 2xx answer to a `binary` request. */
  bytes?: Uint8Array | undefined;
  /** The URL asked, as messages show it (`Outgoing.shownUrl`: no credential in it). */
  url: string;
}

/**
 * One exchange with the API, by the rules every door shares: the signal passed in `init`; no
 * redirect followed (the API never redirects, and following one would send the prompt, and any
 * credential header, elsewhere); a status outside 200–599 refused; the body read whole under the
 * size cap; the key scrubbed from the headers and text before anything can quote them. A network
 * failure is a `ConnectionError`; the caller's abort shows through as the signal's reason.
 */
export async function exchange(
  wire: Wire,
  outgoing: Outgoing,
  signal: AbortSignal,
  context: ErrorContext = {},
): Promise<Received> {
  const { method, shownUrl, key, headers } = outgoing;
  const started = wire.log ? performance.now() : 0;
  const shownHeaders = outgoing.input instanceof Request ? outgoing.input.headers : (headers ?? {});
  wire.log?.(`→ ${method} ${shownUrl} (${redactedHeaders(shownHeaders)})`);
  const init: RequestInit = { ...outgoing.options, signal, redirect: "manual" };
  if (headers !== undefined) init.headers = headers;
  if (!(outgoing.input instanceof Request)) Object.assign(init, { method, body: outgoing.body });
  const raw = await wire
    .fetch(outgoing.input, init)
    .catch((cause: unknown) => failed(wire, outgoing, signal, cause, context));
  const seen = { status: raw.status, headers: scrubHeaders(raw.headers, key) };
  if (raw.type === "opaqueredirect" || (raw.status >= 300 && raw.status < 400)) {
    discard(raw);
    throw new RedirectError(`${method} ${shownUrl}`, seen, context);
  }
  if (raw.status < 200 || raw.status > 599) {
    discard(raw);
    throw new InvalidResponseError(`${method} ${shownUrl} answered with a status HTTP does not define`, seen, context);
  }
  const { status, statusText } = raw;
  // Under 200 and 3xx were refused above.
  const response: Head = { status, statusText, ok: status < 300, headers: seen.headers };
  const tooLarge = responseTooLarge(response, wire.maxResponseBytes, context);
  const body = await readBody(
    raw,
    wire.maxResponseBytes,
    tooLarge,
    outgoing.binary && response.ok ? "bytes" : "text",
  ).catch((cause: unknown) => failed(wire, outgoing, signal, cause, context, " while reading the body"));
  wire.log?.(`← ${method} ${shownUrl} ${raw.status} in ${Math.round(performance.now() - started)} ms`);
  return typeof body === "string"
    ? { response, text: scrubAnswer(body, key), url: shownUrl }
    : { response, text: "", bytes: body, url: shownUrl };
}

/** A failure with no usable response: ours (typed already), the signal's, or the network's. */
function failed(
  wire: Wire,
  outgoing: Outgoing,
  signal: AbortSignal,
  cause: unknown,
  context: ErrorContext,
  during = "",
): never {
  if (cause instanceof SudoImagesError || signal.aborted) throw cause;
  if ((cause as { cause?: { code?: unknown } }).cause?.code === "UND_ERR_HEADERS_OVERFLOW") {
    // An answer came, with more header bytes than fetch accepts: a broken server, not a lost line.
    const message = `${outgoing.method} ${outgoing.shownUrl} answered with headers over fetch's size limit`;
    throw new InvalidResponseError(message, { status: 0, headers: new Headers() }, { ...context, cause });
  }
  const shown = scrubError(cause, outgoing.key);
  wire.log?.(
    `✗ ${outgoing.method} ${outgoing.shownUrl} failed${during}: ${(shown as Error | undefined)?.message ?? shown}`,
  );
  throw new ConnectionError(outgoing.method, outgoing.shownUrl, { ...context, cause: shown }, during);
}
