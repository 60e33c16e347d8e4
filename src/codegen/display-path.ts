import path from "node:path";

/**
 * A path as the user would type it: relative to the working folder when it is below it, and on
 * one line (a file name may hold a line break or a control character; JSON-quoted then).
 */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  const shown = relative.startsWith("..") ? file : relative;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a control character is what is looked for.
  return /[\u0000-\u001f\u007f-\u009f]/.test(shown) ? JSON.stringify(shown) : shown;
}
