/**
 * The client's options and one call's, as `src/options.ts` checks them: a value of the wrong type
 * (a string from an environment variable, a config loader's `"false"`) is a `ConfigurationError`
 * naming the option, never a truthy flag or a mode that quietly means "warn".
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ConfigurationError,
  createImagesClient,
  createRawClient,
  type ImageGenerationRequest,
  type ImagesClientOptions,
  InternalServerError,
  imageBytes,
  RequestValidationError,
  type SudoImagesError,
  TimeoutError,
} from "../src/index.js";
import { verifyServer } from "../src/testing/index.js";
import { failure } from "./helpers/failure.js";
import { useFaultServer, VALID_BODY } from "./helpers/fault-server.js";
import { sendJson, startTestServer, type TestServer } from "./helpers/http-server.js";
import { asPage } from "./helpers/page-globals.js";
import { usePlayServer } from "./helpers/play-server.js";

const KEY = "sk-options-0123456789";
const request = { prompt: "a lighthouse", model: "gpt-image-2" };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((_seen, res) => sendJson(res, 200, VALID_BODY));
});
afterAll(() => server.close());

/** Options as a config loader might hand them over: any value, whatever the types say. */
const loose = (options: Record<string, unknown>) => options as ImagesClientOptions;

const MODES = '"strict" or "warn" or "off"';

describe("options of the wrong type are refused at creation, naming the option", () => {
  it.each([
    [{ allowInsecureHttp: "false" }, 'allowInsecureHttp must be true or false; got "false"'],
    [{ allowInsecureHttp: "0" }, 'allowInsecureHttp must be true or false; got "0"'],
    [{ allowInsecureHttp: "no" }, 'allowInsecureHttp must be true or false; got "no"'],
    [{ allowInsecureHttp: 1 }, "allowInsecureHttp must be true or false; got 1"],
    [{ dangerouslyAllowBrowser: "false" }, 'dangerouslyAllowBrowser must be true or false; got "false"'],
    [{ validateRequests: true }, `validateRequests must be ${MODES}; got true`],
    [{ validateRequests: false }, `validateRequests must be ${MODES}; got false`],
    [{ validateRequests: "STRICT" }, `validateRequests must be ${MODES}; got "STRICT"`],
    [{ validateResponses: false }, `validateResponses must be ${MODES}; got false`],
    [{ validateResponses: "Warn" }, `validateResponses must be ${MODES}; got "Warn"`],
    [{ fetch: "fetch" }, 'fetch must be a function; got "fetch"'],
    [{ logger: 1 }, "logger must be a function; got 1"],
    [{ onWarning: {} }, "onWarning must be a function; got an object"],
    [{ retry: 5 }, "retry must be an object; got 5"],
    [
      { headers: "x-trace: 1" },
      'headers must be a Headers, an array of [name, value] pairs or an object; got "x-trace: 1"',
    ],
    [
      { headers: [["x-trace"]] },
      "headers must be a Headers, an array of [name, value] pairs or an object; got an array",
    ],
    [{ headers: [["bad name", "1"]] }, 'headers holds "bad name", which is not a header name'],
    [{ baseUrl: 42 }, "baseUrl must be a string or a URL; got 42"],
    [{ maxRetries: "3" }, 'maxRetries must be a whole number of at least 0; got "3"'],
  ])("%j", (options, message) => {
    for (const create of [createImagesClient, createRawClient]) {
      expect(() => create({ apiKey: KEY, baseUrl: server.url, ...loose(options) })).toThrow(
        new ConfigurationError(message),
      );
    }
  });

  it('refuses dangerouslyAllowBrowser: "false" in a page too, rather than taking it for true', () =>
    asPage(() => {
      expect(() => createImagesClient(loose({ apiKey: KEY, dangerouslyAllowBrowser: "false" }))).toThrow(
        new ConfigurationError('dangerouslyAllowBrowser must be true or false; got "false"'),
      );
    }));

  it("sends nothing when allowInsecureHttp is a string: the key never goes over plain http to another host", async () => {
    // 0.0.0.0 reaches this machine's own listener on Linux, yet it is not a loopback name.
    const baseUrl = `http://0.0.0.0:${new URL(server.url).port}/insecure-string`;
    const before = server.requests.length;
    const attempt = async () =>
      createImagesClient(loose({ apiKey: KEY, baseUrl, allowInsecureHttp: "false", maxRetries: 0 })).generate(request);
    await expect(attempt()).rejects.toThrow(
      new ConfigurationError('allowInsecureHttp must be true or false; got "false"'),
    );
    expect(server.requests.length).toBe(before);
  });
});

describe("options of the wrong type are refused by every other door that takes them", () => {
  it("imageBytes: fetch, imageHosts and signal", async () => {
    const item = { url: `${server.url}/image.png` };
    await expect(imageBytes(item, loose({ fetch: "fetch" }))).rejects.toThrow(
      new ConfigurationError('fetch must be a function; got "fetch"'),
    );
    await expect(imageBytes(item, loose({ imageHosts: true }))).rejects.toThrow(
      new ConfigurationError('imageHosts must be "any" or "public"; got true'),
    );
    await expect(imageBytes(item, loose({ signal: "stop" }))).rejects.toThrow(
      new ConfigurationError('signal must be an AbortSignal; got "stop"'),
    );
  });

  it("verifyServer: allowInsecureHttp", async () => {
    const before = server.requests.length;
    const baseUrl = `http://0.0.0.0:${new URL(server.url).port}`;
    await expect(verifyServer(baseUrl, loose({ apiKey: KEY, allowInsecureHttp: "false" }))).rejects.toThrow(
      new ConfigurationError('allowInsecureHttp must be true or false; got "false"'),
    );
    expect(server.requests.length).toBe(before);
  });
});

it("refuses an apiKey that is not a string at the first call, without showing it", async () => {
  const client = createImagesClient(loose({ apiKey: 4242424242, baseUrl: server.url }));
  await expect(client.generate(request)).rejects.toThrow(
    new ConfigurationError(
      "The API key from the apiKey option must be a string, not a number (the key is not shown here)",
    ),
  );
});

describe("a call's options of the wrong type are refused at the call, before sending", () => {
  it.each([
    [{ onImages: "progress" }, 'onImages must be a function; got "progress"'],
    [{ signal: {} }, "signal must be an AbortSignal; got an object"],
    [
      { timeoutMs: "100" },
      'timeoutMs must be a whole number of milliseconds from 1 to 2147483647, or Infinity for none; got "100"',
    ],
  ])("%j", async (call, message) => {
    const before = server.requests.length;
    const client = createImagesClient({ apiKey: KEY, baseUrl: server.url });
    await expect(client.generate(request, call as never)).rejects.toThrow(new ConfigurationError(message));
    expect(server.requests.length).toBe(before);
  });
});

describe("an option set to null is left out, for a client and for a call alike", () => {
  /** Every option a client or a call takes, as null: what a config loader or JSON hands over. */
  const NULL_CLIENT = [
    "allowInsecureHttp",
    "dangerouslyAllowBrowser",
    "fetch",
    "headers",
    "logger",
    "maxConcurrency",
    "maxImagesPerCall",
    "maxResponseBytes",
    "maxRetries",
    "onWarning",
    "retry",
    "timeoutMs",
    "validateRequests",
    "validateResponses",
  ];
  const NULL_CALL = ["idempotencyKey", "maxImagesPerCall", "maxRetries", "onImages", "signal", "timeoutMs"];
  const nulls = (names: string[]) => Object.fromEntries(names.map((name) => [name, null]));

  it("takes each default, and the client's own for a call, instead of refusing null", async () => {
    const before = server.requests.length;
    const client = createImagesClient(loose({ apiKey: KEY, baseUrl: server.url, ...nulls(NULL_CLIENT) }));
    await expect(client.generate(request, nulls(NULL_CALL) as never)).resolves.toMatchObject({ data: [{}] });
    expect(() => createRawClient(loose({ apiKey: KEY, ...nulls(NULL_CLIENT) }))).not.toThrow();
    const seen = server.requests[before];
    expect(seen?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen?.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reads the environment's key for apiKey: null, as for apiKey left out", async () => {
    vi.stubEnv("SUDO_API_KEY", KEY);
    try {
      const before = server.requests.length;
      await createImagesClient(loose({ apiKey: null, baseUrl: server.url })).generate(request);
      expect(server.requests[before]?.headers.authorization).toBe(`Bearer ${KEY}`);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("the types an option may reasonably come in", () => {
  it.each([
    ["a Headers", new Headers({ "X-Trace": "t-1" })],
    ["an array of pairs", [["X-Trace", "t-1"]]],
    ["a Map", new Map([["x-trace", "t-1"]])],
    ["an object", { "X-Trace": "t-1" }],
  ])("sends headers given as %s", async (_as, headers) => {
    const before = server.requests.length;
    await createImagesClient(loose({ apiKey: KEY, baseUrl: server.url, headers })).generate(request);
    expect(server.requests[before]?.headers["x-trace"]).toBe("t-1");
  });

  it("lets the client's own content type win over a caller's in any case of its name", async () => {
    const before = server.requests.length;
    const headers = { "Content-Type": "text/plain" };
    await createImagesClient({ apiKey: KEY, baseUrl: server.url, headers }).generate(request);
    expect(server.requests[before]?.headers["content-type"]).toBe("application/json");
  });

  it("takes baseUrl as a URL", async () => {
    const before = server.requests.length;
    await createImagesClient({ apiKey: KEY, baseUrl: new URL(`${server.url}/api/`) }).generate(request);
    expect(server.requests[before]?.url).toBe("/api/v1/images/generations");
  });

  it("takes true and false for every flag, and each validation mode", () => {
    for (const flag of [true, false]) {
      const options = { apiKey: KEY, baseUrl: server.url, allowInsecureHttp: flag, dangerouslyAllowBrowser: flag };
      expect(() => createImagesClient(options)).not.toThrow();
    }
    for (const mode of ["strict", "warn", "off"] as const) {
      expect(() => createImagesClient({ apiKey: KEY, validateRequests: mode, validateResponses: mode })).not.toThrow();
    }
  });
});

describe("with a server that plays each test's part", () => {
  const { KEY, request, server, client, seenSince } = usePlayServer();

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
      [
        { baseUrl: "http://127.0.0.1:1/api?x=1" },
        "baseUrl must not have a query or fragment (paths are appended to it)",
      ],
      [
        { baseUrl: "http://127.0.0.1:1/api#top" },
        "baseUrl must not have a query or fragment (paths are appended to it)",
      ],
      [{ baseUrl: "ftp://127.0.0.1/api" }, "baseUrl must be an http or https URL; got ftp:"],
      [{ baseUrl: "not a url" }, 'baseUrl is not an absolute URL: "not a url"'],
      // URL parsing drops a tab or line break without a word: the request would go to /api/x/v1/….
      [
        { baseUrl: "http://127.0.0.1:1/api/\r\nx" },
        "baseUrl holds a tab, a line break or white space at an end; check how it was pasted",
      ],
      [
        { baseUrl: "http://127.0.0.1:1/a\tpi" },
        "baseUrl holds a tab, a line break or white space at an end; check how it was pasted",
      ],
      [
        { baseUrl: " http://127.0.0.1:1/api" },
        "baseUrl holds a tab, a line break or white space at an end; check how it was pasted",
      ],
      [
        { baseUrl: "https://user@api.test" },
        "baseUrl must not hold a user name or password; send credentials as headers",
      ],
      [
        { baseUrl: "https://:pw@api.test" },
        "baseUrl must not hold a user name or password; send credentials as headers",
      ],
    ] as const)("refuses %j at creation: %s", (options, message) => {
      expect(() => createImagesClient({ apiKey: KEY, ...options })).toThrow(ConfigurationError);
      expect(() => createImagesClient({ apiKey: KEY, ...options })).toThrow(message);
    });

    it("names SUDO_BASE_URL when the bad URL came from there", () => {
      vi.stubEnv("SUDO_BASE_URL", "ftp://127.0.0.1/api");
      try {
        expect(() => createImagesClient({ apiKey: KEY })).toThrow(
          "SUDO_BASE_URL must be an http or https URL; got ftp:",
        );
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
});

describe("with a fault server", () => {
  const { server, client } = useFaultServer("sk-call-options");

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
});
