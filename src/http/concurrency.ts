import { checkWhole } from "./settings.js";
import { whenAborted } from "./signals.js";

/** The most requests a client has in flight when its options do not say. */
export const DEFAULT_MAX_CONCURRENCY = 4;

/** Runs work with at most a fixed number of tasks in flight; the rest wait their turn in order. */
export interface Limiter {
  /** Runs `task` once a slot is free; a `signal` that aborts while it waits takes it out of the queue. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** The limiter a client's `maxConcurrency` option asks for (checked: a whole number of at least 1). */
export function limiterFor(maxConcurrency: number | undefined): Limiter {
  return limiter(checkWhole(maxConcurrency ?? DEFAULT_MAX_CONCURRENCY, "maxConcurrency", 1));
}

/**
 * A limiter for `max` tasks in flight, shared by every call of one client (fan-out sub-calls and
 * ordinary calls alike), so a burst queues here instead of drawing 429s from the API.
 */
export function limiter(max: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  // A finished task hands its slot straight to the next in line, so no newcomer can slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    async run(task, signal) {
      if (running < max) running++;
      else await turn(waiting, signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}

/** Resolves when the queue lets this caller in, or rejects with the signal's reason. */
function turn(waiting: (() => void)[], signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const enter = () => {
      stopWaiting?.();
      resolve();
    };
    const stopWaiting = signal
      ? whenAborted(signal, () => {
          waiting.splice(waiting.indexOf(enter), 1);
          reject(signal.reason);
        })
      : undefined;
    waiting.push(enter);
  });
}
