import { whenAborted } from "./signals.js";

/**
 * Waits `ms` milliseconds, or rejects with the signal's reason the moment it aborts; the timer
 * and the wait on the signal are released either way, so a cancelled backoff leaves nothing behind.
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
    const timer = setTimeout(() => {
      stopWaiting?.();
      resolve();
    }, ms);
  });
}
