/**
 * Where the spec client puts the key, by each operation's security scheme (a spec of its own: bearer,
 * an API key in a header, in the query and in a cookie, basic, none), and where it never goes.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ConfigurationError, ConnectionError, MissingApiKeyError } from "../../src/api-client/index.js";
import { type GeneratedFolder, generatedFolder } from "../helpers/generated-folder.js";
import { closedPort, sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";

const ok = { description: "ok", content: { "application/json": { schema: { type: "object" } } } };
const operation = (operationId: string, scheme?: string) => ({
  get: { operationId, security: scheme ? [{ [scheme]: [] }] : [], responses: { "200": ok, "500": ok } },
});

const SPEC = {
  openapi: "3.0.3",
  info: { title: "keys", version: "1" },
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer" },
      header: { type: "apiKey", in: "header", name: "X-Api-Key" },
      query: { type: "apiKey", in: "query", name: "api_key" },
      cookie: { type: "apiKey", in: "cookie", name: "session" },
      basic: { type: "http", scheme: "basic" },
    },
  },
  paths: {
    "/bearer": operation("bearer", "bearer"),
    "/header": operation("header", "header"),
    "/query": operation("query", "query"),
    "/cookie": operation("cookie", "cookie"),
    "/basic": operation("basic", "basic"),
    "/open": operation("open"),
    // The key declared twice, as several published specs do: a security scheme and a required parameter.
    "/declared": {
      get: {
        ...operation("declared", "query").get,
        parameters: [
          { name: "api_key", in: "query", required: true, schema: { type: "string", pattern: "^key-" } },
          { name: "X-Api-Key", in: "header", required: true, schema: { type: "string" } },
        ],
        security: [{ query: [], header: [] }],
      },
    },
  },
};

const KEY = "sk-secret-42";
type ClientModule = typeof import("../../src/generated/client.js");
let folder: GeneratedFolder;
let server: TestServer;
let createClient: ClientModule["createClient"];

beforeAll(async () => {
  folder = await generatedFolder(SPEC);
  ({ createClient } = (await import(path.join(folder.out, "client.ts"))) as ClientModule);
  server = await startTestServer((request, response) =>
    request.url.startsWith("/fail") ? sendJson(response, 500, { echo: request.url }) : sendJson(response, 200, {}),
  );
});
afterAll(async () => {
  await server.close();
  await folder.remove();
});

// biome-ignore lint/suspicious/noExplicitAny: the test spec's paths exist only at run time.
const keys = (options: Record<string, unknown> = {}): any =>
  createClient({ baseUrl: server.url, apiKey: KEY, maxRetries: 0, ...options });

describe("the key, where each security scheme puts it", () => {
  it.each([
    ["/bearer", "authorization", `Bearer ${KEY}`],
    ["/header", "x-api-key", KEY],
    ["/cookie", "cookie", `session=${KEY}`],
    ["/basic", "authorization", `Basic ${btoa(KEY)}`],
  ])("%s carries it in %s", async (route, header, value) => {
    await keys().GET(route);
    expect(server.requests.at(-1)?.headers[header]).toBe(value);
  });

  it("takes a parameter the spec also declares for the key as given by the key, never quoting it", async () => {
    await keys({ validateRequests: "strict" }).GET("/declared");
    expect(server.requests.at(-1)?.url).toBe(`/declared?api_key=${KEY}`);
    expect(server.requests.at(-1)?.headers["x-api-key"]).toBe(KEY);
  });

  it("puts a query key in the query, and an operation with no security sends no key at all", async () => {
    await keys().GET("/query");
    expect(server.requests.at(-1)?.url).toBe(`/query?api_key=${KEY}`);
    await keys().GET("/open");
    const open = server.requests.at(-1);
    expect(open?.url).toBe("/open");
    expect(JSON.stringify(open?.headers)).not.toContain(KEY);
  });

  it("reads the folder's environment variable when no apiKey is given, and names it when unset", async () => {
    vi.stubEnv("KEYS_API_KEY", "sk-from-env");
    await keys({ apiKey: undefined }).GET("/header");
    expect(server.requests.at(-1)?.headers["x-api-key"]).toBe("sk-from-env");
    vi.stubEnv("KEYS_API_KEY", undefined);
    await expect(keys({ apiKey: undefined }).GET("/header")).rejects.toThrow(MissingApiKeyError);
    await expect(keys({ apiKey: undefined }).GET("/header")).rejects.toThrow(/KEYS_API_KEY/);
    // An operation that needs no key does not ask for one.
    expect((await keys({ apiKey: undefined }).GET("/open")).response.status).toBe(200);
    vi.unstubAllEnvs();
  });

  it("never sends the key over plain http to a host that is not loopback", async () => {
    const call = keys({ baseUrl: "http://api.example" }).GET("/header");
    await expect(call).rejects.toThrow(ConfigurationError);
    await expect(call).rejects.toThrow(/clear text to http:\/\/api\.example/);
  });

  it("never sends the key over plain http to another host named by a call's own baseUrl", async () => {
    // A tripwire, not a stub: nothing may reach fetch, so nothing leaves loopback.
    let fetched = 0;
    const fetch = async () => {
      fetched++;
      return new Response(null, { status: 204 });
    };
    const call = keys({ fetch }).GET("/header", { baseUrl: "http://api.example" });
    await expect(call).rejects.toThrow(ConfigurationError);
    await expect(call).rejects.toThrow(/clear text to http:\/\/api\.example/);
    expect(fetched).toBe(0);
    // With allowInsecureHttp it goes, as the client's own baseUrl would.
    await keys({ fetch, allowInsecureHttp: true }).GET("/header", { baseUrl: "http://api.example" });
    expect(fetched).toBe(1);
  });

  it("never shows a query key in an error, a log line or a URL it hands back", async () => {
    const lines: string[] = [];
    const port = await closedPort();
    const error = await keys({ baseUrl: `http://127.0.0.1:${port}`, logger: (line: string) => lines.push(line) })
      .GET("/query")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(`${(error as Error).message} ${(error as Error).stack}`).not.toContain(KEY);
    expect(lines.join("\n")).toContain("/query");
    expect(lines.join("\n")).not.toContain(KEY);
  });

  it("scrubs the key from what a server sends back", async () => {
    const { error, response } = await keys().GET("/query", { baseUrl: `${server.url}/fail` });
    expect(response.status).toBe(500);
    expect(JSON.stringify(error)).not.toContain(KEY);
    // The URL asked, as every message shows it (the query credential left out), not "" as a Response made here says.
    expect(response.url).toBe(`${server.url}/fail/query`);
  });
});

describe("an API key in the Authorization header (Directus's scheme)", () => {
  const WHOLE = {
    openapi: "3.0.3",
    info: { title: "whole", version: "1" },
    components: { securitySchemes: { auth: { type: "apiKey", in: "header", name: "Authorization" } } },
    security: [{ auth: [] }],
    paths: { "/me": { get: { operationId: "me", responses: { "200": ok } } } },
  };
  let whole: GeneratedFolder;
  let createWhole: ClientModule["createClient"];
  beforeAll(async () => {
    whole = await generatedFolder(WHOLE);
    ({ createClient: createWhole } = (await import(path.join(whole.out, "client.ts"))) as ClientModule);
  });
  afterAll(() => whole.remove());
  // biome-ignore lint/suspicious/noExplicitAny: the test spec's paths exist only at run time.
  const client = (apiKey: string): any => createWhole({ baseUrl: server.url, apiKey, maxRetries: 0 });

  it("sends the key as written, so it may be the whole value, Bearer and token", async () => {
    await client(`Bearer ${KEY}`).GET("/me");
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("still refuses a key with a line break, a tab or a second space, naming none of it", async () => {
    for (const bad of [`Bearer ${KEY}\n`, `Bearer\t${KEY}`, `Bearer ${KEY} x`]) {
      const error = await client(bad)
        .GET("/me")
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).not.toContain(KEY);
    }
  });
});
