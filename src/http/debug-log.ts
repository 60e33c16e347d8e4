import { readEnv } from "./environment.js";

/** Receives one line per event: attempts, statuses, timings, retries. Never the API key. */
export type Logger = (line: string) => void;

/**
 * The logger to use: the one given, else stderr when `DEBUG` names `sudo-images` (or `*`),
 * else none.
 *
 * @example
 * // DEBUG=sudo-images node app.js
 * // [sudo-images] → POST https://sudoapp.dev/api/v1/images/generations (content-type: application/json, …, authorization: [redacted])
 * // [sudo-images] ← POST https://sudoapp.dev/api/v1/images/generations 200 in 8412 ms
 */
export function resolveLogger(logger: Logger | undefined): Logger | undefined {
  if (logger) return logger;
  const debug = readEnv("DEBUG") ?? "";
  const enabled = debug.split(/[\s,]+/).some((name) => name === "sudo-images" || name === "*");
  return enabled ? (line) => console.error(`[sudo-images] ${line}`) : undefined;
}
