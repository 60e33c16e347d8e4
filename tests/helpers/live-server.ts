import { afterAll, beforeAll } from "vitest";
import type { TestServer } from "./http-server.js";

/**
 * Starts a server for the enclosing `describe` (closed after it) and hands back a stand-in for it
 * right away, so the suite can name `server.url` in its tests before the hook has run.
 */
export function liveServer<T extends TestServer>(start: () => Promise<T>): T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(() => started?.close());
  return new Proxy({} as T, {
    get: (_target, property) => {
      if (started === undefined) throw new Error("the server is used before its describe started it");
      return Reflect.get(started, property);
    },
  });
}
