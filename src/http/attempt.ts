import { ApiError, ConnectionError, RedirectError, SudoImagesError } from "../errors.js";
import type { SpecViolation } from "../spec/types.js";
import { currentKey, type KeySource } from "./auth.js";
import { limitBody, responseTooLarge } from "./body-limit.js";
import type { Logger } from "./debug-log.js";
import { errorBody, parseJsonBody } from "./response-body.js";
import { redactedHeaders, scrub } from "./secrets.js";

/** A fetch as `generate` calls it: `fetch(url, init)`. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** A 2xx answer: its parsed JSON body and the server's `x-request-id`. */
export interface Answer {
  body: unknown;
  requestId: string | undefined;
}

/** Everything one attempt needs that does not change between calls, resolved once per client. */
export interface Endpoint {
  method: string;
  url: string;
  /** The URL as messages and logs show it: no userinfo. */
  shownUrl: string;
  /** Sent on every request: content type, accept, the caller's own headers. */
  headers: Readonly<Record<string, string>>;
  keys: KeySource;
  maxResponseBytes: number;
  fetch: Fetch;
  log: Logger | undefined;
  /** How a non-2xx answer breaks the spec, attached to its `ApiError`; not checked when absent. */
  errorViolations?: ((status: number, body: unknown) => SpecViolation[]) | undefined;
}

/**
 * One attempt: one `fetch(url, init)`, with the key, the call's `Idempotency-Key` and the
 * attempt's signal; the body read under the size cap, inside the attempt's timeout; the outcome
 * mapped to a parsed 2xx body (with its request id) or a typed error. A redirect is refused (the API does not redirect,
 * and following one would send the prompt elsewhere, perhaps in clear text). Whatever the server
 * says is scrubbed of the key before it can reach an error.
 */
export async function attempt(
  endpoint: Endpoint,
  body: string,
  idempotencyKey: string,
  signal: AbortSignal,
): Promise<Answer> {
  const key = currentKey(endpoint.keys);
  const headers: Record<string, string> = { ...endpoint.headers, "idempotency-key": idempotencyKey };
  if (key !== undefined) headers.authorization = `Bearer ${key}`;
  const { log, method, shownUrl } = endpoint;
  const started = log ? performance.now() : 0;
  log?.(`→ ${method} ${shownUrl} (${redactedHeaders(headers)})`);
  const response = await endpoint
    .fetch(endpoint.url, { method, headers, body, signal, redirect: "manual" })
    .catch((cause: unknown) => failed(endpoint, signal, cause));
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
    void response.body?.cancel();
    throw new RedirectError(`${method} ${shownUrl}`, response);
  }
  const limited = limitBody(response, endpoint.maxResponseBytes, responseTooLarge(response, endpoint.maxResponseBytes));
  const text = await limited
    .text()
    .catch((cause: unknown) => failed(endpoint, signal, cause, " while reading the body"));
  log?.(`← ${method} ${shownUrl} ${response.status} in ${Math.round(performance.now() - started)} ms`);
  if (!response.ok) {
    const { body: parsed, message, value } = errorBody(scrub(text, key), response);
    const { status, statusText, headers } = response;
    const violations = endpoint.errorViolations?.(status, value);
    throw ApiError.from({ status, statusText, method, url: shownUrl, headers, body: parsed, message, violations });
  }
  return { body: parseJsonBody(text, response), requestId: response.headers.get("x-request-id") ?? undefined };
}

/** A failure with no usable response: ours (typed already), the signal's, or the network's. */
function failed(endpoint: Endpoint, signal: AbortSignal, cause: unknown, during = ""): never {
  if (cause instanceof SudoImagesError || signal.aborted) throw cause;
  endpoint.log?.(`✗ ${endpoint.method} ${endpoint.shownUrl} failed${during}: ${(cause as Error).message}`);
  throw new ConnectionError(endpoint.method, endpoint.shownUrl, { cause }, during);
}
