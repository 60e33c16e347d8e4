import { type ErrorContext, TimeoutError } from "../errors.js";
import { whenAborted } from "./signals.js";

/** Image generation is slow: ten minutes per attempt, as the OpenAI SDK allows. */
export const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

/** The longest delay a timer takes (2^31 − 1 ms, about 24.8 days); a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs one attempt with its own signal, aborted when the caller's `signal` aborts (with the
 * caller's reason) or after `timeoutMs` (with a `TimeoutError`), whichever comes first (a signal
 * aborted already rejects with its reason before the attempt starts);
 * `Infinity` sets no timer. The attempt is raced against that signal, so a `fetch` that drops
 * `init.signal` (or a body that never ends) cannot hold the call past it. The timer and the wait
 * on the caller's signal are released when the attempt settles.
 */
export async function withTimeout<T>(
  work: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  describe: () => string,
  context: ErrorContext = {},
): Promise<T> {
  // A `fetch` that ignores its signal would still send the request (a paid one): nothing starts.
  if (signal?.aborted) throw signal.reason;
  const controller = new AbortController();
  // Only this function aborts `controller`, so it rejects the race itself rather than listening
  // on the signal it just made (a listener per attempt costs more than the rest of this function).
  let stop: (reason: unknown) => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    stop = (reason) => {
      controller.abort(reason);
      reject(reason);
    };
  });
  const stopWaiting = signal ? whenAborted(signal, () => stop(signal.reason)) : undefined;
  const timer =
    timeoutMs === Number.POSITIVE_INFINITY
      ? undefined
      : setTimeout(() => stop(new TimeoutError(`${describe()} timed out after ${timeoutMs} ms`, context)), timeoutMs);
  const running = work(controller.signal);
  // The attempt may still fail after it lost the race; nobody waits for it then.
  running.catch(() => {});
  try {
    return await Promise.race([running, aborted]);
  } catch (error) {
    // fetch may reject with its own AbortError; the reason we aborted with says why.
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
    stopWaiting?.();
  }
}
