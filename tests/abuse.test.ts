/**
 * What an adversarial pass broke, one `describe` per class, each against real servers on
 * 127.0.0.1: a hostile server, a careless caller, a hurried shell user.
 */
import { getEventListeners } from "node:events";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ApiError,
  BadRequestError,
  ConfigurationError,
  createImagesClient,
  type ImageData,
  ImageError,
  type ImageGeneration,
  type ImageGenerationRequest,
  type ImagesClientOptions,
  InternalServerError,
  InvalidResponseError,
  imageBytes,
  RedirectError,
  RequestValidationError,
  ResponseValidationError,
  type SudoImagesError,
  UnprocessableEntityError,
} from "../src/index.js";
import { saveImages } from "../src/node.js";
import { startMockServer } from "../src/testing/index.js";
import { startFaultServer, VALID_BODY } from "./helpers/fault-server.js";
import { type SeenRequest, sendJson, startTestServer, type TestServer } from "./helpers/http-server.js";

const KEY = "sk-abuse-KEY-0123456789";
const request = { prompt: "a lighthouse", model: "gpt-image-2" };

/** What each test wants the server to do, by the `x-play` header. */
const plays: Record<string, (seen: SeenRequest, res: import("node:http").ServerResponse) => void> = {
  ok: (_seen, res) => sendJson(res, 200, VALID_BODY),
  slow: (_seen, res) => setTimeout(() => sendJson(res, 200, VALID_BODY), 30),
  "gzip-bomb": (_seen, res) => {
    // 8 MB of JSON that gzips to ~8 kB; Content-Length is the compressed size.
    const json = Buffer.from(JSON.stringify({ data: [], pad: "0".repeat(8 * 1024 * 1024) }));
    const gz = gzipSync(json);
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": gz.length });
    res.end(gz);
  },
  "image-bomb": (_seen, res) => {
    const gz = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    res.writeHead(200, { "content-type": "image/png", "content-encoding": "gzip", "content-length": gz.length });
    res.end(gz);
  },
  "echo-key": (seen, res) =>
    sendJson(res, 401, {
      error: { message: `Incorrect API key provided: ${String(seen.headers.authorization).slice(7)}`, type: "auth" },
    }),
  "null-400": (_seen, res) => res.writeHead(400, { "content-type": "application/json" }).end("null"),
  "number-503": (_seen, res) => res.writeHead(503, { "content-type": "application/json" }).end("5"),
  "string-400": (_seen, res) => res.writeHead(400, { "content-type": "application/json" }).end('"nope"'),
  "array-400": (_seen, res) => res.writeHead(400, { "content-type": "application/json" }).end("[1,2]"),
  "conforming-400": (_seen, res) =>
    sendJson(res, 400, { error: { message: "prompt is empty", type: "invalid_request" } }),
  "typeless-400": (_seen, res) => sendJson(res, 400, { error: { message: "prompt is empty", code: 7 } }),
  "html-502": (_seen, res) => res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad gateway</h1>"),
  "json-422": (_seen, res) => sendJson(res, 422, { error: { message: "cannot draw that", type: "unprocessable" } }),
  "long-message": (_seen, res) =>
    sendJson(res, 400, { error: { message: `line one\nline two\r\n${"x".repeat(100_000)}`, type: "bad" } }),
  "many-violations": (_seen, res) => sendJson(res, 200, { data: Array.from({ length: 1000 }, () => ({ url: 5 })) }),
  redirect: (seen, res) => {
    const status = Number(seen.headers["x-status"] ?? 302);
    res.writeHead(status, { location: String(seen.headers["x-location"]) }).end();
  },
};

let server: TestServer;
let elsewhere: TestServer;
beforeAll(async () => {
  server = await startTestServer((seen, res) => plays[String(seen.headers["x-play"] ?? "ok")]?.(seen, res));
  elsewhere = await startTestServer((_seen, res) => sendJson(res, 200, VALID_BODY));
});
afterAll(async () => {
  await server.close();
  await elsewhere.close();
});

function client(play: string, options: ImagesClientOptions = {}) {
  return createImagesClient({
    apiKey: KEY,
    baseUrl: server.url,
    maxRetries: 0,
    headers: { "x-play": play },
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<SudoImagesError> {
  return promise.then(
    () => expect.fail("expected a failure"),
    (error: SudoImagesError) => error,
  );
}

/** Requests the server saw after `before`. */
const seenSince = (before: number) => server.requests.slice(before);

describe("size caps hold on what the client holds, not on what the wire says", () => {
  it("stops a gzip bomb on generate at maxResponseBytes of decoded bytes", async () => {
    const error = await failure(client("gzip-bomb", { maxResponseBytes: 1024 * 1024 }).generate(request));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain("over the 1048576-byte limit");
    expect(error.message).toContain("once decoded");
  });

  it("stops a gzip bomb on imageBytes at maxBytes", async () => {
    const item: ImageData = { url: `${server.url}/image.png` };
    const bomb = (input: string | Request, init?: RequestInit) =>
      fetch(input, { ...init, headers: { "x-play": "image-bomb" } });
    const error = await failure(imageBytes(item, { maxBytes: 1024 * 1024, fetch: bomb }));
    expect(error).toBeInstanceOf(ImageError);
    expect(error.message).toMatch(/over the 1048576-byte limit/);
  });
});

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
        model: "gpt-image-2",
        size: "256x256",
      });
      expect(mock.requests[0]?.headers.authorization).toBe("Bearer [redacted]");
      expect(JSON.stringify(mock.requests)).not.toContain(KEY);
    } finally {
      await mock.close();
    }
  });
});

describe("options mean what they say", () => {
  it("takes timeoutMs: Infinity as no timeout, on the client and per call", async () => {
    await expect(client("slow", { timeoutMs: Number.POSITIVE_INFINITY }).generate(request)).resolves.toBeTruthy();
    await expect(client("slow").generate(request, { timeoutMs: Number.POSITIVE_INFINITY })).resolves.toBeTruthy();
  });

  const timeoutRule = "must be a whole number of milliseconds from 1 to 2147483647, or Infinity for none";
  it.each([
    [{ timeoutMs: 2 ** 31 }, `timeoutMs ${timeoutRule}; got 2147483648`],
    [{ timeoutMs: Number.NaN }, `timeoutMs ${timeoutRule}; got NaN`],
    [{ timeoutMs: 0 }, `timeoutMs ${timeoutRule}; got 0`],
    [{ timeoutMs: -5 }, `timeoutMs ${timeoutRule}; got -5`],
    [{ timeoutMs: 1.5 }, `timeoutMs ${timeoutRule}; got 1.5`],
    [{ maxRetries: -1 }, "maxRetries must be a whole number of at least 0; got -1"],
    [{ maxRetries: 1.5 }, "maxRetries must be a whole number of at least 0; got 1.5"],
    [{ maxResponseBytes: 0 }, "maxResponseBytes must be a whole number of at least 1; got 0"],
    [{ maxConcurrency: 0 }, "maxConcurrency must be a whole number of at least 1; got 0"],
    [{ maxImagesPerCall: 0 }, "maxImagesPerCall must be a whole number of at least 1; got 0"],
    [{ retry: { baseDelayMs: Number.NaN } }, "retry.baseDelayMs must be a whole number of at least 0; got NaN"],
    [{ retry: { maxDelayMs: -1 } }, "retry.maxDelayMs must be a whole number of at least 0; got -1"],
    [
      { retry: { maxRetryAfterMs: 2 ** 53 } },
      "retry.maxRetryAfterMs must be a whole number of at least 0; got 9007199254740992",
    ],
    [{ baseUrl: "http://127.0.0.1:1/api?x=1" }, "baseUrl must not have a query or fragment (paths are appended to it)"],
    [{ baseUrl: "http://127.0.0.1:1/api#top" }, "baseUrl must not have a query or fragment (paths are appended to it)"],
    [{ baseUrl: "ftp://127.0.0.1/api" }, "baseUrl must be an http or https URL; got ftp:"],
    [{ baseUrl: "not a url" }, 'baseUrl is not an absolute URL: "not a url"'],
    [
      { baseUrl: "https://user@api.test" },
      "baseUrl must not hold a user name or password; send credentials as headers",
    ],
    [{ baseUrl: "https://:pw@api.test" }, "baseUrl must not hold a user name or password; send credentials as headers"],
  ] as const)("refuses %j at creation: %s", (options, message) => {
    expect(() => createImagesClient({ apiKey: KEY, ...options })).toThrow(ConfigurationError);
    expect(() => createImagesClient({ apiKey: KEY, ...options })).toThrow(message);
  });

  it("names SUDO_BASE_URL when the bad URL came from there", () => {
    vi.stubEnv("SUDO_BASE_URL", "ftp://127.0.0.1/api");
    try {
      expect(() => createImagesClient({ apiKey: KEY })).toThrow("SUDO_BASE_URL must be an http or https URL; got ftp:");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("takes the edges of each range: timeouts of 1 ms and 2^31 - 1 ms, zero retries", () => {
    for (const timeoutMs of [1, 2 ** 31 - 1])
      expect(() => createImagesClient({ apiKey: KEY, timeoutMs })).not.toThrow();
    expect(() => createImagesClient({ apiKey: KEY, maxRetries: 0, maxResponseBytes: 1 })).not.toThrow();
  });

  it("drops every trailing slash of baseUrl before appending the path", async () => {
    const before = server.requests.length;
    await createImagesClient({ apiKey: KEY, baseUrl: `${server.url}///`, maxRetries: 0 }).generate(request);
    expect(seenSince(before).map((seen) => seen.url)).toEqual(["/v1/images/generations"]);
  });

  it("refuses an invalid per-call option at the call, before sending", async () => {
    const before = server.requests.length;
    const error = await failure(client("ok").generate(request, { timeoutMs: -1 }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain("timeoutMs");
    expect(seenSince(before)).toEqual([]);
  });

  it("sends a request the spec does not know yet with validateRequests warn or off", async () => {
    const warnings: SudoImagesError[] = [];
    const newer = { ...request, size: "4096x4096" } as unknown as ImageGenerationRequest;
    const before = server.requests.length;
    await client("ok", { validateRequests: "warn", onWarning: (error) => warnings.push(error) }).generate(newer);
    await client("ok", { validateRequests: "off" }).generate(newer);
    expect(seenSince(before).map((seen) => JSON.parse(seen.body).size)).toEqual(["4096x4096", "4096x4096"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBeInstanceOf(RequestValidationError);
    await expect(client("ok").generate(newer)).rejects.toBeInstanceOf(RequestValidationError);
  });
});

describe("every failure is typed, classified right, and one bounded line", () => {
  it.each([
    ["null-400", BadRequestError, "400 Bad Request"],
    ["string-400", BadRequestError, "400"],
    ["array-400", BadRequestError, "400 Bad Request"],
    ["number-503", InternalServerError, "503 Service Unavailable"],
  ] as const)("turns a %s body into the right ApiError", async (play, ErrorClass, status) => {
    const error = await failure(client(play).generate(request));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.message).toContain(`failed with status ${status}`);
  });

  it("retries a 503 whose body is not an ErrorResponse", async () => {
    const error = await failure(client("number-503", { maxRetries: 1, retry: { baseDelayMs: 1 } }).generate(request));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.attempts).toBe(2);
  });

  it("keeps a 100 kB multi-line server message to one line of at most 500 characters, and the body whole", async () => {
    const error = (await failure(client("long-message").generate(request))) as ApiError;
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message.length).toBeLessThanOrEqual(500);
    expect(error.message).toContain("line one line two");
    expect(JSON.stringify(error.body).length).toBeGreaterThan(100_000);
  });

  it("gives a ResponseValidationError the attempts it took and the server's request id", async () => {
    const faults = await startFaultServer();
    try {
      const options = { apiKey: KEY, baseUrl: faults.url, maxRetries: 2, retry: { baseDelayMs: 1 } };
      const headers = { "x-faults": "503,spec-violation" };
      const error = await failure(createImagesClient({ ...options, headers }).generate(request));
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect(error.attempts).toBe(2);
      expect(error.requestId).toBe("req_bad_body");
    } finally {
      await faults.close();
    }
  });

  it("says how many more violations there are, and keeps them all on the error", async () => {
    const error = (await failure(client("many-violations").generate(request))) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message.length).toBeLessThanOrEqual(500);
    expect(error.message).toMatch(/… and \d+ more/);
    // One per image, and one for sending 1,000 images where one was asked for.
    expect(error.violations).toHaveLength(1001);
    expect(error.violations).toContainEqual({
      pointer: "/data",
      expected: "at most 1 image(s), as many as the request's n",
      received: "1000 images",
    });
  });

  it.each([
    ["a cycle", () => Object.assign({ ...request }, { self: {} as object })],
    ["a BigInt", () => ({ ...request, big: 10n })],
  ])("reports a request holding %s as a RequestValidationError, sending nothing", async (_what, make) => {
    const body = make() as Record<string, unknown>;
    if (typeof body.self === "object") (body.self as Record<string, unknown>).loop = body;
    const before = server.requests.length;
    const error = await failure(client("ok", { maxRetries: 2 }).generate(body as ImageGenerationRequest));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.attempts).toBe(0);
    expect(seenSince(before)).toEqual([]);
  });

  it("makes imageBytes failures ImageErrors: a relative or invalid URL, a non-string b64_json", async () => {
    for (const item of [{ url: "/images/1.png" }, { url: "http://[bad" }, { url: "file:///etc/passwd" }]) {
      await expect(imageBytes(item)).rejects.toBeInstanceOf(ImageError);
    }
    await expect(imageBytes({ b64_json: 42 } as unknown as ImageData)).rejects.toThrow(/b64_json is not a string/);
  });
});

describe("error answers are held to the spec leniently: the right ApiError, the mismatch on it", () => {
  it("finds nothing wrong with a conforming ErrorResponse", async () => {
    const error = (await failure(client("conforming-400").generate(request))) as ApiError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.violations).toEqual([]);
  });

  it.each([
    [
      "typeless-400",
      BadRequestError,
      [
        { pointer: "/error/type", expected: "required property", received: "nothing" },
        { pointer: "/error/code", expected: "must be string,null", received: "7" },
      ],
    ],
    ["null-400", BadRequestError, [{ pointer: "", expected: "must be object", received: "null" }]],
    ["string-400", BadRequestError, [{ pointer: "", expected: "must be object", received: '"nope"' }]],
    [
      "html-502",
      InternalServerError,
      [{ pointer: "", expected: "must be object", received: '"<h1>Bad gateway</h1>"' }],
    ],
  ] as const)(
    "lists where a %s body breaks ErrorResponse, and still classifies it",
    async (play, ErrorClass, violations) => {
      const error = (await failure(client(play).generate(request))) as ApiError;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.violations).toEqual(violations);
    },
  );

  it("names a status the spec does not document, with the ones it does", async () => {
    const error = (await failure(client("json-422").generate(request))) as ApiError;
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.message).toContain("cannot draw that");
    expect(error.violations).toEqual([
      {
        pointer: "",
        expected: "a status the spec documents for generateImage (200, 400, 401, 403, 404, 429, 500, 502, 503)",
        received: "422",
      },
    ]);
  });

  it('checks nothing with validateResponses: "off"', async () => {
    const error = (await failure(client("typeless-400", { validateResponses: "off" }).generate(request))) as ApiError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.violations).toEqual([]);
  });
});

describe("redirects", () => {
  it.each([301, 302, 303, 307, 308])(
    "refuses a %i from the API, naming the Location, sending nothing there",
    async (status) => {
      const location = `${elsewhere.url}/steal`;
      const before = elsewhere.requests.length;
      const headers = { "x-play": "redirect", "x-status": String(status), "x-location": location };
      const error = (await failure(client("redirect", { headers, maxRetries: 2 }).generate(request))) as RedirectError;
      expect(error).toBeInstanceOf(RedirectError);
      expect(error.location).toBe(location);
      expect(error.message).toContain(location);
      expect(error.attempts).toBe(1);
      expect(elsewhere.requests.length).toBe(before);
    },
  );

  it("follows an image host's http redirect, and refuses an https → http downgrade", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000", "hex");
    const cdn = await startTestServer((seen, res) => {
      if (seen.url === "/moved") res.writeHead(302, { location: "/image.png" }).end();
      else if (seen.url === "/to-plain-http") res.writeHead(302, { location: `${cdn.url}/image.png` }).end();
      else res.writeHead(200, { "content-type": "image/png" }).end(png);
    });
    try {
      expect(Buffer.from(await imageBytes({ url: `${cdn.url}/moved` }))).toEqual(png);
      // No TLS server here: the fetch plays a TLS front for the https host, passing the request to
      // the local server and its answer (a redirect to plain http) back as it is.
      const front = (input: string | Request, init?: RequestInit) =>
        String(input).startsWith("https:")
          ? fetch(`${cdn.url}${new URL(String(input)).pathname}`, init)
          : fetch(input, init);
      const error = await failure(imageBytes({ url: "https://cdn.example/to-plain-http" }, { fetch: front }));
      expect(error.message).toMatch(/refused a redirect from https to http:/);
      expect(cdn.requests.filter((seen) => seen.url === "/image.png")).toHaveLength(1);
    } finally {
      await cdn.close();
    }
  });
});

describe("files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sudo-images-abuse-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

  it.each(["../escaped", "a/b", "a\\b", "nul\0byte", "..", ""])(
    "refuses the name %j and writes nothing",
    async (name) => {
      const result: ImageGeneration = { data: [{ b64_json: png }] };
      const inside = path.join(dir, "names");
      await expect(saveImages(result, inside, { name })).rejects.toBeInstanceOf(ImageError);
      expect(await readdir(dir)).not.toContain("escaped.png");
    },
  );

  it("names the files it wrote when a later image fails", async () => {
    const result: ImageGeneration = { data: [{ b64_json: png }, { b64_json: "not base64!" }] };
    const out = path.join(dir, "partial");
    const error = (await failure(saveImages(result, out, { name: "pic" }))) as ImageError;
    expect(error).toBeInstanceOf(ImageError);
    expect(error.message).toMatch(/Image 2 of 2 was not saved: .*written before it: .*pic-1\.png/);
    expect(error.written).toEqual([path.join(out, "pic-1.png")]);
  });
});

describe("one AbortSignal shared by many calls", () => {
  it("leaves no listener behind and raises no MaxListenersExceededWarning", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      const calls = Array.from({ length: 25 }, () =>
        client("slow", { maxRetries: 1 }).generate(request, { signal: controller.signal }),
      );
      expect(getEventListeners(controller.signal, "abort").length).toBeLessThanOrEqual(1);
      await Promise.all(calls);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((warning) => warning.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
