import type { Middleware } from "openapi-fetch";
import { readEnv } from "./environment.js";
import { displayUrl, redactedHeaders } from "./secrets.js";

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

/**
 * Middleware for `createRawClient`: logs each request (credential headers and URL passwords
 * redacted, as `generate` logs them) and its status and timing.
 */
export function requestLogger(log: Logger): Middleware {
  const started = new Map<string, number>();
  return {
    onRequest({ request, id }) {
      started.set(id, performance.now());
      log(`→ ${request.method} ${displayUrl(request.url)} (${redactedHeaders(request.headers)})`);
    },
    onResponse({ request, response, id }) {
      log(`← ${request.method} ${displayUrl(request.url)} ${response.status} in ${elapsed(started, id)} ms`);
    },
    onError({ request, error, id }) {
      log(
        `✗ ${request.method} ${displayUrl(request.url)} failed after ${elapsed(started, id)} ms: ${(error as Error).message}`,
      );
    },
  };
}

function elapsed(started: Map<string, number>, id: string): number {
  const start = started.get(id) ?? performance.now();
  started.delete(id);
  return Math.round(performance.now() - start);
}
