import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConnectionError,
  createImagesClient,
  type ImagesClientOptions,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
  ResponseValidationError,
  type SudoImagesError,
  TimeoutError,
} from "../../src/index.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";

const request = { prompt: "a lighthouse", model: "gpt-image-2" };
let server: FaultServer;
let calls = 0;

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

/**
 * A client with a tiny backoff, so the faults play out in milliseconds. The timeout is tiny only
 * where a stall must run into it: elsewhere a busy machine writing 2 MB past 200 ms is no fault.
 */
function clientWith(faults: string, options: ImagesClientOptions = {}) {
  const log: string[] = [];
  const client = createImagesClient({
    apiKey: "sk-test",
    baseUrl: server.url,
    headers: { "x-faults": faults },
    timeoutMs: faults.includes("stall") ? 200 : 30_000,
    retry: { baseDelayMs: 1, maxDelayMs: 4 },
    maxResponseBytes: 1024 * 1024,
    logger: (line) => log.push(line),
    ...options,
  });
  const idempotencyKey = `fault-${++calls}`;
  return {
    call: () => client.generate(request, { idempotencyKey }),
    attempts: () => server.attempts(idempotencyKey),
    log,
  };
}

async function failure(promise: Promise<unknown>): Promise<SudoImagesError> {
  return promise.then(
    () => expect.fail("expected the call to fail"),
    (error: SudoImagesError) => error,
  );
}

describe("fault injection: outcomes, attempts, one Idempotency-Key", () => {
  it.each([
    ["reset,ok", 2],
    ["reset-mid-body,ok", 2],
    ["stall,ok", 2],
    ["503,503,ok", 3],
    ["502-html,ok", 2],
  ])("%s succeeds after %i attempts with the same Idempotency-Key", async (faults, attempts) => {
    const { call, attempts: seen } = clientWith(faults);
    const result = await call();
    expect(result.data[0]?.url).toBe("https://img.example/1.png");
    expect(seen()).toHaveLength(attempts);
    expect(new Set(seen().map((attempt) => attempt.headers["idempotency-key"])).size).toBe(1);
    expect(new Set(seen().map((attempt) => attempt.body)).size).toBe(1);
  });

  it.each([
    { faults: "reset", ErrorClass: ConnectionError, attempts: 3, message: /connection error/ },
    { faults: "stall", ErrorClass: TimeoutError, attempts: 3, message: /timed out after 200 ms/ },
    {
      faults: "503",
      ErrorClass: InternalServerError,
      attempts: 3,
      message: /failed with status 503: Overloaded \(request id req_503\)/,
    },
    {
      faults: "502-html",
      ErrorClass: InternalServerError,
      attempts: 3,
      message: /failed with status 502: an HTML page, not the API's JSON: check that baseUrl is the API root/,
    },
    { faults: "truncated-json", ErrorClass: InvalidResponseError, attempts: 1, message: /JSON that does not parse/ },
    {
      faults: "text-plain",
      ErrorClass: InvalidResponseError,
      attempts: 1,
      message: /content type text\/plain: "all good"/,
    },
    {
      faults: "spec-violation",
      ErrorClass: ResponseValidationError,
      attempts: 1,
      message: /\/data\/0\/url: must be string,null, got 42/,
    },
    { faults: "oversized", ErrorClass: InvalidResponseError, attempts: 1, message: /over the 1048576-byte limit/ },
    {
      faults: "oversized-declared",
      ErrorClass: InvalidResponseError,
      attempts: 1,
      message: /10485760 bytes is over the 1048576-byte limit/,
    },
  ])(
    "$faults ends in $ErrorClass.name after $attempts attempt(s)",
    async ({ faults, ErrorClass, attempts, message }) => {
      const { call, attempts: seen } = clientWith(faults);
      const error = await failure(call());
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain("\n");
      expect(error.attempts).toBe(attempts);
      expect(seen()).toHaveLength(attempts);
      expect(new Set(seen().map((attempt) => attempt.headers["idempotency-key"])).size).toBe(1);
    },
  );

  it("carries the last request id on an error after retries", async () => {
    const { call } = clientWith("503,503,reset");
    const error = await failure(call());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.requestId).toBe("req_503");
  });

  it("honours Retry-After: 1 (a one-second wait, not the tiny backoff)", async () => {
    const { call, attempts, log } = clientWith("429-retry-after-1,ok");
    await call();
    expect(attempts()).toHaveLength(2);
    expect(log.filter((line) => line.includes("retrying"))).toEqual([expect.stringContaining("retrying in 1000 ms")]);
  });

  it("does not retry a 429 when maxRetries is 0 for the call", async () => {
    const client = createImagesClient({
      apiKey: "k",
      baseUrl: server.url,
      headers: { "x-faults": "429-retry-after-1" },
    });
    const error = await failure(client.generate(request, { maxRetries: 0, idempotencyKey: "no-retry" }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.attempts("no-retry")).toHaveLength(1);
  });

  it("sends a fresh Idempotency-Key per call, when none is given", async () => {
    const client = createImagesClient({ apiKey: "k", baseUrl: server.url });
    const before = server.requests.length;
    await client.generate(request);
    await client.generate(request);
    const keys = server.requests.slice(before).map((seen) => seen.headers["idempotency-key"]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).not.toBe(keys[0]);
  });
});

describe("cancellation", () => {
  it("aborts the attempt in flight at once, with the signal's reason, and retries nothing", async () => {
    const controller = new AbortController();
    const client = createImagesClient({ apiKey: "k", baseUrl: server.url, headers: { "x-faults": "stall" } });
    const call = client.generate(request, { signal: controller.signal, idempotencyKey: "abort-in-flight" });
    await expect.poll(() => server.attempts("abort-in-flight").length).toBe(1);
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(server.attempts("abort-in-flight")).toHaveLength(1);
  });

  it("cuts a backoff wait short and makes no further attempt", async () => {
    const client = createImagesClient({
      apiKey: "k",
      baseUrl: server.url,
      headers: { "x-faults": "503,ok" },
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    const controller = new AbortController();
    const reason = new DOMException("user gave up", "AbortError");
    const call = client.generate(request, { signal: controller.signal, idempotencyKey: "abort-backoff" });
    await expect.poll(() => server.attempts("abort-backoff").length).toBe(1);
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    expect(server.attempts("abort-backoff")).toHaveLength(1);
  });

  it("rejects at once with an already-aborted signal, sending nothing", async () => {
    const client = createImagesClient({ apiKey: "k", baseUrl: server.url });
    const before = server.requests.length;
    await expect(client.generate(request, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(server.requests.length).toBe(before);
  });
});
