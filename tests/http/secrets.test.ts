import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scrub } from "../../src/http/secrets.js";
import {
  ApiError,
  ConfigurationError,
  ConnectionError,
  createImagesClient,
  type ImageGenerationRequest,
  type ImagesClientOptions,
  InvalidResponseError,
  RequestValidationError,
  ResponseValidationError,
  TimeoutError,
} from "../../src/index.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { closedPort, sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";

const SECRET = "sk-test-SECRET-123";
const request = { prompt: "a lighthouse", model: "gpt-image-2" };

let faults: FaultServer;
let statuses: TestServer;
beforeAll(async () => {
  faults = await startFaultServer();
  statuses = await startTestServer((seen, res) => {
    const status = Number(seen.headers["x-status"]);
    sendJson(res, status, { error: { message: `status ${status} for you`, type: "test_error" } });
  });
});
afterAll(async () => {
  await faults.close();
  await statuses.close();
});

/** Every text a user might print or ship about an error: message, stacks and causes, JSON, inspect. */
function everyRendering(error: unknown): string[] {
  const texts = [JSON.stringify(error), inspect(error, { depth: Number.POSITIVE_INFINITY }), String(error)];
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    texts.push(current.message, current.stack ?? "", JSON.stringify(current), inspect(current));
  }
  return texts;
}

async function provoke(options: ImagesClientOptions, body: unknown = request) {
  const log: string[] = [];
  const client = createImagesClient({
    apiKey: SECRET,
    maxRetries: 0,
    // Long enough for a loaded machine; the stall case sets its own short one.
    timeoutMs: 10_000,
    logger: (line) => log.push(line),
    ...options,
  });
  const error = await client.generate(body as ImageGenerationRequest).then(
    () => expect.fail("expected a failure"),
    (caught: unknown) => caught,
  );
  return { error, log };
}

describe("the API key never leaks", () => {
  const statusCases = [400, 401, 403, 404, 409, 422, 429, 500, 503].map(
    (status) => [`HTTP ${status}`, status] as const,
  );

  it.each(statusCases)("from an ApiError for %s", async (_name, status) => {
    const { error, log } = await provoke({ baseUrl: statuses.url, headers: { "x-status": String(status) } });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toContain(`status ${status} for you`);
    for (const text of [...everyRendering(error), ...log]) expect(text).not.toContain(SECRET);
    expect(log.join("\n")).toContain("authorization: [redacted]");
  });

  const faultCases = [
    ["ConnectionError (reset)", "reset", ConnectionError],
    ["TimeoutError", "stall", TimeoutError],
    ["InvalidResponseError", "text-plain", InvalidResponseError],
    ["ResponseValidationError", "spec-violation", ResponseValidationError],
  ] as const;

  it.each(faultCases)("from a %s", async (_name, fault, ErrorClass) => {
    const timeout = fault === "stall" ? { timeoutMs: 100 } : {};
    const { error, log } = await provoke({ baseUrl: faults.url, headers: { "x-faults": fault }, ...timeout });
    expect(error).toBeInstanceOf(ErrorClass);
    for (const text of [...everyRendering(error), ...log]) expect(text).not.toContain(SECRET);
  });

  it("from a ConnectionError to a closed port", async () => {
    const { error, log } = await provoke({ baseUrl: `http://127.0.0.1:${await closedPort()}` });
    expect(error).toBeInstanceOf(ConnectionError);
    for (const text of [...everyRendering(error), ...log]) expect(text).not.toContain(SECRET);
  });

  it("from a RequestValidationError", async () => {
    const { error } = await provoke({ baseUrl: statuses.url }, { ...request, n: 99 });
    expect(error).toBeInstanceOf(RequestValidationError);
    for (const text of everyRendering(error)) expect(text).not.toContain(SECRET);
  });

  it("from a cancellation", async () => {
    const client = createImagesClient({ apiKey: SECRET, baseUrl: faults.url, headers: { "x-faults": "stall" } });
    const error = await client
      .generate(request, { signal: AbortSignal.timeout(50) })
      .catch((caught: unknown) => caught);
    expect((error as Error).name).toBe("TimeoutError"); // the DOMException AbortSignal.timeout() aborts with
    for (const text of everyRendering(error)) expect(text).not.toContain(SECRET);
  });

  it("and is never sent over plain http to a host that is not loopback", async () => {
    const { error, log } = await provoke({ baseUrl: "http://images.example.invalid/api" });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      "Refusing to send the API key in clear text to http://images.example.invalid: use https, or set allowInsecureHttp: true (the CLI's --allow-insecure-http).",
    );
    expect(log).toEqual([]);
    for (const text of everyRendering(error)) expect(text).not.toContain(SECRET);
  });

  it("unless allowInsecureHttp is set", async () => {
    // 0.0.0.0 reaches this machine's own listener on Linux, yet it is not a loopback name.
    const port = new URL(statuses.url).port;
    const options = {
      apiKey: SECRET,
      baseUrl: `http://0.0.0.0:${port}`,
      maxRetries: 0,
      headers: { "x-status": "418" },
    };
    await expect(createImagesClient(options).generate(request)).rejects.toBeInstanceOf(ConfigurationError);
    const before = statuses.requests.length;
    const error = await createImagesClient({ ...options, allowInsecureHttp: true })
      .generate(request)
      .catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(418);
    expect(statuses.requests[before]?.headers.authorization).toBe(`Bearer ${SECRET}`);
  });
});

describe("scrub", () => {
  it("replaces a key anywhere, but for a short one that base64 could hold by chance (a word, such as mock)", () => {
    expect(scrub("key sk-abcdef123456 echoed twice: sk-abcdef123456", "sk-abcdef123456")).toBe(
      "key [redacted] echoed twice: [redacted]",
    );
    expect(scrub("as drawn by the sudo-images mock", "mock")).toBe("as drawn by the sudo-images mock");
    expect(scrub("iVBORw0KGgoAAAAtest", "test")).toBe("iVBORw0KGgoAAAAtest");
  });
});
