/**
 * A server that plays, for each request, the part its `x-play` header names (`ok` when none), a
 * second one to redirect to, and a client of the first: what the suites that test one rule each
 * against a misbehaving server share.
 */
import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { createImagesClient, type ImagesClientOptions } from "../../src/index.js";
import { VALID_BODY } from "./fault-server.js";
import { type SeenRequest, sendJson, startTestServer, type TestServer } from "./http-server.js";
import { liveServer } from "./live-server.js";

/** What each test wants the server to do, by the `x-play` header. */
const PLAYS: Record<string, (seen: SeenRequest, res: ServerResponse) => void> = {
  ok: (_seen, res) => sendJson(res, 200, VALID_BODY),
  slow: (_seen, res) => setTimeout(() => sendJson(res, 200, VALID_BODY), 300),
  "stall-body": (_seen, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"data":[');
  },
  "bad-with-id": (_seen, res) =>
    res.writeHead(200, { "content-type": "text/html", "x-request-id": "req_html" }).end("<html></html>"),
  "null-item": (_seen, res) => sendJson(res, 200, { data: [null] }),
  nulls: (_seen, res) => sendJson(res, 200, { created: null, data: [{ url: 5, b64_json: null }] }),
  image: (_seen, res) =>
    res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from("89504e470d0a1a0a", "hex")),
  "gzip-bomb": (_seen, res) => {
    // 8 MB of JSON that gzips to ~8 kB; Content-Length is the compressed size.
    const json = Buffer.from(JSON.stringify({ data: [], pad: "0".repeat(8 * 1024 * 1024) }));
    const gz = gzipSync(json);
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": gz.length });
    res.end(gz);
  },
  "image-bomb": (_seen, res) => {
    const gz = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    res.writeHead(200, { "content-type": "image/png", "content-encoding": "gzip", "content-length": gz.length });
    res.end(gz);
  },
  "echo-key": (seen, res) =>
    sendJson(res, 401, {
      error: { message: `Incorrect API key provided: ${String(seen.headers.authorization).slice(7)}`, type: "auth" },
    }),
  "null-400": (_seen, res) => res.writeHead(400, { "content-type": "application/json" }).end("null"),
  "number-503": (_seen, res) => res.writeHead(503, { "content-type": "application/json" }).end("5"),
  "string-400": (_seen, res) => res.writeHead(400, { "content-type": "application/json" }).end('"nope"'),
  "array-400": (_seen, res) => res.writeHead(400, { "content-type": "application/json" }).end("[1,2]"),
  "conforming-400": (_seen, res) =>
    sendJson(res, 400, { error: { message: "prompt is empty", type: "invalid_request" } }),
  "typeless-400": (_seen, res) => sendJson(res, 400, { error: { message: "prompt is empty", code: 7 } }),
  "html-502": (_seen, res) => res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad gateway</h1>"),
  "json-422": (_seen, res) => sendJson(res, 422, { error: { message: "cannot draw that", type: "unprocessable" } }),
  "long-message": (_seen, res) =>
    sendJson(res, 400, { error: { message: `line one\nline two\r\n${"x".repeat(100_000)}`, type: "bad" } }),
  "many-violations": (_seen, res) => sendJson(res, 200, { data: Array.from({ length: 1000 }, () => ({ url: 5 })) }),
  redirect: (seen, res) => {
    const status = Number(seen.headers["x-status"] ?? 302);
    res.writeHead(status, { location: String(seen.headers["x-location"]) }).end();
  },
};

/** The play servers of one `describe`, and what its tests call them with. */
export interface PlayServer {
  /** The key every client of `client` holds. */
  KEY: string;
  /** A valid request. */
  request: { prompt: string; model: string };
  server: TestServer;
  /** A server that answers every request with a valid body: somewhere to redirect to. */
  elsewhere: TestServer;
  /** A client of `server` that asks for `play`, without retries unless `options` says so. */
  client(play: string, options?: ImagesClientOptions): ReturnType<typeof createImagesClient>;
  /** The requests `server` saw after the first `before`. */
  seenSince(before: number): SeenRequest[];
}

/** Starts the play servers for the enclosing `describe`, closed after it. */
export function usePlayServer(): PlayServer {
  const KEY = "sk-play-KEY-0123456789";
  const server = liveServer(() =>
    startTestServer((seen, res) => PLAYS[String(seen.headers["x-play"] ?? "ok")]?.(seen, res)),
  );
  const elsewhere = liveServer(() => startTestServer((_seen, res) => sendJson(res, 200, VALID_BODY)));
  return {
    KEY,
    request: { prompt: "a lighthouse", model: "gpt-image-2" },
    server,
    elsewhere,
    client: (play, options = {}) =>
      createImagesClient({ apiKey: KEY, baseUrl: server.url, maxRetries: 0, headers: { "x-play": play }, ...options }),
    seenSince: (before) => server.requests.slice(before),
  };
}
