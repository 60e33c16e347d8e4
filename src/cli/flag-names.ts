import { closestName } from "../closest-name.js";

/**
 * The flag that sets each client option, so a message the client words for a library user
 * (`baseUrl is not an absolute URL`) names what a shell user typed (`--base-url`).
 */
const FLAG_FOR_OPTION: Readonly<Record<string, string>> = {
  // verifyServer names its plain-word options so ("the budget option"): a server's "budget" stays a word.
  "the budget option": "--budget",
  "the include option": "--include",
  "the concurrency option": "--concurrency",
  baseUrl: "--base-url",
  "the apiKey option": "--api-key",
  apiKey: "--api-key",
  timeoutMs: "--timeout",
  allowInsecureHttp: "--allow-insecure-http",
  imageHosts: "--image-hosts",
  maxImagesPerCall: "--max-images-per-call",
};

const OPTION = new RegExp(`\\b(${Object.keys(FLAG_FOR_OPTION).join("|")})\\b`, "g");

/** `message` with every client option name replaced by its flag. */
export function inFlagTerms(message: string): string {
  return message.replace(OPTION, (name) => FLAG_FOR_OPTION[name] ?? name);
}

/**
 * The known flag closest to an unknown one (`--sise` → `--size`), when one is close enough to be
 * what was meant: at most two edits, and fewer than half its letters.
 */
export function closestFlag(unknown: string, known: readonly string[]): string | undefined {
  return closestName(unknown, known);
}
