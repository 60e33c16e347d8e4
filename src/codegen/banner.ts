import path from "node:path";
import { commentText } from "./code-text.js";

/** How the first line of every generated file starts: a file whose first line does not was written by someone else. */
const FIRST_LINE = /^\/\/ Generated from .* by `sudo-images codegen`/;

/**
 * The two comment lines every generated file starts with: the spec it came from (as the user would
 * type it when below the working folder, its bare name otherwise) and that it is not to be edited.
 */
export function bannerFor(specPath: string): string {
  const relative = path.relative(process.cwd(), specPath);
  const spec = (relative.startsWith("..") ? path.basename(specPath) : relative).split(path.sep).join("/");
  return [
    `// Generated from ${commentText(spec)} by \`sudo-images codegen\` (npm run generate in its repository).`,
    "// Do not edit: change the spec or the generator, then regenerate.",
    "",
  ].join("\n");
}

/** Whether `text`, the start of a file, opens with the generator's banner (so the generator wrote it). */
export function hasBanner(text: string): boolean {
  return FIRST_LINE.test(text.slice(0, text.indexOf("\n") + 1 || undefined));
}
