/**
 * `sudo-images/lite`: the generate path without the spec checks, against the package's mock and
 * node:http servers. What it keeps (normalized answers, typed errors with the server's words, the
 * key kept out of them) and what it leaves to the server (no request check, no fan-out, answers not
 * held to the spec) are both shown, beside what the full client does with the same call.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImagesClient as createFullClient, RequestValidationError } from "../src/index.js";
import {
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  createImagesClient,
  type ImagesClientOptions,
  isSudoImagesError,
  NoImagesError,
  type SudoImagesError,
} from "../src/lite.js";
import { resolveCheckCall, resolveCheckSettings } from "../src/options.js";
import { type MockServer, startMockServer } from "../src/testing/index.js";
import { sendJson, startTestServer, type TestServer } from "./helpers/http-server.js";

const KEY = "sk-lite-test-key-0123456789";

/** The names of the options `resolve` reads. */
function optionsReadBy(resolve: (options: object) => unknown): string[] {
  const read = new Set<string>();
  resolve(new Proxy({}, { get: (_, name) => void read.add(String(name)) }));
  return [...read];
}

async function failure(promise: Promise<unknown>): Promise<SudoImagesError> {
  return promise.then(
    () => expect.fail("expected the call to fail"),
    (error: SudoImagesError) => error,
  );
}

describe("against the package's mock server", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ apiKey: KEY, scenario: "nulls" });
  });
  afterAll(() => mock.close());

  it("returns the answer with the nulls the spec allows dropped", async () => {
    const client = createImagesClient({ apiKey: KEY, baseUrl: mock.url });
    const result = await client.generate({ prompt: "a heron", model: "gpt-image-2", size: "256x256" });
    expect(result.data.length).toBe(1);
    expect(JSON.stringify(result)).not.toContain("null");
    expect(Object.values(result).every((value) => value !== null)).toBe(true);
  });

  it("sends a request the spec refuses, and the server's 400 is a BadRequestError in its words", async () => {
    const request = { prompt: "a heron", model: "gpt-image-2", size: "13x13" };
    const full = await failure(createFullClient({ apiKey: KEY, baseUrl: mock.url }).generate(request));
    expect(full).toBeInstanceOf(RequestValidationError);
    const before = mock.requests.length;
    const error = await failure(createImagesClient({ apiKey: KEY, baseUrl: mock.url }).generate(request));
    expect(mock.requests.length).toBe(before + 1);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).status).toBe(400);
    const said = (error as BadRequestError).body;
    expect(typeof said === "object" && said.error.message).toMatch(/size/);
    expect(error.message).toContain(`failed with status 400: ${typeof said === "object" && said.error.message}`);
    expect((error as BadRequestError).violations).toEqual([]);
  });
});

describe("against a node:http server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer((seen, res) => {
      const asked = (JSON.parse(seen.body) as { n?: number }).n ?? 1;
      if (seen.headers["x-answer"] === "off-spec") {
        const image = { url: 42, b64_json: null, revised_prompt: null };
        return sendJson(res, 200, { created: -1, usage: null, data: Array(asked + 1).fill(image) });
      }
      if (seen.headers["x-answer"] === "no-data") return sendJson(res, 200, { data: null }, { "x-request-id": "r-9" });
      if (seen.headers["x-answer"] === "echo-key") {
        const key = String(seen.headers.authorization).slice("Bearer ".length);
        return sendJson(res, 401, { error: { message: `bad key ${key}`, type: "auth" } }, { "x-echo": key });
      }
      sendJson(res, 200, { data: Array.from({ length: asked }, (_, index) => ({ url: `https://img.test/${index}` })) });
    });
  });
  afterAll(() => server.close());

  const client = (options: ImagesClientOptions = {}) =>
    createImagesClient({ apiKey: KEY, baseUrl: server.url, maxRetries: 0, ...options });

  it("sends n over the model's per-call limit as one request, where the full client fans out", async () => {
    const request = { prompt: "a heron", model: "dall-e-3", n: 3 };
    let before = server.requests.length;
    const full = createFullClient({ apiKey: KEY, baseUrl: server.url, onWarning: () => {} });
    expect((await full.generate(request)).data.length).toBe(3);
    expect(server.requests.slice(before).map((seen) => JSON.parse(seen.body).n)).toEqual([1, 1, 1]);
    before = server.requests.length;
    const result = await client().generate(request);
    expect(result.data.length).toBe(3);
    expect(server.requests.slice(before).map((seen) => JSON.parse(seen.body))).toEqual([request]);
  });

  it("returns an answer off the spec normalized, where the full client throws", async () => {
    const headers = { "x-answer": "off-spec" };
    const full = createFullClient({ apiKey: KEY, baseUrl: server.url, maxRetries: 0, headers });
    expect(await failure(full.generate({ prompt: "p", model: "gpt-image-2" }))).toHaveProperty(
      "name",
      "ResponseValidationError",
    );
    const result = await client({ headers }).generate({ prompt: "p", model: "gpt-image-2" });
    // A url that is a number and one image more than asked: the caller's to see, as the server sent it.
    expect(result).toEqual({ created: -1, data: [{ url: 42 }, { url: 42 }] });
  });

  it("refuses an answer with no list of images, which no caller could read as one", async () => {
    const error = await failure(client({ headers: { "x-answer": "no-data" } }).generate({ prompt: "p", model: "m" }));
    expect(error).toBeInstanceOf(NoImagesError);
    expect(error.message).toBe(
      `POST ${server.url}/v1/images/generations answered with no image (data is empty) (request id r-9)`,
    );
  });

  it("keeps the key out of an error whose answer quotes it", async () => {
    const error = await failure(client({ headers: { "x-answer": "echo-key" } }).generate({ prompt: "p", model: "m" }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(isSudoImagesError(error)).toBe(true);
    expect(error.message).toContain("bad key [redacted]");
    const shown = [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 5 })].join("\n");
    expect(shown).not.toContain(KEY);
    expect((error as AuthenticationError).headers.get("x-echo")).toBe("[redacted]");
  });

  it.each([
    ["validateRequests", { validateRequests: "off" }],
    ["validateResponses", { validateResponses: "warn" }],
    ["maxImagesPerCall", { maxImagesPerCall: 1 }],
    ["onWarning", { onWarning: () => {} }],
  ])("refuses %s, an option only the full client honours, naming it", (name, options) => {
    // @ts-expect-error not an option of lite
    const creating = () => client(options);
    expect(creating).toThrow(ConfigurationError);
    expect(creating).toThrow(new RegExp(`^${name} is an option of the full client`));
  });

  it.each([
    ["maxImagesPerCall", { maxImagesPerCall: 1 }],
    ["onImages", { onImages: () => {} }],
  ])("refuses the call option %s, naming it, and sends nothing", async (name, options) => {
    const before = server.requests.length;
    // @ts-expect-error not an option of a lite call
    const error = await failure(client().generateWithResponse({ prompt: "p", model: "m" }, options));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(new RegExp(`^${name} is an option of the full client`));
    expect(server.requests.length).toBe(before);
  });

  it("takes null for an option only the full client honours as left out, as the full client does", async () => {
    const nulls = { validateRequests: null, validateResponses: null, maxImagesPerCall: null, onWarning: null };
    const lite = client(nulls as never);
    await expect(
      lite.generate({ prompt: "p", model: "gpt-image-2" }, { onImages: null } as never),
    ).resolves.toBeDefined();
  });

  it("refuses every option the spec checks read, so a new one cannot be ignored in silence", async () => {
    const clientOptions = optionsReadBy((options) => resolveCheckSettings(options));
    const callOptions = optionsReadBy((options) => resolveCheckCall(resolveCheckSettings({}), options));
    expect(clientOptions.length).toBeGreaterThan(0);
    for (const name of clientOptions) expect(() => client({ [name]: 1 })).toThrow(`${name} is an option of the full`);
    for (const name of callOptions) {
      const error = await failure(client().generate({ prompt: "p", model: "m" }, { [name]: 1 }));
      expect(error.message).toMatch(new RegExp(`^${name} is an option of the full client`));
    }
  });
});
