/** A writable stream as the CLI sees it: a terminal or not. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/**
 * A one-line spinner on a terminal (nothing at all elsewhere, so logs and pipes stay clean).
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
  const draw = () => out.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${label}`);
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
