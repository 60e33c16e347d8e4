import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConnectionError,
  createImagesClient,
  type ImageGenerationRequest,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  type SudoImagesError,
  UnprocessableEntityError,
} from "../src/index.js";
import { startFaultServer, useFaultServer } from "./helpers/fault-server.js";
import { closedPort, type SeenRequest, sendJson, startTestServer, type TestServer } from "./helpers/http-server.js";
import { usePlayServer } from "./helpers/play-server.js";

const KEY = "sk-test-client-key";
const request = { prompt: "a lighthouse at dusk", model: "gpt-image-2" };

/** Each test names the answer it wants with the `x-scenario` header. */
const scenarios: Record<string, (seen: SeenRequest) => [number, unknown, Record<string, string>?]> = {
  nulls: () => [
    200,
    {
      created: 1_700_000_000,
      background: null,
      output_format: null,
      quality: null,
      size: null,
      usage: null,
      data: [{ url: "https://img.example/1.png", b64_json: null, revised_prompt: null }],
    },
  ],
  echo: (seen) => [200, { data: [{ revised_prompt: seen.body }] }],
  400: () => [
    400,
    { error: { message: "prompt is too long", type: "invalid_request_error", param: "prompt", code: null } },
  ],
  401: () => [
    401,
    { error: { message: "Invalid API key", type: "authentication_error" } },
    { "x-request-id": "req_401" },
  ],
  429: () => [429, { error: { message: "Slow down", type: "rate_limit_error", code: "rate_limited" } }],
  500: () => [500, { error: { message: "Upstream exploded", type: "server_error" } }, { "x-request-id": "req_500" }],
  violation: () => [200, { created: -1, data: [{ url: 42 }] }],
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((seen, res) => {
    if (seen.headers["x-scenario"] === "html") {
      res.writeHead(200, { "content-type": "text/html" }).end("<html><body>502 Bad Gateway</body></html>");
      return;
    }
    const scenario = scenarios[String(seen.headers["x-scenario"])];
    if (!scenario) return sendJson(res, 418, { error: { message: "no scenario", type: "test" } });
    const [status, body, headers] = scenario(seen);
    sendJson(res, status, body, headers);
  });
});
afterAll(() => server.close());

function clientFor(scenario: string, options: Parameters<typeof createImagesClient>[0] = {}) {
  // No retries: these tests are about how one answer maps to a result or an error.
  return createImagesClient({
    apiKey: KEY,
    baseUrl: server.url,
    headers: { "x-scenario": scenario },
    maxRetries: 0,
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<SudoImagesError> {
  return promise.then(
    () => expect.fail("expected the call to fail"),
    (error: SudoImagesError) => error,
  );
}

describe("generate against a node:http server", () => {
  it("returns a 200 with nulls normalized to absent fields", async () => {
    const result = await clientFor("nulls").generate(request);
    expect(result).toEqual({ created: 1_700_000_000, data: [{ url: "https://img.example/1.png" }] });
    expect("usage" in result).toBe(false);
  });

  it("sends the bearer key, JSON, and the request without its null fields", async () => {
    const before = server.requests.length;
    await clientFor("echo").generate({ ...request, n: null, size: "1024x1024", style: undefined });
    const seen = server.requests[before] as SeenRequest;
    expect(seen.method).toBe("POST");
    expect(seen.url).toBe("/v1/images/generations");
    expect(seen.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(seen.body)).toEqual({ ...request, size: "1024x1024" });
  });

  it.each([
    ["400", BadRequestError, 400, "prompt is too long"],
    ["401", AuthenticationError, 401, "Invalid API key"],
    ["429", RateLimitError, 429, "Slow down"],
    ["500", InternalServerError, 500, "Upstream exploded"],
  ] as const)("turns a %s into %s with the server's message", async (scenario, ErrorClass, status, message) => {
    const error = await failure(clientFor(scenario).generate(request));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(status);
    expect(apiError.message).toContain(`failed with status ${status}: ${message}`);
    expect(apiError.message).toContain(`POST ${server.url}/v1/images/generations`);
    expect(apiError.message).not.toContain("\n");
  });

  it("keeps the parsed ErrorResponse, its type, code and param, and the request id", async () => {
    const error = (await failure(clientFor("400").generate(request))) as ApiError;
    expect(error.body).toEqual(scenarios[400]?.({} as SeenRequest)[1]);
    expect([error.type, error.param, error.code]).toEqual(["invalid_request_error", "prompt", undefined]);
    const withId = (await failure(clientFor("500").generate(request))) as ApiError;
    expect(withId.requestId).toBe("req_500");
    expect(withId.message).toContain("(request id req_500)");
  });

  it("turns a closed port into a ConnectionError carrying the network error", async () => {
    const port = await closedPort();
    const client = createImagesClient({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
    const error = await failure(client.generate(request));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("fails at the first call, not at creation, when no key is set, and sends nothing", async () => {
    const saved = process.env.SUDO_API_KEY;
    delete process.env.SUDO_API_KEY;
    try {
      const before = server.requests.length;
      const client = createImagesClient({ baseUrl: server.url });
      const error = await failure(client.generate(request));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toContain("SUDO_API_KEY");
      expect(server.requests.length).toBe(before);
    } finally {
      if (saved !== undefined) process.env.SUDO_API_KEY = saved;
    }
  });

  it("reads the key and base URL from SUDO_API_KEY and SUDO_BASE_URL", async () => {
    const saved = { key: process.env.SUDO_API_KEY, url: process.env.SUDO_BASE_URL };
    process.env.SUDO_API_KEY = "sk-from-env";
    process.env.SUDO_BASE_URL = server.url;
    try {
      const before = server.requests.length;
      await createImagesClient({ headers: { "x-scenario": "nulls" } }).generate(request);
      expect(server.requests[before]?.headers.authorization).toBe("Bearer sk-from-env");
    } finally {
      for (const [name, value] of [
        ["SUDO_API_KEY", saved.key],
        ["SUDO_BASE_URL", saved.url],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it("rejects a request that breaks the spec before sending it", async () => {
    const before = server.requests.length;
    const error = await failure(clientFor("nulls").generate({ ...request, n: 11 }));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.message).toContain("/n: must be <= 10, got 11");
    expect(server.requests.length).toBe(before);
  });

  it("rejects a 2xx that breaks the spec, naming each place", async () => {
    const error = await failure(clientFor("violation").generate(request));
    expect(error).toBeInstanceOf(ResponseValidationError);
    const { violations } = error as ResponseValidationError;
    expect(violations).toContainEqual({ pointer: "/created", expected: "must be >= 0", received: "-1" });
    expect(violations).toContainEqual({ pointer: "/data/0/url", expected: "must be string,null", received: "42" });
  });

  it("in warn mode reports the violation and still returns the body", async () => {
    const warnings: SudoImagesError[] = [];
    const client = clientFor("violation", { validateResponses: "warn", onWarning: (error) => warnings.push(error) });
    const result = await client.generate(request);
    expect(result.created).toBe(-1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBeInstanceOf(ResponseValidationError);
  });

  it("turns a 2xx HTML page into an InvalidResponseError that shows what arrived", async () => {
    const error = await failure(clientFor("html").generate(request));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain("an HTML page, not the API's JSON: check that baseUrl is the API root");
    expect(error.message).toContain("502 Bad Gateway");
  });
});

describe("with a server that plays each test's part", () => {
  const { KEY, request, server, client, seenSince } = usePlayServer();
  const { server: faults } = useFaultServer(KEY);

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
      const result = await client("null-item", {
        validateResponses: "warn",
        onWarning: (e) => warned.push(e),
      }).generate(request);
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
});

describe("with a fault server", () => {
  const { client } = useFaultServer("sk-call-options");
  afterEach(() => vi.restoreAllMocks());

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
});
