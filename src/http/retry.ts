import { ApiError, ConnectionError, SudoImagesError, TimeoutError } from "../errors.js";
import { checkObject, checkWhole } from "./settings.js";
import { sleep } from "./sleep.js";

/** When and how long to wait before trying a failed call again. */
export interface RetryPolicy {
  /** Retries after the first attempt. @default 2 */
  maxRetries: number;
  /** The first backoff; it doubles on each retry. @default 500 */
  baseDelayMs: number;
  /** The longest computed backoff. @default 8000 */
  maxDelayMs: number;
  /** The longest wait a `Retry-After` or `retry-after-ms` header may ask for. @default 60000 */
  maxRetryAfterMs: number;
}

/** The defaults, as the OpenAI SDK has them. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
};

/** The options a client reads its retry policy from: `maxRetries`, and `retry` to tune the backoff. */
export interface RetryOptions {
  maxRetries?: number | undefined;
  retry?: Partial<Omit<RetryPolicy, "maxRetries">> | undefined;
}

/** `maxRetries` and the `retry` tuning over the defaults, each checked: every client's one way to read them. */
export function policyOf(options: RetryOptions): RetryPolicy {
  const retry = {
    ...DEFAULT_RETRY_POLICY,
    ...checkObject(options.retry, "retry"),
    maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
  };
  return {
    maxRetries: checkWhole(retry.maxRetries, "maxRetries", 0),
    baseDelayMs: checkWhole(retry.baseDelayMs, "retry.baseDelayMs", 0),
    maxDelayMs: checkWhole(retry.maxDelayMs, "retry.maxDelayMs", 0),
    maxRetryAfterMs: checkWhole(retry.maxRetryAfterMs, "retry.maxRetryAfterMs", 0),
  };
}

/**
 * Whether a failure may succeed when tried again: no response or a timeout, or a status that
 * says "later" (408, 409, 429, 5xx but 501). Other 4xx and invalid bodies will fail the same way.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ConnectionError || error instanceof TimeoutError) return true;
  if (!(error instanceof ApiError)) return false;
  const { status } = error;
  return status === 408 || status === 409 || status === 429 || (status >= 500 && status !== 501);
}

/**
 * How long to wait before retry number `retry` (1 for the first): the server's `retry-after-ms`
 * or `Retry-After` (seconds or an HTTP date) when present, capped at `maxRetryAfterMs`; otherwise
 * exponential backoff with up to 25% jitter taken off.
 *
 * @example
 * retryDelay(1, new Headers({ "retry-after": "2" }), DEFAULT_RETRY_POLICY) // 2000
 */
export function retryDelay(
  retry: number,
  headers: Headers | undefined,
  policy: RetryPolicy,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  const asked = headers ? serverDelay(headers, now) : undefined;
  if (asked !== undefined) return Math.min(asked, policy.maxRetryAfterMs);
  const backoff = Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
  return Math.round(backoff * (1 - 0.25 * random()));
}

/** An HTTP-date as RFC 9110 allows it: IMF-fixdate, the obsolete RFC 850 form, or asctime. */
const HTTP_DATE =
  /^(?:[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

/**
 * The wait a server asked for: `retry-after-ms` (milliseconds), else `Retry-After` as
 * delta-seconds (digits only) or an HTTP-date. Anything else (`-1`, `"2, 3"`, `"0x10"`, a date
 * V8 happens to parse) is ignored, and the computed backoff applies.
 */
function serverDelay(headers: Headers, now: number): number | undefined {
  // Headers strip the white space around a value already.
  const ms = headers.get("retry-after-ms") ?? undefined;
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms)) return Number(ms);
  const value = headers.get("retry-after") ?? undefined;
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!HTTP_DATE.test(value)) return undefined;
  // asctime carries no zone; HTTP-dates are always GMT.
  const date = Date.parse(value.endsWith("GMT") ? value : `${value} GMT`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Runs `run` (one attempt) until it succeeds, fails with something not retryable, or runs out of retries,
 * waiting between attempts (a wait the caller's `signal` cuts short). Each attempt is told its
 * number and the last request id the server gave, so the error that ends it is complete when made.
 */
export async function retrying<T>(
  run: (context: { attempts: number; requestId: string | undefined }) => Promise<T>,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  log: (line: string) => void,
): Promise<T> {
  let requestId: string | undefined;
  for (let attempts = 1; ; attempts++) {
    try {
      return await run({ attempts, requestId });
    } catch (error) {
      if (error instanceof SudoImagesError) requestId = error.requestId ?? requestId;
      const retryable = !signal?.aborted && attempts <= policy.maxRetries && isRetryable(error);
      if (!retryable) throw error;
      const delay = retryDelay(attempts, error instanceof ApiError ? error.headers : undefined, policy);
      log(`attempt ${attempts} failed (${(error as Error).message}); retrying in ${delay} ms`);
      await sleep(delay, signal);
    }
  }
}
