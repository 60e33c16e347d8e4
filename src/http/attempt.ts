import { ApiError, type ErrorContext, requestIdOf } from "../errors.js";
import type { SpecViolation } from "../runtime/types.js";
import { bearer, currentKey, type KeySource } from "./auth.js";
import { withBaseUrlHint } from "./base-url-hint.js";
import { exchange, type Wire } from "./exchange.js";
import { errorBody, parseJsonBody } from "./response-body.js";
import { DEFAULT_BASE_URL } from "./settings.js";

export type { Fetch } from "./exchange.js";

/** A 2xx answer: its parsed JSON body, the server's `x-request-id` and its headers (the key scrubbed). */
export interface Answer {
  body: unknown;
  requestId: string | undefined;
  headers: Headers;
}

/** Everything one attempt needs that does not change between calls, resolved once per client. */
export interface Endpoint extends Wire {
  method: string;
  url: string;
  /** The API root the operation's path was appended to (what `createRawClient` starts from). */
  baseUrl: string;
  /** The URL as messages and logs show it: no userinfo. */
  shownUrl: string;
  /** Sent on every request: content type, accept, the caller's own headers. */
  headers: Readonly<Record<string, string>>;
  keys: KeySource;
  /** How a non-2xx answer breaks the spec, attached to its `ApiError`; not checked when absent. */
  errorViolations?: ((status: number, body: unknown) => SpecViolation[]) | undefined;
}

/**
 * One attempt of `generate`: one exchange (see `exchange`) with the key and the call's
 * `Idempotency-Key`, mapped to a parsed 2xx body (with its request id) or a typed error.
 */
export async function attempt(
  endpoint: Endpoint,
  body: string,
  idempotencyKey: string,
  signal: AbortSignal,
  context: ErrorContext,
): Promise<Answer> {
  const key = currentKey(endpoint.keys);
  const headers: Record<string, string> = { ...endpoint.headers, "idempotency-key": idempotencyKey };
  if (key !== undefined) headers.authorization = bearer(key);
  const { method, shownUrl } = endpoint;
  const { response, text } = await exchange(
    endpoint,
    { method, input: endpoint.url, shownUrl, headers, body, key },
    signal,
    context,
  );
  if (!response.ok) {
    const { body: parsed, message, value } = errorBody(text, response, DEFAULT_BASE_URL);
    const { status, statusText, headers } = response;
    const violations = endpoint.errorViolations?.(status, value);
    throw ApiError.from({
      status,
      statusText,
      method,
      url: shownUrl,
      headers,
      body: parsed,
      message: withBaseUrlHint(message, status, endpoint.baseUrl),
      violations,
      context,
    });
  }
  const { headers: answered } = response;
  const answer = parseJsonBody(text, response, context, DEFAULT_BASE_URL);
  return { body: answer, requestId: requestIdOf(answered), headers: answered };
}
