import { TimeoutError } from "../errors.js";
import { whenAborted } from "./signals.js";

/** Image generation is slow: ten minutes per attempt, as the OpenAI SDK allows. */
export const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

/** The longest delay a timer takes (2^31 − 1 ms, about 24.8 days); a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs one attempt with its own signal, aborted when the caller's `signal` aborts (with the
 * caller's reason) or after `timeoutMs` (with a `TimeoutError`), whichever comes first;
 * `Infinity` sets no timer. The timer and the wait on the caller's signal are released when the
 * attempt settles.
 */
export async function withTimeout<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  describe: () => string,
): Promise<T> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  let stopWaiting: (() => void) | undefined;
  if (signal?.aborted) onAbort();
  else if (signal) stopWaiting = whenAborted(signal, onAbort);
  const timer =
    timeoutMs === Number.POSITIVE_INFINITY
      ? undefined
      : setTimeout(
          () => controller.abort(new TimeoutError(`${describe()} timed out after ${timeoutMs} ms`)),
          timeoutMs,
        );
  try {
    return await attempt(controller.signal);
  } catch (error) {
    // fetch may reject with its own AbortError; the reason we aborted with says why.
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
    stopWaiting?.();
  }
}
