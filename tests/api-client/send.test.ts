/**
 * The wire rules the spec client keeps, against a real server on 127.0.0.1: retries only where a
 * retry is safe, and typed errors for what is not an answer (a timeout, a redirect, too large).
 */
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { ConfigurationError, InvalidResponseError, RedirectError, TimeoutError } from "../../src/api-client/index.js";
import { type SeenRequest, sendJson } from "../helpers/http-server.js";
import { usePetsFolder } from "./pets-spec.js";

const petsFolder = usePetsFolder();

// biome-ignore lint/suspicious/noExplicitAny: the test spec's paths exist only at run time.
const pets = (options: Record<string, unknown> = {}): any =>
  petsFolder.createClient({ baseUrl: petsFolder.server.url, apiKey: "sk-test", onWarning: () => {}, ...options });

/** A 503 that asks for no wait (`retry-after-ms: 0`), so retries take no time. */
const busy = (_: SeenRequest, response: ServerResponse) =>
  sendJson(response, 503, { message: "busy" }, { "retry-after-ms": "0" });

/** How many requests `call` made. */
async function counted(call: () => Promise<unknown>): Promise<number> {
  const before = petsFolder.server.requests.length;
  await call();
  return petsFolder.server.requests.length - before;
}

describe("retries", () => {
  it("retries an idempotent GET, then hands back the last answer as { error }", async () => {
    petsFolder.answer = busy;
    let result: { error?: unknown; response?: Response } = {};
    const sent = await counted(async () => {
      result = await pets({ maxRetries: 2 }).GET("/pets/{id}", { params: { path: { id: 1 } } });
    });
    expect(sent).toBe(3);
    expect(result.response?.status).toBe(503);
    expect(result.error).toEqual({ message: "busy" });
  });

  it("sends a POST once, unless it carries an Idempotency-Key", async () => {
    petsFolder.answer = busy;
    const body = { id: 1, name: "Tom" };
    expect(await counted(() => pets({ maxRetries: 2 }).POST("/pets", { body }))).toBe(1);
    const keyed = { body, headers: { "Idempotency-Key": "k-1" } };
    expect(await counted(() => pets({ maxRetries: 2 }).POST("/pets", keyed))).toBe(3);
    // Every attempt sends the whole body again.
    expect(petsFolder.server.requests.slice(-3).map((seen) => JSON.parse(seen.body))).toEqual([body, body, body]);
  });

  it("does not retry an answer that will not change (404)", async () => {
    petsFolder.answer = (_, response) => sendJson(response, 404, { message: "gone" });
    expect(await counted(() => pets({ maxRetries: 2 }).GET("/pets/{id}", { params: { path: { id: 1 } } }))).toBe(1);
  });
});

describe("a call's own timeoutMs and maxRetries, over the client's", () => {
  const getPet = { params: { path: { id: 1 } } };

  it("times a call out by its own timeoutMs though the client allows a minute", async () => {
    petsFolder.answer = () => {};
    const error = await pets({ timeoutMs: 60_000, maxRetries: 0 })
      .GET("/pets/{id}", { ...getPet, timeoutMs: 50 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain("timed out after 50 ms");
  });

  it("retries a call as often as its own maxRetries says, more or fewer than the client's", async () => {
    petsFolder.answer = busy;
    expect(await counted(() => pets({ maxRetries: 0 }).GET("/pets/{id}", { ...getPet, maxRetries: 2 }))).toBe(3);
    expect(await counted(() => pets({ maxRetries: 2 }).GET("/pets/{id}", { ...getPet, maxRetries: 0 }))).toBe(1);
  });

  it.each([
    [{ timeoutMs: 0 }, "timeoutMs must be a whole number of milliseconds from 1 to 2147483647"],
    [{ maxRetries: -1 }, "maxRetries must be a whole number of at least 0; got -1"],
    [{ maxRetries: "2" }, 'maxRetries must be a whole number of at least 0; got "2"'],
  ])("refuses %j as a ConfigurationError naming it, with nothing sent", async (call, message) => {
    petsFolder.answer = (_, response) => sendJson(response, 200, { id: 1, name: "Tom" });
    let error: unknown;
    const sent = await counted(async () => {
      error = await pets()
        .GET("/pets/{id}", { ...getPet, ...call })
        .catch((caught: unknown) => caught);
    });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(message);
    expect(sent).toBe(0);
  });
});

describe("a call's own fetch", () => {
  it("gets each attempt as one Request, as openapi-fetch's option does: method, body and key in it", async () => {
    petsFolder.answer = busy;
    const seen: Request[] = [];
    const own = (request: Request) => {
      seen.push(request.clone());
      return fetch(request);
    };
    const { error } = await pets({ maxRetries: 1 }).POST("/pets", {
      body: { id: 1, name: "Tom" },
      headers: { "Idempotency-Key": "k-own" },
      fetch: own,
    });
    expect(error).toEqual({ message: "busy" });
    expect(seen).toHaveLength(2);
    expect(seen.map((request) => request.method)).toEqual(["POST", "POST"]);
    expect(await seen[1]?.json()).toEqual({ id: 1, name: "Tom" });
    expect(seen[1]?.headers.get("authorization")).toBe("Bearer sk-test");
    expect(petsFolder.server.requests.at(-1)?.headers["idempotency-key"]).toBe("k-own");
  });

  it("is refused when it is not a function, with nothing sent", async () => {
    const sent = await counted(async () => {
      const call = pets().GET("/pets/{id}", { params: { path: { id: 1 } }, fetch: "no" as never });
      await expect(call).rejects.toThrow('fetch must be a function; got "no"');
    });
    expect(sent).toBe(0);
  });
});

describe("fetch's own options of a call", () => {
  it("are sent, not dropped: an integrity the answer does not match fails it, and a call's fetch sees each", async () => {
    petsFolder.answer = (_, response) => sendJson(response, 200, { id: 1, name: "Tom" });
    const init = { params: { path: { id: 1 } } };
    const integrity = `sha256-${"A".repeat(43)}=`;
    await expect(pets({ maxRetries: 0 }).GET("/pets/{id}", { ...init, integrity })).rejects.toThrow(
      /failed: connection error: fetch failed: integrity mismatch$/,
    );
    const seen: Request[] = [];
    const own = (request: Request) => {
      seen.push(request);
      return fetch(request);
    };
    const options = { cache: "no-store", keepalive: true, referrerPolicy: "no-referrer", credentials: "omit" } as const;
    const { data } = await pets().GET("/pets/{id}", { ...init, ...options, fetch: own });
    expect(data).toEqual({ id: 1, name: "Tom" });
    expect(seen[0]).toMatchObject({ ...options, redirect: "manual" });
  });
});

describe("openapi-fetch's middleware", () => {
  it("gets the Request without the key on it, in onResponse and in onError", async () => {
    const client = pets({ maxRetries: 0 });
    const seen: (string | null)[] = [];
    client.use({
      onResponse: ({ request }: { request: Request }) => void seen.push(request.headers.get("authorization")),
      onError: ({ request }: { request: Request }) => void seen.push(request.headers.get("authorization")),
    });
    petsFolder.answer = (_, response) => sendJson(response, 200, { id: 1, name: "Tom" });
    await client.GET("/pets/{id}", { params: { path: { id: 1 } } });
    petsFolder.answer = (_, response) => response.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" }).end();
    await expect(client.GET("/pets/{id}", { params: { path: { id: 1 } } })).rejects.toThrow(RedirectError);
    expect(petsFolder.server.requests.slice(-2).map((request) => request.headers.authorization)).toEqual([
      "Bearer sk-test",
      "Bearer sk-test",
    ]);
    expect(seen).toEqual([null, null]);
  });
});

describe("maxConcurrency", () => {
  it("keeps a burst of calls to maxConcurrency in flight, the rest waiting their turn", async () => {
    // The server holds every request until the test lets it go. Calls reach fetch within
    // microtasks, long before a request can reach the server: when two are held, every call the
    // limiter let through has called fetch.
    const held: (() => void)[] = [];
    let arrived: () => void = () => {};
    const twoHeld = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    petsFolder.answer = async (_, response) => {
      await new Promise<void>((release) => {
        held.push(release);
        if (held.length === 2) arrived();
      });
      sendJson(response, 200, { id: 1, name: "Tom" });
    };
    let fetched = 0;
    const fetch = (input: string | Request, init?: RequestInit) => {
      fetched++;
      return globalThis.fetch(input, init);
    };
    const client = pets({ maxConcurrency: 2, fetch });
    const calls = Array.from({ length: 6 }, () => client.GET("/pets/{id}", { params: { path: { id: 1 } } }));
    await twoHeld;
    expect(fetched).toBe(2);
    petsFolder.answer = (_, response) => sendJson(response, 200, { id: 1, name: "Tom" });
    for (const release of held.splice(0)) release();
    const results = await Promise.all(calls);
    expect(results.map((result: { data?: unknown }) => result.data)).toEqual(Array(6).fill({ id: 1, name: "Tom" }));
    expect(fetched).toBe(6);
  });

  it("is checked when the client is made: a ConfigurationError naming it", () => {
    expect(() => pets({ maxConcurrency: 0 })).toThrow("maxConcurrency must be a whole number of at least 1; got 0");
  });
});

describe("what is not an answer", () => {
  const get = (options: Record<string, unknown>) =>
    pets({ maxRetries: 0, ...options }).GET("/pets/{id}", { params: { path: { id: 1 } } });

  it("is a TimeoutError when the server does not answer in timeoutMs", async () => {
    petsFolder.answer = () => {};
    await expect(get({ timeoutMs: 50 })).rejects.toThrow(TimeoutError);
  });

  it("is a RedirectError for a redirect, which is never followed", async () => {
    petsFolder.answer = (_, response) => response.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" }).end();
    await expect(get({})).rejects.toThrow(RedirectError);
  });

  it("is an InvalidResponseError for an HTML page (never openapi-fetch's SyntaxError quoting it), whose hint names this spec's API root", async () => {
    // Written in two chunks, so no Content-Length: openapi-fetch parses such an answer with JSON.parse itself.
    petsFolder.answer = (_, response) => {
      response.writeHead(200, { "content-type": "text/html" }).write("<html>\u001b[31m");
      response.end("</html>");
    };
    const error = await get({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain(
      "an HTML page, not the API's JSON: check that baseUrl is the API root, such as https://eu.pets.example/v1:",
    );
    expect((error as Error).message).not.toContain("sudoapp");
    expect((error as Error).message).not.toContain("\u001b");
  });

  it("is an InvalidResponseError for a body over maxResponseBytes", async () => {
    petsFolder.answer = (_, response) => sendJson(response, 200, { id: 1, name: "x".repeat(1000) });
    await expect(get({ maxResponseBytes: 100 })).rejects.toThrow(InvalidResponseError);
  });
});
