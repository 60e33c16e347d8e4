import { whenAborted } from "./signals.js";
import { MAX_TIMER_MS } from "./timeout.js";

/**
 * Waits `ms` milliseconds, or rejects with the signal's reason the moment it aborts; the timer
 * and the wait on the signal are released either way, so a cancelled backoff leaves nothing behind.
 * A wait over 2^31 − 1 ms (a `retry` tuning or a `Retry-After` cap set that high) is cut to it:
 * a longer timer would fire at once, a retry with no backoff at all.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const stopWaiting = signal
      ? whenAborted(signal, () => {
          clearTimeout(timer);
          reject(signal.reason);
        })
      : undefined;
    const timer = setTimeout(
      () => {
        stopWaiting?.();
        resolve();
      },
      Math.min(ms, MAX_TIMER_MS),
    );
  });
}
