/**
 * What ends a generate or verify command before its call does: `--deadline`, Ctrl-C, or SIGTERM
 * (what `docker stop`, Kubernetes, GitLab and Jenkins send to cancel a job). Each aborts one
 * signal with a `StoppedError`, so images paid for by then are saved, as after a failed sub-call,
 * and verify's report is printed and written.
 */

/** Why the command stopped early (its message), and the exit code it ends with. */
export class StoppedError extends Error {
  constructor(
    message: string,
    /** 1 for `--deadline`; 128 + the signal's number (130 Ctrl-C, 143 SIGTERM), as a shell reports it. */
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

/** The process signals that stop a command, what the report calls each, and its exit code. */
const STOPPING = [
  { name: "SIGINT", said: "interrupted (Ctrl-C)", exitCode: 130 },
  { name: "SIGTERM", said: "terminated (SIGTERM)", exitCode: 143 },
] as const;

/**
 * A signal that fires at `deadlineMs` or at the first Ctrl-C (SIGINT) or SIGTERM, whichever comes
 * first. Only the first of those is taken: the listeners go with it, so a second one ends the
 * process at once (Node's default), as does one after `dispose`.
 */
export function stopSignal(deadlineMs: number | undefined): Stop {
  const controller = new AbortController();
  const listeners = STOPPING.map(({ name, said, exitCode }) => {
    const listener = () => {
      unlisten();
      controller.abort(new StoppedError(said, exitCode));
    };
    process.on(name, listener);
    return { name, listener };
  });
  const unlisten = () => {
    for (const { name, listener } of listeners) process.off(name, listener);
  };
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
      unlisten();
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
