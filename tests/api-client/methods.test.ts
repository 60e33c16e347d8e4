/**
 * The wrapper of openapi-fetch's methods both clients share (`src/api-client/methods.ts`), through
 * the raw client; the spec client's `request()` is in `index.test.ts`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigurationError, createRawClient } from "../../src/index.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";

const KEY = "sk-test-methods-key";
const body = { prompt: "a lighthouse at dusk", model: "gpt-image-2" };
const PATH = "/v1/images/generations";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((_seen, res) => sendJson(res, 200, { created: 1, data: [] }));
});
afterAll(() => server.close());

describe("a call's own baseUrl", () => {
  it.each([
    ["file:///etc/api", "must be an http or https URL; got file:"],
    ["data:application/json,{}", "must be an http or https URL; got data:"],
    ["http://user:secret-password@127.0.0.1:1/api", "must not hold a user name or password"],
    ["https://api.example.invalid/v1?key=1", "must not have a query or fragment"],
    ["127.0.0.1/api", "is not an absolute URL"],
  ])("is refused as a client's would be: %s, with nothing sent and no password shown", async (baseUrl, message) => {
    let fetched = 0;
    const fetch = (request: Request) => {
      fetched++;
      return globalThis.fetch(request);
    };
    const raw = createRawClient({ apiKey: KEY, baseUrl: server.url });
    const error = await raw.POST(PATH, { body, baseUrl, fetch }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(`a call's baseUrl ${message}`);
    expect((error as Error).message).not.toContain("secret-password");
    const viaRequest = raw.request("post", PATH, { body, baseUrl, fetch });
    await expect(viaRequest).rejects.toThrow(ConfigurationError);
    expect(fetched).toBe(0);
  });

  it("is sent to when it passes, a URL object and a trailing slash included; an empty or null one is the client's", async () => {
    const raw = createRawClient({ apiKey: KEY, baseUrl: "https://api.example.invalid" });
    const before = server.requests.length;
    await raw.POST(PATH, { body, baseUrl: `${server.url}/` });
    await raw.POST(PATH, { body, baseUrl: new URL(server.url) as unknown as string });
    expect(server.requests.slice(before).map((seen) => seen.url)).toEqual([PATH, PATH]);
    const local = createRawClient({ apiKey: KEY, baseUrl: server.url });
    const start = server.requests.length;
    await local.POST(PATH, { body, baseUrl: "" });
    await local.POST(PATH, { body, baseUrl: null as unknown as string });
    expect(server.requests.slice(start).map((seen) => seen.url)).toEqual([PATH, PATH]);
  });
});

describe("a call's redirect", () => {
  it('is refused as "follow", naming it, with nothing sent: no client of the package follows one', async () => {
    const raw = createRawClient({ apiKey: KEY, baseUrl: server.url });
    const before = server.requests.length;
    const message = `redirect must be "manual", "error" or left out: no redirect is followed (a RedirectError says where it points); got "follow"`;
    await expect(raw.POST(PATH, { body, redirect: "follow" })).rejects.toThrow(new ConfigurationError(message));
    const viaRequest = raw.request("post", PATH, { body, redirect: "follow" });
    await expect(viaRequest).rejects.toThrow(new ConfigurationError(message));
    expect(server.requests.length).toBe(before);
    await raw.POST(PATH, { body, redirect: "manual" });
    await raw.POST(PATH, { body, redirect: "error" });
    expect(server.requests.length).toBe(before + 2);
  });
});
