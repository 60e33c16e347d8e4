/** A writable stream as the CLI sees it: a terminal or not. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/**
 * A one-line spinner with the seconds elapsed, on a terminal (nothing at all elsewhere, so logs and
 * pipes stay clean).
 *
 * @example
 * const progress = startProgress(process.stderr, "generating");
 * progress.update("downloading 1/2");
 * progress.stop();
 */
export function startProgress(out: Output, text: string): { update(text: string): void; stop(): void } {
  if (!out.isTTY) return { update() {}, stop() {} };
  let frame = 0;
  let label = text;
  const started = Date.now();
  // A real generation takes 30–60 s: the elapsed seconds show it is still going.
  const draw = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    out.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${label} ${seconds}s`);
  };
  draw();
  const timer = setInterval(draw, 80);
  return {
    update(next) {
      label = next;
      draw();
    },
    stop() {
      clearInterval(timer);
      out.write("\r\x1b[2K");
    },
  };
}
