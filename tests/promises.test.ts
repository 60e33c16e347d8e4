import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_RETRY_POLICY, retryDelay } from "../src/http/retry.js";
import {
  ConfigurationError,
  createImagesClient,
  detectImageType,
  InvalidResponseError,
  imageBytes,
  type ResponseValidationError,
  type SudoImagesError,
  TimeoutError,
} from "../src/index.js";
import { type FaultServer, startFaultServer, VALID_BODY } from "./helpers/fault-server.js";
import { sendJson, startTestServer, type TestServer } from "./helpers/http-server.js";
import { asPage } from "./helpers/page-globals.js";

const KEY = "sk-promises-key";
const request = { prompt: "a lighthouse", model: "gpt-image-2" };

let server: TestServer;
let faults: FaultServer;
beforeAll(async () => {
  server = await startTestServer((seen, res) => {
    const play = String(seen.headers["x-play"] ?? "ok");
    if (play === "slow") setTimeout(() => sendJson(res, 200, VALID_BODY), 300);
    else if (play === "stall-body") {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":[');
    } else if (play === "bad-with-id") {
      res.writeHead(200, { "content-type": "text/html", "x-request-id": "req_html" }).end("<html></html>");
    } else if (play === "null-item") sendJson(res, 200, { data: [null] });
    else if (play === "nulls") sendJson(res, 200, { created: null, data: [{ url: 5, b64_json: null }] });
    else if (play === "image")
      res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from("89504e470d0a1a0a", "hex"));
    else sendJson(res, 200, VALID_BODY);
  });
  faults = await startFaultServer();
});
afterAll(async () => {
  await server.close();
  await faults.close();
});

const client = (play: string, options: Parameters<typeof createImagesClient>[0] = {}) =>
  createImagesClient({ apiKey: KEY, baseUrl: server.url, maxRetries: 0, headers: { "x-play": play }, ...options });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a failure"),
    (error: SudoImagesError) => error,
  );

describe("timeouts", () => {
  it("honours a per-call timeoutMs shorter than the client's", async () => {
    const error = await failure(client("slow", { timeoutMs: 60_000 }).generate(request, { timeoutMs: 50 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain("timed out after 50 ms");
  });

  it("bounds the body read too: headers in time, body never", async () => {
    const error = await failure(client("stall-body", { timeoutMs: 100 }).generate(request));
    expect(error).toBeInstanceOf(TimeoutError);
  });
});

describe("the key", () => {
  const saved = process.env.SUDO_API_KEY;
  afterEach(() => {
    if (saved === undefined) delete process.env.SUDO_API_KEY;
    else process.env.SUDO_API_KEY = saved;
  });

  it("is read from SUDO_API_KEY at each call, so a rotated key is used by the next one", async () => {
    process.env.SUDO_API_KEY = "sk-first-key";
    const unkeyed = createImagesClient({ baseUrl: server.url, maxRetries: 0 });
    const before = server.requests.length;
    await unkeyed.generate(request);
    process.env.SUDO_API_KEY = "sk-rotated-key";
    await unkeyed.generate(request);
    expect(server.requests.slice(before).map((seen) => seen.headers.authorization)).toEqual([
      "Bearer sk-first-key",
      "Bearer sk-rotated-key",
    ]);
  });

  it("never goes to an image host, not even from SUDO_API_KEY", async () => {
    process.env.SUDO_API_KEY = "sk-env-key";
    const before = server.requests.length;
    await imageBytes(
      { url: `${server.url}/image.png` },
      { fetch: (url, init) => fetch(url, { ...init, headers: { "x-play": "image" } }) },
    );
    // This host answers JSON, which is refused as no image, after the request that matters here.
    await expect(imageBytes({ url: `${server.url}/image.png` })).rejects.toThrow(/is not an image/);
    for (const seen of server.requests.slice(before)) expect(seen.headers.authorization).toBeUndefined();
  });

  it.each(["127.0.0.1.nip.io", "localhost.evil.com", "127.0.0.1.example", "my-localhost"])(
    "is not sent over plain http to %s, which only looks like loopback",
    async (host) => {
      const error = await failure(
        createImagesClient({ apiKey: KEY, baseUrl: `http://${host}:8080` }).generate(request),
      );
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toContain(`http://${host}:8080`);
    },
  );
});

describe("limits and errors", () => {
  it("gives an InvalidResponseError the server's request id", async () => {
    const error = await failure(client("bad-with-id").generate(request));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.requestId).toBe("req_html");
  });

  it("keeps a null array item the spec forbids, for validation to report", async () => {
    const error = (await failure(client("null-item").generate(request))) as ResponseValidationError;
    expect(error.violations.map((violation) => violation.pointer)).toContain("/data/0");
    const warned: SudoImagesError[] = [];
    const result = await client("null-item", { validateResponses: "warn", onWarning: (e) => warned.push(e) }).generate(
      request,
    );
    expect(result.data).toEqual([null]);
  });

  it("returns the body normalized in warn mode", async () => {
    const warned: SudoImagesError[] = [];
    const result = await client("nulls", { validateResponses: "warn", onWarning: (e) => warned.push(e) }).generate(
      request,
    );
    expect(warned).toHaveLength(1);
    expect(result).toEqual({ data: [{ url: 5 }] });
    expect("created" in result).toBe(false);
  });

  it("jitters the backoff in production: no two of twenty delays need be equal, none above the base", () => {
    const delays = Array.from({ length: 20 }, () => retryDelay(1, undefined, DEFAULT_RETRY_POLICY));
    expect(new Set(delays).size).toBeGreaterThan(1);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(500);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(375);
  });

  it("keeps one Idempotency-Key across every attempt of a call that sets none", async () => {
    const error = await failure(
      createImagesClient({
        apiKey: KEY,
        baseUrl: faults.url,
        maxRetries: 2,
        retry: { baseDelayMs: 1 },
        headers: { "x-faults": "503" },
      }).generate(request),
    );
    expect(error.attempts).toBe(3);
    const keys = new Set(
      faults.requests
        .filter((seen) => seen.headers["x-faults"] === "503")
        .map((seen) => seen.headers["idempotency-key"]),
    );
    expect(keys.size).toBe(1);
  });
});

describe("detectImageType", () => {
  const riff = (kind: string) => new Uint8Array([...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from(kind)]);
  it.each(["WAVE", "AVI "])("does not take a RIFF %s file for WebP", (kind) => {
    expect(detectImageType(riff(kind)).extension).toBe("bin");
  });
  it("does take RIFF WEBP for WebP", () => {
    expect(detectImageType(riff("WEBP")).extension).toBe("webp");
  });
});

describe("the browser guard, without a browser", () => {
  it("refuses a key in a page-like global unless dangerouslyAllowBrowser, and lets a keyless page through", () =>
    asPage(() => {
      expect(() => createImagesClient({ apiKey: KEY })).toThrow(
        "Refusing to use an API key in a browser, where anyone who opens the page can read it: call the Sudo API " +
          "from your server (a proxy that adds the key) and leave apiKey out here, or set dangerouslyAllowBrowser: true.",
      );
      expect(() => createImagesClient({ apiKey: KEY, dangerouslyAllowBrowser: true })).not.toThrow();
      expect(() => createImagesClient({ baseUrl: "https://proxy.example" })).not.toThrow();
    }));

  it.each(["window", "document"] as const)("takes a global with only a %s for no page", (part) =>
    asPage(() => expect(() => createImagesClient({ apiKey: KEY })).not.toThrow(), [part]),
  );
});

describe("the debug log", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("is on with DEBUG=* or DEBUG=sudo-images among others, and off otherwise", async () => {
    const linesWith = async (DEBUG: string) => {
      vi.stubEnv("DEBUG", DEBUG);
      const stderr = vi.spyOn(console, "error").mockImplementation(() => {});
      await createImagesClient({ apiKey: KEY, baseUrl: server.url, maxRetries: 0 }).generate(request);
      const lines = stderr.mock.calls.map(([line]) => String(line));
      stderr.mockRestore();
      return lines;
    };
    expect(await linesWith("*")).toEqual([
      expect.stringMatching(
        /^\[sudo-images\] → POST http:\/\/127\.0\.0\.1:\d+\/v1\/images\/generations \(.*authorization: \[redacted\]/,
      ),
      expect.stringMatching(/^\[sudo-images\] ← POST .* 200 in \d+ ms$/),
    ]);
    expect(await linesWith("other, sudo-images")).toHaveLength(2);
    expect(await linesWith("other")).toEqual([]);
    expect(await linesWith("sudo-images-extra")).toEqual([]);
  });
});
