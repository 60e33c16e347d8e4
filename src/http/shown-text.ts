/**
 * C0 and C1 control characters (and DEL): a server's text holding them can clear a terminal, fake
 * output lines or write the clipboard (OSC 52) when a person's screen shows it.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * `text` as a person's terminal may show it: every control character but line breaks and tabs
 * becomes U+FFFD, so nothing a server sends can steer the screen.
 *
 * @example
 * terminalText("ok\u001b[2Jgone") // "ok\uFFFD[2Jgone"
 */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (char) => (char === "\n" || char === "\t" ? char : "\uFFFD"));
}

/**
 * `text` on one line, terminal-safe, cut to `max` characters with an ellipsis; `undefined` when it
 * is blank. Every message this package shows a person goes through it.
 */
export function oneLine(text: string, max: number): string | undefined {
  const line = terminalText(text.replace(/\s+/g, " ")).trim();
  return line === "" ? undefined : line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
