/**
 * `createRawClient` (src/raw.ts): openapi-fetch on the package's own wire rules. Its log lines are
 * in `http/debug-log.test.ts`, and what it shares with every other door (the key over plain http,
 * scrubbing, redirects, timeouts, a declared length over the cap) in `doors.test.ts`.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ConfigurationError,
  createRawClient,
  InvalidResponseError,
  RedirectError,
  TimeoutError,
} from "../src/index.js";
import { sendJson, startTestServer, type TestServer } from "./helpers/http-server.js";
import { asPage } from "./helpers/page-globals.js";

const KEY = "sk-test-raw-key";
/** Bytes that are not UTF-8: decoded as text and encoded again, they would come back as U+FFFD. */
const BYTES = [0xff, 0xfe, 0x00, 0x80, 0x41];
const body = { prompt: "a lighthouse at dusk", model: "gpt-image-2" };
const NULLS = {
  created: 1_700_000_000,
  usage: null,
  data: [{ url: "https://img.example/1.png", b64_json: null, revised_prompt: null }],
};

const PAGE = "<html>\u001b]0;pwned\u0007\u001b[31mnot the API";

/** Answers `NULLS`, or (with `x-chunked-bytes`) a body padded to that many bytes, sent without a length. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((seen, res) => {
    if (seen.url.startsWith("/redirect/")) return void res.writeHead(302, { location: "/v1/images/generations" }).end();
    if (seen.url.startsWith("/stall/")) return; // never answers; closed with the server
    if (seen.url.startsWith("/bytes/")) {
      return void res.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.from(BYTES));
    }
    // A page that steers a terminal, sent without a length (openapi-fetch then parses it itself).
    if (seen.url.startsWith("/html/")) return void res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    const size = Number(seen.headers["x-chunked-bytes"] ?? 0);
    if (size === 0) return sendJson(res, 200, NULLS);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ data: [], pad: "x".repeat(size) }));
  });
});
afterAll(() => server.close());

describe("createRawClient", () => {
  it("is an openapi-fetch client with the key applied, handing the body back as the server sent it", async () => {
    const before = server.requests.length;
    const raw = createRawClient({ apiKey: KEY, baseUrl: server.url });
    const { data, response } = await raw.POST("/v1/images/generations", { body });
    expect(response.status).toBe(200);
    // No normalization: a null stays a null.
    expect(data?.usage).toBeNull();
    expect(server.requests[before]?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("never sends the key over plain http to another host named by a call's own baseUrl", async () => {
    // A tripwire, not a stub: nothing may reach fetch, so nothing leaves loopback.
    let fetched = 0;
    const fetch = async () => {
      fetched++;
      return new Response(null, { status: 204 });
    };
    const raw = (allowInsecureHttp?: boolean) =>
      createRawClient({ apiKey: KEY, baseUrl: server.url, fetch, allowInsecureHttp });
    const call = raw().POST("/v1/images/generations", { body, baseUrl: "http://sudo.example.test/api" });
    await expect(call).rejects.toThrow(/Refusing to send the API key in clear text to http:\/\/sudo\.example\.test/);
    expect(fetched).toBe(0);
    await raw(true).POST("/v1/images/generations", { body, baseUrl: "http://sudo.example.test/api" });
    expect(fetched).toBe(1);
  });

  it("judges the URL fetch sends to, not the url a call's own Request class reports", async () => {
    // A tripwire, not a stub: nothing may reach fetch, so nothing leaves loopback.
    let fetched = 0;
    const fetch = async () => {
      fetched++;
      return new Response(null, { status: 204 });
    };
    const apiUrl = `${server.url}/v1/images/generations`;
    /** openapi-fetch builds each request with a call's `Request` option; this one says it goes to the API. */
    class Claiming extends Request {
      override get url(): string {
        return apiUrl;
      }
    }
    const raw = createRawClient({ apiKey: KEY, baseUrl: server.url, fetch });
    const call = raw.POST("/v1/images/generations", {
      body,
      baseUrl: "http://sudo.example.test/api",
      // openapi-fetch reads it at run time; its types (and so the raw client's) do not name it.
      Request: Claiming as never,
    });
    await expect(call).rejects.toThrow(/Refusing to send the API key in clear text to http:\/\/sudo\.example\.test/);
    expect(fetched).toBe(0);
  });

  it("sends no Authorization from a keyless page", async () => {
    vi.stubEnv("SUDO_API_KEY", undefined);
    try {
      await asPage(() => createRawClient({ baseUrl: server.url }).POST("/v1/images/generations", { body }));
      expect(server.requests.at(-1)?.headers).not.toHaveProperty("authorization");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("holds a chunked answer to its own maxResponseBytes: over it fails, under it is read", async () => {
    const raw = createRawClient({ apiKey: KEY, baseUrl: server.url, maxResponseBytes: 1000 });
    const over = raw.POST("/v1/images/generations", { body, headers: { "x-chunked-bytes": "2000" } });
    await expect(over).rejects.toThrow(InvalidResponseError);
    await expect(over).rejects.toThrow(
      "Response body of more than 1000 bytes is over the 1000-byte limit (status 200)",
    );
    const under = await raw.POST("/v1/images/generations", { body, headers: { "x-chunked-bytes": "100" } });
    expect(under.data?.data).toEqual([]);
  });

  it("hands openapi-fetch's middleware the Request without the key on it", async () => {
    const raw = createRawClient({ apiKey: KEY, baseUrl: server.url });
    const seen: (string | null)[] = [];
    raw.use({
      onResponse: ({ request }) => void seen.push(request.headers.get("authorization")),
      onError: ({ request }) => void seen.push(request.headers.get("authorization")),
    });
    const before = server.requests.length;
    await raw.POST("/v1/images/generations", { body });
    await expect(raw.POST("/v1/images/generations", { body, baseUrl: `${server.url}/redirect` })).rejects.toThrow(
      RedirectError,
    );
    expect(server.requests.slice(before).map((request) => request.headers.authorization)).toEqual([
      `Bearer ${KEY}`,
      `Bearer ${KEY}`,
    ]);
    expect(seen).toEqual([null, null]);
  });

  it("reads a 2xx page sent without a length as an InvalidResponseError, escaped, never a bare SyntaxError", async () => {
    const raw = createRawClient({ apiKey: KEY, baseUrl: server.url });
    const call = raw.POST("/v1/images/generations", { body, baseUrl: `${server.url}/html` });
    await expect(call).rejects.toThrow(InvalidResponseError);
    await expect(call).rejects.toThrow(String.raw`"<html>\u001b]0;pwned\u0007\u001b[31mnot the API"`);
  });

  it("hands an answer read as bytes (parseAs) back as it came, as the spec client does", async () => {
    const raw = createRawClient({ apiKey: KEY, baseUrl: server.url });
    const bytes = { body, baseUrl: `${server.url}/bytes`, parseAs: "arrayBuffer" } as const;
    const { data } = await raw.POST("/v1/images/generations", bytes);
    expect([...new Uint8Array(data as unknown as ArrayBuffer)]).toEqual(BYTES);
    const blob = await raw.POST("/v1/images/generations", { ...bytes, parseAs: "blob" });
    expect([...new Uint8Array(await (blob.data as unknown as Blob).arrayBuffer())]).toEqual(BYTES);
  });

  describe("a call's own options", () => {
    /** A call's own fetch, as openapi-fetch documents one, passing each `Request` to the real fetch. */
    const counted = () => {
      const seen: Request[] = [];
      const fetch = (request: Request) => {
        seen.push(request);
        return globalThis.fetch(request);
      };
      return { seen, fetch };
    };

    it("sends through a call's own fetch by the client's rules: the key applied, no redirect followed", async () => {
      const raw = createRawClient({ apiKey: KEY, baseUrl: server.url });
      const own = counted();
      const before = server.requests.length;
      const { response } = await raw.POST("/v1/images/generations", { body, fetch: own.fetch });
      expect(response.status).toBe(200);
      expect(own.seen).toHaveLength(1);
      expect(server.requests[before]?.headers.authorization).toBe(`Bearer ${KEY}`);

      const redirected = raw.POST("/v1/images/generations", {
        body,
        baseUrl: `${server.url}/redirect`,
        fetch: own.fetch,
      });
      await expect(redirected).rejects.toThrow(RedirectError);
      expect(own.seen).toHaveLength(2);
      expect(server.requests.slice(before).map((seen) => seen.url)).toEqual([
        "/v1/images/generations",
        "/redirect/v1/images/generations",
      ]);
    });

    it("holds a call to its own timeoutMs, with its own fetch or the client's", async () => {
      const raw = createRawClient({ apiKey: KEY, baseUrl: server.url });
      const stalled = { body, baseUrl: `${server.url}/stall`, timeoutMs: 200 };
      await expect(raw.POST("/v1/images/generations", stalled)).rejects.toThrow(TimeoutError);
      const own = counted();
      await expect(raw.POST("/v1/images/generations", { ...stalled, fetch: own.fetch })).rejects.toThrow(TimeoutError);
      expect(own.seen).toHaveLength(1);
    });

    it("refuses a call's maxRetries, a bad timeoutMs or fetch, and an unknown method, naming each, sending nothing", async () => {
      const raw = createRawClient({ apiKey: KEY, baseUrl: server.url });
      const before = server.requests.length;
      const refused = (init: Record<string, unknown>) => raw.POST("/v1/images/generations", { body, ...init });
      await expect(refused({ maxRetries: 3 })).rejects.toThrow(
        new ConfigurationError("maxRetries is not an option of the raw client, which makes no retries"),
      );
      await expect(refused({ timeoutMs: 0 })).rejects.toThrow(/^timeoutMs must be a whole number of milliseconds/);
      await expect(refused({ fetch: "fetch" })).rejects.toThrow('fetch must be a function; got "fetch"');
      const unknown = raw.request("query" as "post", "/v1/images/generations", { body });
      await expect(unknown).rejects.toThrow(ConfigurationError);
      await expect(unknown).rejects.toThrow(
        'request() takes one of GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH, TRACE; got "query"',
      );
      expect(server.requests.length).toBe(before);
    });

    it("sends request(method, …) by the same rules as the method itself", async () => {
      const raw = createRawClient({ apiKey: KEY, baseUrl: server.url });
      const own = counted();
      const before = server.requests.length;
      await raw.request("post", "/v1/images/generations", { body, fetch: own.fetch });
      expect(own.seen).toHaveLength(1);
      expect(server.requests[before]?.headers.authorization).toBe(`Bearer ${KEY}`);
    });
  });
});
