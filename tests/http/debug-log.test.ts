import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createImagesClient, createRawClient } from "../../src/index.js";
import { VALID_BODY } from "../helpers/fault-server.js";
import { closedPort, sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";
import { usePlayServer } from "../helpers/play-server.js";

/** The server answers after the delay the request's `x-delay` header names, so timings have a floor. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((seen, res) => {
    const delay = Number(seen.headers["x-delay"] ?? 0);
    const answer = () => sendJson(res, 200, VALID_BODY);
    if (delay > 0) setTimeout(answer, delay);
    else answer();
  });
});
afterAll(() => server.close());

const request = { prompt: "p", model: "m" };
const body = { prompt: "p", model: "m" };

/** A logger that keeps its lines. */
function recorder() {
  const lines: string[] = [];
  return { lines, logger: (line: string) => void lines.push(line) };
}

const elapsedIn = (line: string | undefined) => Number(/ in (\d+) ms/.exec(line ?? "")?.[1] ?? Number.NaN);

describe("generate's log", () => {
  it("writes the request with credential headers redacted, then the status and how long it took", async () => {
    const { lines, logger } = recorder();
    const headers = {
      "x-delay": "60",
      "x-apikey": "k1",
      "x-authorization": "a",
      "x-trace": "shown",
      "x-session-token": "t",
    };
    await createImagesClient({ apiKey: "sk-log", baseUrl: server.url, maxRetries: 0, headers, logger }).generate(
      request,
    );
    const url = `${server.url}/v1/images/generations`;
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^→ POST ${url.replace(/\./g, "\\.")} \\(x-delay: 60, x-apikey: \\[redacted\\], x-authorization: \\[redacted\\], x-trace: shown, ` +
          "x-session-token: \\[redacted\\], content-type: application/json, accept: application/json, " +
          "idempotency-key: [0-9a-f-]{36}, authorization: \\[redacted\\]\\)$",
      ),
    );
    expect(lines[1]).toMatch(new RegExp(`^← POST ${url.replace(/\./g, "\\.")} 200 in \\d+ ms$`));
    expect(elapsedIn(lines[1])).toBeGreaterThanOrEqual(50);
    expect(elapsedIn(lines[1])).toBeLessThan(10_000);
  });

  it("says why an attempt failed and when it retries", async () => {
    const { lines, logger } = recorder();
    const port = await closedPort();
    const client = createImagesClient({
      apiKey: "sk-log",
      baseUrl: `http://127.0.0.1:${port}`,
      maxRetries: 1,
      retry: { baseDelayMs: 1, maxDelayMs: 1 },
      logger,
    });
    await expect(client.generate(request)).rejects.toThrow(/connection error/);
    const url = `http://127.0.0.1:${port}/v1/images/generations`;
    expect(lines.filter((line) => line.startsWith("✗"))).toEqual([
      `✗ POST ${url} failed: fetch failed`,
      `✗ POST ${url} failed: fetch failed`,
    ]);
    expect(lines).toContainEqual(
      expect.stringMatching(/^attempt 1 failed \(POST .* connection error: .*\); retrying in 1 ms$/),
    );
  });
});

describe("createRawClient", () => {
  it("logs each request, redacted, with its status and timing", async () => {
    const { lines, logger } = recorder();
    const raw = createRawClient({ apiKey: "sk-raw", baseUrl: server.url, headers: { "x-delay": "60" }, logger });
    const { data } = await raw.POST("/v1/images/generations", { body });
    expect(data?.data).toHaveLength(1);
    const url = `${server.url}/v1/images/generations`;
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `→ POST ${url} (accept: application/json, authorization: [redacted], content-type: application/json, x-delay: 60)`,
    );
    expect(lines[1]).toMatch(new RegExp(`^← POST ${url.replace(/\./g, "\\.")} 200 in \\d+ ms$`));
    expect(elapsedIn(lines[1])).toBeGreaterThanOrEqual(50);
    expect(elapsedIn(lines[1])).toBeLessThan(10_000);
    expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer sk-raw");
  });

  it("logs a request that got no answer", async () => {
    const { lines, logger } = recorder();
    const port = await closedPort();
    const raw = createRawClient({ apiKey: "sk-raw", baseUrl: `http://127.0.0.1:${port}`, logger });
    await expect(raw.POST("/v1/images/generations", { body })).rejects.toThrow(/connection error: fetch failed/);
    // The same line as generate's: one exchange logs for both.
    expect(lines[1]).toBe(`✗ POST http://127.0.0.1:${port}/v1/images/generations failed: fetch failed`);
  });
});

describe("with a server that plays each test's part", () => {
  const { KEY, request, server } = usePlayServer();

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
});
