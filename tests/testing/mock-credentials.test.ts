/**
 * The mock checks credentials as each operation's security schemes place them (a small spec of
 * its own: bearer, header, query and cookie keys, basic, alternatives, two at once, an optional
 * credential, an open operation): with a key, only that key in the right place; without one, any
 * credential there. A refusal is the spec's 401 or 403, in its documented error body when it has one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, type SpecFolder, startMockServer } from "../../src/testing/index.js";
import { type GeneratedFolder, generatedFolder } from "../helpers/generated-folder.js";

const KEY = "k-credentials-1";
const WRONG = "k-credentials-2";

let folder: GeneratedFolder;
let spec: SpecFolder;
let keyed: MockServer;
let open: MockServer;

beforeAll(async () => {
  folder = await generatedFolder("tests/fixtures/kit/credentials.yaml");
  spec = folder.module;
  keyed = await startMockServer({ spec, apiKey: KEY });
  open = await startMockServer({ spec });
});
afterAll(async () => {
  await keyed?.close();
  await open?.close();
  await folder?.remove();
});

/** A request's credential: headers and a query to add. */
interface Sent {
  headers?: Record<string, string>;
  query?: string;
}

const basic = (text: string) => `Basic ${Buffer.from(text).toString("base64")}`;
const by: Record<string, (key: string) => Sent> = {
  bearer: (key) => ({ headers: { authorization: `Bearer ${key}` } }),
  header: (key) => ({ headers: { "x-api-key": key } }),
  query: (key) => ({ query: `api_key=${encodeURIComponent(key)}` }),
  cookie: (key) => ({ headers: { cookie: `theme=dark; session=${key}` } }),
  basic: (key) => ({ headers: { authorization: basic(key) } }),
};

async function get(mock: MockServer, path: string, sent: Sent = {}) {
  const response = await fetch(`${mock.url}${path}${sent.query ? `?${sent.query}` : ""}`, { headers: sent.headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("startMockServer({ spec, apiKey }) checks each scheme's place", () => {
  it.each([
    // path, how the key goes, status without it, status with a wrong one
    ["/bearer", "bearer", 401, 401],
    ["/header-key", "header", 401, 403],
    ["/query-key", "query", 403, 403],
    ["/cookie-key", "cookie", 401, 401],
    ["/basic", "basic", 401, 401],
  ] as const)("%s: the key as %s is taken; none is a %i, a wrong one a %i", async (path, place, missing, wrong) => {
    const send = by[place] as (key: string) => Sent;
    expect((await get(keyed, path, send(KEY))).status).toBe(200);
    expect((await get(keyed, path)).status).toBe(missing);
    expect((await get(keyed, path, send(WRONG))).status).toBe(wrong);
    // The key in another scheme's place is no credential for this one.
    const elsewhere = place === "query" ? by.header : by.query;
    expect((await get(keyed, path, (elsewhere as (key: string) => Sent)(KEY))).status).toBe(missing);
  });

  it("takes basic's user:password, and a bearer token is no basic credential", async () => {
    const mock = await startMockServer({ spec, apiKey: "ann:secret" });
    try {
      expect((await get(mock, "/basic", by.basic?.("ann:secret"))).status).toBe(200);
      expect((await get(mock, "/basic", by.basic?.("ann:other"))).status).toBe(401);
      expect((await get(mock, "/basic", by.bearer?.("ann:secret"))).body.detail).toMatch(/^Missing credentials/);
    } finally {
      await mock.close();
    }
  });

  it("takes either alternative, and needs every scheme of one", async () => {
    expect((await get(keyed, "/either", by.header?.(KEY))).status).toBe(200);
    expect((await get(keyed, "/either", by.query?.(KEY))).status).toBe(200);
    expect((await get(keyed, "/either", by.query?.(WRONG))).status).toBe(401);
    const bearer = by.bearer?.(KEY).headers;
    expect((await get(keyed, "/both", { headers: { ...bearer, "x-api-key": KEY } })).status).toBe(200);
    expect((await get(keyed, "/both", { headers: bearer })).status).toBe(401);
    expect((await get(keyed, "/both", { headers: { ...bearer, "x-api-key": WRONG } })).status).toBe(401);
  });

  it("asks nothing of an open operation, nor of one whose credential is optional", async () => {
    expect((await get(keyed, "/open")).status).toBe(200);
    expect((await get(keyed, "/maybe")).status).toBe(200);
  });

  it("refuses in the operation's documented error body, else the generic one, and says where the key goes", async () => {
    expect(await get(keyed, "/header-key", by.header?.(WRONG))).toEqual({
      status: 403,
      body: { detail: 'Invalid credentials: send the key in header "x-api-key"', status: expect.any(Number) },
    });
    expect(await get(keyed, "/cookie-key")).toEqual({
      status: 401,
      body: {
        message: 'Missing credentials: send the key in cookie "session"',
        type: "authentication_error",
        param: null,
        code: null,
      },
    });
  });

  it("keeps no key in its request log, whatever header the spec names for it", async () => {
    await get(keyed, "/header-key", by.header?.(KEY));
    const logged = JSON.stringify(keyed.requests.at(-1));
    expect(logged).toContain("x-api-key");
    expect(logged).not.toContain(KEY);
  });
});

describe("startMockServer({ spec }) without a key", () => {
  it.each(
    Object.entries({
      "/bearer": "bearer",
      "/header-key": "header",
      "/query-key": "query",
      "/cookie-key": "cookie",
      "/basic": "basic",
    }),
  )("%s takes any credential in the %s place, and refuses none", async (path, place) => {
    expect((await get(open, path, (by[place] as (key: string) => Sent)("anything"))).status).toBe(200);
    expect((await get(open, path)).status).toBeGreaterThanOrEqual(401);
    expect((await get(open, path)).status).toBeLessThanOrEqual(403);
  });
});
