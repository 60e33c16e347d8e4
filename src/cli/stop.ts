/**
 * What ends a generate command before its call does: `--deadline`, or Ctrl-C. Either aborts one
 * signal with a `StoppedError`, so images paid for by then are saved, as after a failed sub-call.
 */

/** Why the command stopped early (its message), and the exit code it ends with. */
export class StoppedError extends Error {
  constructor(
    message: string,
    /** 1 for `--deadline`; 130 for Ctrl-C, as a shell reports a command the user interrupted. */
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** The signal that ends the call early, and `dispose` to stop listening once the command is done. */
export interface Stop {
  readonly signal: AbortSignal;
  dispose(): void;
}

/**
 * A signal that fires at `deadlineMs` or at the first Ctrl-C (SIGINT), whichever comes first. Only
 * the first Ctrl-C is taken: its listener goes with it, so a second one ends the process at once
 * (Node's default), as does one after `dispose`.
 */
export function stopSignal(deadlineMs: number | undefined): Stop {
  const controller = new AbortController();
  const interrupt = () => controller.abort(new StoppedError("interrupted (Ctrl-C)", 130));
  process.once("SIGINT", interrupt);
  const timer =
    deadlineMs === undefined
      ? undefined
      : setTimeout(
          () => controller.abort(new StoppedError(`gave up after --deadline ${deadlineMs} ms`, 1)),
          deadlineMs,
        );
  // Nothing waits on the deadline alone: the call keeps the process alive while it runs.
  timer?.unref();
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", interrupt);
      clearTimeout(timer);
    },
  };
}

/** The `StoppedError` that ended a command, found on the error or among its first few causes. */
export function stoppedBy(error: unknown): StoppedError | undefined {
  let current = error;
  // Bounded: a cause chain can loop.
  for (let depth = 0; depth < 4 && current instanceof Error; depth++, current = current.cause) {
    if (current instanceof StoppedError) return current;
  }
  return undefined;
}
