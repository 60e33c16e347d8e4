/** A writable stream as the CLI sees it: a terminal or not. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/**
 * A one-line spinner with the seconds elapsed, on a terminal (nothing at all elsewhere, so logs and
 * pipes stay clean). With `after` (ms), nothing is drawn until the work has lasted that long, so a
 * quick run leaves no trace.
 *
 * @example
 * const progress = startProgress(process.stderr, "generating", { after: 1000 });
 * progress.update("downloading 1/2");
 * progress.stop();
 */
export function startProgress(
  out: Output,
  text: string,
  { after = 0 }: { after?: number } = {},
): { update(text: string): void; stop(): void } {
  if (!out.isTTY) return { update() {}, stop() {} };
  let frame = 0;
  let label = text;
  let drawing = false;
  const started = Date.now();
  // A real generation takes 30–60 s: the elapsed seconds show it is still going.
  const draw = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    out.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${label} ${seconds}s`);
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  const begin = () => {
    drawing = true;
    draw();
    timer = setInterval(draw, 80);
  };
  const delay = after > 0 ? setTimeout(begin, after) : undefined;
  if (delay === undefined) begin();
  return {
    update(next) {
      label = next;
      if (drawing) draw();
    },
    stop() {
      clearTimeout(delay);
      clearInterval(timer);
      if (drawing) out.write("\r\x1b[2K");
    },
  };
}
