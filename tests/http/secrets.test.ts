import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { scrub, scrubAnswer, scrubError } from "../../src/http/secrets.js";
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
import { startMockServer } from "../../src/testing/index.js";
import { failure } from "../helpers/failure.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { closedPort, sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";
import { usePlayServer } from "../helpers/play-server.js";
import { unicodeEscaped } from "../helpers/unicode-escaped.js";

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

describe("scrub, in every spelling a server echoes a key in", () => {
  const key = "sk-live/KEY+0123456789abc";
  const lowerHex = (text: string) => text.replace(/%[0-9A-F]{2}/g, (encoded) => encoded.toLowerCase());
  const urlAlphabet = (text: string) => text.replaceAll("+", "-").replaceAll("/", "_");

  it.each([
    ["URL-encoded", encodeURIComponent(key)],
    ["URL-encoded with lower-case hex", lowerHex(encodeURIComponent(key))],
    ["form-encoded", new URLSearchParams({ key }).toString().slice("key=".length)],
    ["URL-encoded whole", [...key].map((char) => `%${char.charCodeAt(0).toString(16)}`).join("")],
    ["base64 of its Authorization header", btoa(`Bearer ${key}`)],
    ["base64 of itself", btoa(key)],
    ["base64 of itself after one byte", btoa(`:${key}`)],
    ["base64 of itself after two bytes", btoa(`x:${key}`)],
    ["base64url of its Authorization header", urlAlphabet(btoa(`Bearer ${key}`))],
    // Text nothing parses (a header, a request id): a person reads `sk-live\/KEY` as the key all the same.
    ["with every slash JSON-escaped", key.replaceAll("/", "\\/")],
    ["with every character a JSON escape", unicodeEscaped(key)],
    ["with some characters JSON-escaped, hex in upper case", key.replace("-", "\\u002D").replace("/", "\\u002F")],
  ])("%s", (_how, spelled) => {
    const scrubbed = scrub(`echoed: ${spelled}.`, key);
    expect(scrubbed).toMatch(/^echoed: .*\[redacted\].*\.$/);
    expect(scrubbed).not.toContain(spelled);
  });

  it("leaves a key of under 12 characters in base64 alone (megabytes of image data could hold 5 of its characters)", () => {
    expect(scrub(`image: ${btoa("Bearer sk-1")}`, "sk-1")).toBe(`image: ${btoa("Bearer sk-1")}`);
    expect(scrub("sk-1 and sk%2D1", "sk-1")).toBe("[redacted] and [redacted]");
  });

  it("hands back the very text it was given when no spelling is in it", () => {
    const text = `{"data":[{"b64_json":"${"iVBORw0KGgo".repeat(1000)}"}],"note":"100% done"}`;
    expect(scrub(text, key)).toBe(text);
  });
});

describe("scrubAnswer", () => {
  const key = "sk-live/KEY+0123456789abc";
  const everyCharacterEscaped = unicodeEscaped(key);
  /** Every string and property name in a parsed value. */
  const stringsIn = (value: unknown): string[] =>
    typeof value === "string"
      ? [value]
      : typeof value === "object" && value !== null
        ? Object.entries(value).flatMap(([name, item]) => [name, ...stringsIn(item)])
        : [];

  const bearer64 = btoa(`Bearer ${key}`);
  // The key's own escapes are cut out as text (see scrub); base64 escaped is found only by parsing.
  const bearer64Escaped = unicodeEscaped(bearer64);
  it.each([
    [
      "every slash escaped (PHP's json_encode)",
      JSON.stringify({ error: { message: `bad key ${key}` } }).replaceAll("/", "\\/"),
      key,
    ],
    ["every character escaped", `{"error": {"message": "bad key ${everyCharacterEscaped}"}}`, key],
    ["in a property name", `{"${everyCharacterEscaped}": 1, "__proto__": "${everyCharacterEscaped}"}`, key],
    ["in base64 with every character escaped", `{"dump": "${bearer64Escaped}"}`, bearer64],
    ["in base64 after a byte-order mark", `\uFEFF{"message": "${bearer64Escaped}"}`, bearer64],
    ["as a JSON string", `"${everyCharacterEscaped}"`, key],
  ])("keeps the key out of what parsing makes of a body with it %s", (_how, body, spelled) => {
    expect(stringsIn(JSON.parse(body.replace(/^\uFEFF/, ""))).join()).toContain(spelled);
    const parsed: unknown = JSON.parse(scrubAnswer(body, key));
    expect(stringsIn(parsed).join()).not.toContain(spelled);
    expect(JSON.stringify(parsed)).toContain("[redacted]");
  });

  it.each([
    ["no escape", `{"data":[{"b64_json":"${"iVBORw0KGgo".repeat(1000)}"}]}`],
    ["escapes that make no character of any spelling", `{"revised_prompt":"a \\"caf\\u00e9\\"\\n"}`],
  ])("hands back the very text it was given for a body with %s", (_what, body) => {
    expect(scrubAnswer(body, key)).toBe(body);
  });

  it("cuts out a body nested too deep to walk rather than show it", () => {
    const deep = `${"[".repeat(200_000)}"${bearer64Escaped}"${"]".repeat(200_000)}`;
    expect(scrubAnswer(deep, key)).toBe("[redacted]");
  });
});

describe("with a server that plays each test's part", () => {
  const { KEY, request, server, client, seenSince } = usePlayServer();

  describe("the key never leaks, whatever it holds", () => {
    it.each([
      ["a line break", "sk-abc\ndef"],
      ["a line break", "sk-abc\rdef"],
      ["a NUL character", "sk-abc\0def"],
      ["white space", "sk-abc def"],
      ["white space", "sk-abc\tdef"],
      ["a character outside printable ASCII", "sk-abc\u00e9def"],
    ])(
      "refuses a key with %s before anything is sent, saying where it came from and not what it is",
      async (what, key) => {
        const before = server.requests.length;
        const said = (source: string) =>
          `The API key from ${source} holds ${what}; check how it was pasted (the key is not shown here).`;
        const error = await failure(client("ok", { apiKey: key, maxRetries: 2 }).generate(request));
        expect(error).toBeInstanceOf(ConfigurationError);
        expect(error.message).toBe(said("the apiKey option"));
        expect(error.attempts).toBe(0);
        if (!key.includes("\0")) {
          // An environment variable cannot hold a NUL.
          vi.stubEnv("SUDO_API_KEY", key);
          const fromEnv = await failure(client("ok", { apiKey: undefined }).generate(request));
          vi.unstubAllEnvs();
          expect(fromEnv.message).toBe(said("SUDO_API_KEY"));
        }
        expect(seenSince(before)).toEqual([]);
      },
    );

    it("scrubs the key from a server that echoes it, in the message and the body", async () => {
      const error = (await failure(client("echo-key").generate(request))) as ApiError;
      expect(error.status).toBe(401);
      expect(error.message).toContain("Incorrect API key provided: [redacted]");
      expect(JSON.stringify(error)).not.toContain(KEY);
      expect(JSON.stringify(error.body)).not.toContain(KEY);
    });

    it("redacts every credential-bearing header in the debug log", async () => {
      const lines: string[] = [];
      const secretHeaders = {
        "x-play": "null-400",
        "proxy-authorization": "Basic c2VjcmV0",
        cookie: "s=1",
        "x-api-key": "xk",
      };
      const options = { headers: secretHeaders, logger: (line: string) => lines.push(line) };
      const error = await failure(client("null-400", options).generate(request));
      const text = [...lines, error.message].join("\n");
      for (const secret of ["c2VjcmV0", "s=1", "xk", KEY]) expect(text).not.toContain(secret);
      expect(lines[0]).toMatch(/proxy-authorization: \[redacted\].*cookie: \[redacted\].*x-api-key: \[redacted\]/);
      expect(lines[0]).toContain("authorization: [redacted]");
    });

    it("refuses a baseUrl with a password at creation, without showing it", () => {
      const base = server.url.replace("http://", "http://user:hunter2@");
      expect(() => createImagesClient({ apiKey: KEY, baseUrl: base })).toThrow(/must not hold a user name or password/);
      expect(() => createImagesClient({ apiKey: KEY, baseUrl: `${base}?q` })).not.toThrow(/hunter2/);
    });

    it("keeps no bearer key in the mock server's request log", async () => {
      const mock = await startMockServer();
      try {
        await createImagesClient({ apiKey: KEY, baseUrl: mock.url }).generate({
          ...request,
          size: "256x256",
        });
        expect(mock.requests[0]?.headers.authorization).toBe("Bearer [redacted]");
        expect(JSON.stringify(mock.requests)).not.toContain(KEY);
      } finally {
        await mock.close();
      }
    });
  });
});

describe("scrubError", () => {
  const key = "sk-scrub-error-0123456789";

  it("copies an error whose message or causes hold the key, keeping its name, three causes deep", () => {
    const fifth = new Error(`fifth ${key}`);
    let error: Error = fifth;
    for (const place of ["fourth", "third", "second"]) error = new Error(`${place} ${key}`, { cause: error });
    error = new TypeError(`first ${key}`, { cause: error });
    const chain = [scrubError(error, key) as Error];
    for (let depth = 0; depth < 3; depth++) chain.push(chain[depth]?.cause as Error);
    expect(chain[0]?.name).toBe("TypeError");
    expect(chain.map((each) => each.message)).toEqual([
      "first [redacted]",
      "second [redacted]",
      "third [redacted]",
      "fourth [redacted]",
    ]);
    // Deeper causes are kept, not walked: a cycle must end.
    expect(chain[3]?.cause).toBe(fifth);
  });

  it("hands back an error without the key, a value that is not one, and no key, as they are", () => {
    const clean = new Error("connect ECONNREFUSED", { cause: new Error("inner") });
    expect(scrubError(clean, key)).toBe(clean);
    const cyclic = new Error("loop");
    cyclic.cause = cyclic;
    expect(scrubError(cyclic, key)).toBe(cyclic);
    expect(scrubError(42, key)).toBe(42);
    expect(scrubError(`text ${key}`, key)).toBe("text [redacted]");
    expect(scrubError(clean, undefined)).toBe(clean);
  });
});
