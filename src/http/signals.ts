interface Waiters {
  callbacks: Set<() => void>;
  /** The one listener this module keeps on the signal. */
  fire: () => void;
}

/** Who waits on each signal, behind the one listener this module adds to it. */
const waiting = new WeakMap<AbortSignal, Waiters>();

/**
 * Calls `callback` when `signal` aborts; returns a function that stops waiting. However many calls
 * share one signal (a page's "cancel all"), the signal gets one listener from this package, so
 * Node's `MaxListenersExceededWarning` never fires, and the listener goes when nothing waits.
 */
export function whenAborted(signal: AbortSignal, callback: () => void): () => void {
  let waiters = waiting.get(signal);
  if (waiters === undefined) {
    const callbacks = new Set<() => void>();
    const fire = () => {
      waiting.delete(signal);
      for (const waiter of callbacks) waiter();
    };
    waiters = { callbacks, fire };
    waiting.set(signal, waiters);
    signal.addEventListener("abort", fire, { once: true });
  }
  const own = waiters;
  own.callbacks.add(callback);
  return () => {
    own.callbacks.delete(callback);
    if (own.callbacks.size > 0 || waiting.get(signal) !== own) return;
    waiting.delete(signal);
    signal.removeEventListener("abort", own.fire);
  };
}
