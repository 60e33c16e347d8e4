import type { ServerResponse } from "node:http";
import { createImagesClient, type ImagesClientOptions } from "../../src/index.js";
import { type SeenRequest, sendJson, startTestServer, type TestServer } from "./http-server.js";
import { liveServer } from "./live-server.js";

/** What the fault server does with one attempt. */
export type Fault =
  | "ok"
  | "reset" // destroys the socket before any header
  | "reset-mid-body" // sends headers and half the body, then destroys the socket
  | "stall" // never answers
  | "429-retry-after-1"
  | "503"
  | "502-html"
  | "truncated-json" // a complete HTTP answer whose JSON is cut short
  | "text-plain"
  | "spec-violation"
  | "oversized" // a chunked 200 body past any small cap
  | "oversized-declared"; // Content-Length past the cap

export const VALID_BODY = {
  created: 1_700_000_000,
  data: [{ url: "https://img.example/1.png", revised_prompt: null }],
};

/** A fault server and what it saw: attempts by Idempotency-Key, with arrival times. */
export interface FaultServer extends TestServer {
  attempts(idempotencyKey: string): SeenRequest[];
}

/**
 * Starts a server that plays, for attempt N of each Idempotency-Key, the Nth fault of the
 * comma-separated `x-faults` request header (the last one repeats).
 */
export async function startFaultServer(): Promise<FaultServer> {
  const byKey = new Map<string, SeenRequest[]>();
  const server = await startTestServer((seen, res) => {
    const key = String(seen.headers["idempotency-key"]);
    const attempts = byKey.get(key) ?? [];
    attempts.push(seen);
    byKey.set(key, attempts);
    const plan = String(seen.headers["x-faults"] ?? "ok").split(",") as Fault[];
    play(plan[Math.min(attempts.length, plan.length) - 1] as Fault, res);
  });
  return { ...server, attempts: (key) => byKey.get(key) ?? [] };
}

const FAULTS: Record<Fault, (res: ServerResponse) => void> = {
  ok: (res) => sendJson(res, 200, VALID_BODY, { "x-request-id": "req_ok" }),
  reset: (res) => res.socket?.destroy(),
  "reset-mid-body": (res) => {
    const body = JSON.stringify(VALID_BODY);
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.write(body.slice(0, 20), () => res.socket?.destroy());
  },
  stall: () => {},
  "429-retry-after-1": (res) =>
    sendJson(res, 429, { error: { message: "Slow down", type: "rate_limit" } }, { "retry-after": "1" }),
  "503": (res) =>
    sendJson(res, 503, { error: { message: "Overloaded", type: "server_error" } }, { "x-request-id": "req_503" }),
  "502-html": (res) =>
    res.writeHead(502, { "content-type": "text/html" }).end("<html><body><h1>502 Bad Gateway</h1></body></html>"),
  "truncated-json": (res) =>
    res.writeHead(200, { "content-type": "application/json" }).end('{"data":[{"url":"https://img'),
  "text-plain": (res) => res.writeHead(200, { "content-type": "text/plain" }).end("all good"),
  "spec-violation": (res) => sendJson(res, 200, { data: [{ url: 42 }] }, { "x-request-id": "req_bad_body" }),
  oversized: (res) => {
    res.writeHead(200, { "content-type": "application/json" });
    for (let i = 0; i < 32; i++) res.write("x".repeat(64 * 1024));
    res.end();
  },
  "oversized-declared": (res) =>
    res.writeHead(200, { "content-type": "application/json", "content-length": 10 * 1024 * 1024 }).end(),
};

/** Plays one fault on a response. */
export function play(fault: Fault, res: ServerResponse): void {
  FAULTS[fault](res);
}

/** The fault server of one `describe`, and a client of it that asks for `faults`. */
export interface FaultSuite {
  server: FaultServer;
  /** No retries unless `options` says so, and a backoff of 1 ms when it does. */
  client(faults: string, options?: ImagesClientOptions): ReturnType<typeof createImagesClient>;
}

/** Starts a fault server for the enclosing `describe`, closed after it. */
export function useFaultServer(key: string): FaultSuite {
  const server = liveServer(startFaultServer);
  return {
    server,
    client: (faults, options = {}) =>
      createImagesClient({
        apiKey: key,
        baseUrl: server.url,
        maxRetries: 0,
        retry: { baseDelayMs: 1, maxDelayMs: 1 },
        headers: { "x-faults": faults },
        ...options,
      }),
  };
}
