import { oneLine } from "../http/shown-text.js";

/** The longest line the CLI writes about a failure; a longer one is cut with an ellipsis. */
const LONGEST = 4000;

/**
 * A line the CLI writes to stderr about a failure (or about what it did instead of the work asked
 * for, such as using a cached folder), in the one shape every command uses:
 * `sudo-images: what went wrong, and where`, on one line, control characters made harmless.
 *
 * @example
 * stderrLine("--out ./img is a file, not a folder") // "sudo-images: --out ./img is a file, not a folder\n"
 */
export function stderrLine(text: string): string {
  return `sudo-images: ${oneLine(text, LONGEST) ?? "failed"}\n`;
}

/**
 * A warning in the same shape: `sudo-images: warning: …`.
 *
 * @example
 * warningLine("dall-e-3 was shut down on 2026-05-12") // "sudo-images: warning: dall-e-3 was shut down on 2026-05-12\n"
 */
export function warningLine(text: string): string {
  return stderrLine(`warning: ${text}`);
}
