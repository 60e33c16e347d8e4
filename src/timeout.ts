import { TimeoutError } from "./errors.js";

/**
 * Runs one attempt with its own signal, aborted when the caller's `signal` aborts (with the
 * caller's reason) or after `timeoutMs` (with a `TimeoutError`), whichever comes first. The timer
 * and the listener on the caller's signal are released when the attempt settles.
 */
export async function withTimeout<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  describe: () => string,
): Promise<T> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(
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
    signal?.removeEventListener("abort", onAbort);
  }
}
