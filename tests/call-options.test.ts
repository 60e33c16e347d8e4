import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ConfigurationError,
  createImagesClient,
  InternalServerError,
  RequestValidationError,
  ResponseValidationError,
  type SudoImagesError,
  TimeoutError,
} from "../src/index.js";
import { type FaultServer, startFaultServer } from "./helpers/fault-server.js";

const KEY = "sk-call-options";
const request = { prompt: "a lighthouse", model: "gpt-image-2" };

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
afterEach(() => vi.restoreAllMocks());

const client = (faults: string, options: Parameters<typeof createImagesClient>[0] = {}) =>
  createImagesClient({
    apiKey: KEY,
    baseUrl: server.url,
    maxRetries: 0,
    retry: { baseDelayMs: 1, maxDelayMs: 1 },
    headers: { "x-faults": faults },
    ...options,
  });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a failure"),
    (error: SudoImagesError) => error,
  );

describe("per-call options", () => {
  it("maxRetries overrides the client's, keeping its backoff", async () => {
    const idempotencyKey = crypto.randomUUID();
    const error = await failure(client("503").generate(request, { maxRetries: 1, idempotencyKey }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.attempts).toBe(2);
    expect(server.attempts(idempotencyKey)).toHaveLength(2);
  });

  it("a bad per-call maxRetries is refused at the call, naming it", async () => {
    const error = await failure(client("ok").generate(request, { maxRetries: -1 }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe("maxRetries must be a whole number of at least 0; got -1");
  });

  it("a timeout names the request and the attempt", async () => {
    const error = await failure(client("stall,stall").generate(request, { timeoutMs: 30, maxRetries: 1 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(`POST ${server.url}/v1/images/generations (attempt 2) timed out after 30 ms`);
  });
});

describe("a lost connection", () => {
  it("says whether the body was being read", async () => {
    const error = await failure(client("reset-mid-body").generate(request));
    expect(error.message).toMatch(
      new RegExp(
        `^POST ${server.url.replace(/\./g, "\\.")}/v1/images/generations failed while reading the body: connection error: `,
      ),
    );
  });
});

describe("validation modes", () => {
  it("'off' returns a body that breaks the spec, normalized, and warns of nothing", async () => {
    const onWarning = vi.fn();
    const result = await client("spec-violation", { validateResponses: "off", onWarning }).generate(request);
    expect(result).toEqual({ data: [{ url: 42 }] });
    expect(onWarning).not.toHaveBeenCalled();
  });

  it("'strict' throws a ResponseValidationError that names the schema", async () => {
    const error = (await failure(client("spec-violation").generate(request))) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.schema).toBe("ImageGeneration");
    expect(error.violations).toEqual([{ pointer: "/data/0/url", expected: "must be string,null", received: "42" }]);
  });

  it("'warn' without onWarning writes the message to console.warn", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await client("spec-violation", { validateResponses: "warn" }).generate(request);
    expect(warn).toHaveBeenCalledExactlyOnceWith(
      "Response does not match ImageGeneration in the spec: /data/0/url: must be string,null, got 42",
    );
  });

  it("a request that breaks the spec names the request schema", async () => {
    const error = (await failure(client("ok").generate({ ...request, n: 11 }))) as RequestValidationError;
    expect(error.schema).toBe("ImageGenerationRequest");
    expect(error.violations).toEqual([{ pointer: "/n", expected: "must be <= 10", received: "11" }]);
  });

  it("a request JSON cannot hold is a RequestValidationError that says so", async () => {
    const error = (await failure(
      client("ok").generate({ ...request, extra: 1n } as unknown as typeof request),
    )) as RequestValidationError;
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.schema).toBe("ImageGenerationRequest");
    expect(error.violations).toEqual([
      { pointer: "", expected: "a value JSON can hold", received: "Do not know how to serialize a BigInt" },
    ]);
  });
});

describe("header values", () => {
  it.each([
    ["an idempotencyKey", {}, { idempotencyKey: "key\r\nX-Injected: 1" }, "idempotencyKey"],
    [
      "a headers value",
      { headers: { "x-credential": "sk-header-secret\nX-Injected: 1" } },
      {},
      'headers["x-credential"]',
    ],
  ])("refuses %s with a line break before sending, without repeating it", async (_what, options, call, option) => {
    const before = server.requests.length;
    const error = await failure(
      Promise.resolve().then(() => client("ok", options as Parameters<typeof client>[1]).generate(request, call)),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe(
      `${option} must be a string without line breaks or NUL characters (the value is not shown here)`,
    );
    expect(error.message).not.toMatch(/Injected|secret/);
    expect(server.requests.length).toBe(before);
  });
});
