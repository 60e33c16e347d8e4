import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validate } from "../../src/generated/index.js";
import {
  AuthenticationError,
  BadRequestError,
  createImagesClient,
  detectImageType,
  type ImageGenerationRequest,
  NotFoundError,
  RateLimitError,
  RequestValidationError,
} from "../../src/index.js";
import {
  assertMatchesSpec,
  type MockCall,
  type MockReply,
  type MockServer,
  plannedRequests,
  startMockServer,
  validateAgainstSpec,
} from "../../src/testing/index.js";
import { drawingTimeout } from "../helpers/drawing-timeout.js";
import { pngSize } from "../helpers/png.js";

const KEY = "sk-mock-key";
const base = { prompt: "a lighthouse at dusk", model: "gpt-image-2" } as const;
/** A model the spec has no rule for: its images come as URLs unless asked otherwise. */
const urlBase = { prompt: "a lighthouse at dusk", model: "flux-1.1-pro" } as const;

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ apiKey: KEY, seed: 7 });
});
afterAll(() => mock.close());

const client = () => createImagesClient({ apiKey: KEY, baseUrl: mock.url });

async function post(body: unknown, key: string | null = KEY, to: MockServer = mock) {
  const response = await fetch(`${to.url}/v1/images/generations`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { error: { message: string; param?: string; code?: string | null } },
  };
}

describe("startMockServer", () => {
  it("answers with URLs to real PNGs of the requested size, served by itself", async () => {
    const result = await client().generate({ ...urlBase, size: "512x512", n: 2 });
    expect(result.data).toHaveLength(2);
    for (const image of result.data) {
      expect(image.url).toMatch(new RegExp(`^${mock.url}/images/`));
      const response = await fetch(image.url as string);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 512, height: 512 });
    }
    expect(result.usage?.total_tokens).toBeGreaterThan(0);
    expect(result.data[0]?.revised_prompt).toContain(base.prompt);
  });

  it.each([
    ["256x256", 256, 256, { model: "flux-1.1-pro", response_format: "b64_json" }],
    // The gpt-image models take no response_format and always answer in base64, as the real API does.
    ["1536x864", 1536, 864, { model: "gpt-image-2" }],
    ["auto", 1024, 1024, { model: "gpt-image-2" }],
  ] as const)("returns b64_json PNGs that decode at %s", async (size, width, height, more) => {
    const result = await client().generate({ ...base, ...more, size });
    const bytes = Buffer.from(result.data[0]?.b64_json as string, "base64");
    expect(pngSize(bytes)).toEqual({ width, height });
    expect(result.size).toBe(`${width}x${height}`);
  });

  it("draws the same bytes for the same prompt and seed, other bytes for another seed or prompt", async () => {
    const request = { ...base, size: "256x256" } as const;
    const first = await client().generate(request);
    const again = await client().generate(request);
    expect(again.data[0]?.b64_json).toBe(first.data[0]?.b64_json);
    const otherPrompt = await client().generate({ ...request, prompt: "a red fox" });
    expect(otherPrompt.data[0]?.b64_json).not.toBe(first.data[0]?.b64_json);
    const otherSeed = await startMockServer({ seed: 8 });
    try {
      const reseeded = await createImagesClient({ apiKey: KEY, baseUrl: otherSeed.url }).generate(request);
      expect(reseeded.data[0]?.b64_json).not.toBe(first.data[0]?.b64_json);
    } finally {
      await otherSeed.close();
    }
  });

  it.each([1, 2])(
    "draws a different image in each sub-call of a fan-out (%i per call), the same again for the same call",
    async (perCall) => {
      const request = { ...base, size: "256x256", n: 4 } as const;
      const fanned = () =>
        client().generate(request, { maxImagesPerCall: perCall, idempotencyKey: `fan-out-${perCall}` });
      const images = (await fanned()).data.map((item) => item.b64_json);
      expect(images).toHaveLength(4);
      expect(new Set(images).size).toBe(4);
      expect((await fanned()).data.map((item) => item.b64_json)).toEqual(images);
    },
  );

  it("marks every picture as a mock, with its size and seed, in a black band across the top", async () => {
    const { data } = await client().generate({ ...base, size: "256x256" });
    const png = PNG.sync.read(Buffer.from(data[0]?.b64_json ?? "", "base64"));
    const pixel = (x: number, y: number) => [
      ...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3),
    ];
    expect(pixel(0, 0)).toEqual([0, 0, 0]);
    const band = Array.from({ length: 9 }, (_, y) => Array.from({ length: 256 }, (_, x) => pixel(x, y).join())).flat();
    expect(band.filter((rgb) => rgb === "255,255,255").length).toBeGreaterThan(100);
    expect(new Set(band)).toEqual(new Set(["0,0,0", "255,255,255"]));
    const other = await createImagesClient({ apiKey: KEY, baseUrl: mock.url }).generate({
      ...base,
      size: "512x512",
    });
    expect(other.data[0]?.b64_json?.slice(0, 200)).not.toBe(data[0]?.b64_json?.slice(0, 200));
  });

  it("draws JPEG for output_format jpeg, and PNG (saying so) for a format it cannot draw", async () => {
    const jpeg = await client().generate({
      ...base,
      size: "256x256",
      output_format: "jpeg",
    });
    expect(detectImageType(Buffer.from(jpeg.data[0]?.b64_json ?? "", "base64")).extension).toBe("jpg");
    expect(jpeg.output_format).toBe("jpeg");
    const response = await fetch(`${mock.url}/v1/images/generations`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ ...base, size: "256x256", output_format: "webp" }),
    });
    expect(response.headers.get("x-mock-output-format")).toBe("png");
    expect(response.headers.get("x-request-id")).toMatch(/^req_mock_\d+$/);
    expect(((await response.json()) as { output_format: string }).output_format).toBe("png");
  });

  it("plays the nulls, minimal and error scenarios", async () => {
    const scenarios = await startMockServer({ scenario: "nulls" });
    const scenarioClient = createImagesClient({ apiKey: KEY, baseUrl: scenarios.url, maxRetries: 0 });
    try {
      const nulls = await scenarioClient.generate(base);
      expect(Object.keys(nulls)).toEqual(["data"]);
      expect(Object.keys(nulls.data[0] ?? {})).toEqual(["b64_json"]);
      scenarios.setScenario("minimal");
      const minimal = await scenarioClient.generate(base);
      expect(Object.keys(minimal)).toEqual(["data"]);
      scenarios.setScenario({ status: 429, message: "Quota exceeded", type: "rate_limit_error" });
      const error = await scenarioClient.generate(base).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).message).toContain("Quota exceeded");
    } finally {
      await scenarios.close();
    }
  });

  it("holds an answer for delayMs, and a cancelled call stops waiting", async () => {
    const slow = await startMockServer({ delayMs: 60_000 });
    try {
      const controller = new AbortController();
      const call = createImagesClient({ apiKey: KEY, baseUrl: slow.url }).generate(base, { signal: controller.signal });
      await expect.poll(() => slow.requests.length).toBe(1);
      controller.abort();
      await expect(call).rejects.toMatchObject({ name: "AbortError" });
    } finally {
      await slow.close();
    }
  });

  it("records what it received", async () => {
    const before = mock.requests.length;
    await client().generate({ ...base, quality: "high" });
    expect(mock.requests[before]).toMatchObject({
      method: "POST",
      path: "/v1/images/generations",
      body: { ...base, quality: "high" },
    });
  });

  it("keeps no credential header in its log, whatever the header is called or how the key is sent", async () => {
    const before = mock.requests.length;
    const headers = {
      "content-type": "application/json",
      authorization: "sk-bare-key-without-scheme",
      "x-api-key": "sk-x-api-key",
      "proxy-authorization": "Basic cHJveHk6c2VjcmV0",
      cookie: "session=s3cret",
    };
    await fetch(`${mock.url}/v1/images/generations`, { method: "POST", headers, body: JSON.stringify(base) });
    const logged = mock.requests[before]?.headers ?? {};
    expect(logged).toMatchObject({
      authorization: "[redacted]",
      "x-api-key": "[redacted]",
      "proxy-authorization": "Basic [redacted]",
      cookie: "[redacted]",
    });
    expect(JSON.stringify(mock.requests)).not.toMatch(/sk-bare|sk-x-api|cHJveHk|s3cret/);
  });

  it("answers 401 without the bearer token, or with another key, with OpenAI's invalid_api_key code", async () => {
    const missing = await post(base, null);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe("invalid_api_key");
    const wrong = await createImagesClient({ apiKey: "sk-wrong", baseUrl: mock.url })
      .generate(base)
      .catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(AuthenticationError);
    expect((wrong as AuthenticationError).status).toBe(401);
  });

  const invalid: [string, unknown, string][] = [
    ["n: 0", { ...base, n: 0 }, "/n: must be >= 1"],
    ["n: 11", { ...base, n: 11 }, "/n: must be <= 10"],
    ["output_compression: 101", { ...base, output_compression: 101 }, "/output_compression: must be <= 100"],
    [
      "size: 999x999",
      { ...base, size: "999x999" },
      "/size: gpt-image-2 takes size auto or WxH, each side a multiple of 16 up to 3840",
    ],
    ["size: large", { ...urlBase, size: "large" }, "/size: must match pattern"],
    ["an empty prompt", { ...base, prompt: "" }, "/prompt: must NOT have fewer than 1 characters"],
    ["a missing model", { prompt: base.prompt }, "/model: required property"],
  ];

  it.each(invalid)("answers 400 naming the violation for %s", async (_name, body, expected) => {
    const { status, body: answer } = await post(body);
    expect(status).toBe(400);
    expect(answer.error.message).toContain(expected);
    // Every error in the API's shape: all four keys, `code` null where the API sends none.
    expect(answer.error).toMatchObject({ type: "invalid_request_error", code: null });
    expect(Object.keys(answer.error).sort()).toEqual(["code", "message", "param", "type"]);
    assertMatchesSpec("generateImage", 400, answer);
  });

  it.each(invalid)("the client refuses %s before sending it", async (_name, body, expected) => {
    const before = mock.requests.length;
    const error = await client()
      .generate(body as ImageGenerationRequest)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toContain(expected);
    expect(mock.requests.length).toBe(before);
  });
});

describe("the spec's model rules, at the client and at the mock", () => {
  // One request per way to break each rule (dall-e-2, dall-e-3, gpt-image-*, output_compression,
  // a transparent background), as verify plans them from the spec.
  const breaks = plannedRequests({ budget: 1000, include: ["invalid"] }).filter((request) =>
    request.name.includes(" rule: "),
  );

  it("plans a break of every rule in the spec", () => {
    const rules = new Set(breaks.map((request) => request.name.split(" rule: ")[0]));
    // A shut-down model's rules are not planned: the API answers its requests 404, whatever they hold.
    expect([...rules].sort()).toEqual([
      "background: transparent",
      "gpt-image-* and chatgpt-image-*",
      "gpt-image-2",
      "gpt-image-2 quality",
      "gpt-image-2.5 and gpt-image-2.6",
      "output_compression",
    ]);
    expect(breaks.length).toBeGreaterThanOrEqual(8);
  });

  it("refuses each one at the client, naming the rule, with nothing sent", async () => {
    const before = mock.requests.length;
    for (const { name, body } of breaks) {
      // One call whatever n says: without the option, the client fans dall-e-3's n: 2 out instead.
      const error = await client()
        .generate(body as ImageGenerationRequest, { maxImagesPerCall: 10 })
        .catch((caught: unknown) => caught);
      expect(error, name).toBeInstanceOf(RequestValidationError);
      expect((error as Error).message, name).toContain(`${name.split(" rule: ")[0]} takes `);
    }
    expect(mock.requests.length).toBe(before);
  });

  it("answers each one with a 400 that names the rule and the field", async () => {
    for (const { name, body } of breaks) {
      const { status, body: answer } = await post(body);
      expect(status, name).toBe(400);
      expect(answer.error.message, name).toContain(`${name.split(" rule: ")[0]} takes `);
    }
    const { body: answer } = await post({ ...base, quality: "xhigh" });
    expect(answer.error).toMatchObject({
      message: 'Invalid request: /quality: gpt-image-2 quality takes quality: low, medium, high or auto, got "xhigh"',
      param: "quality",
    });
  });

  it.each(["dall-e-3", "dall-e-2", "gpt-image-1", "chatgpt-image-latest"])(
    "answers %s, which the spec marks shut down, with the API's 404, and the client's error says when and what instead",
    async (model) => {
      const { status, body: answer } = await post({ ...base, model });
      expect(status).toBe(404);
      expect(answer.error).toMatchObject({
        message: `The model \`${model}\` does not exist or you do not have access to it.`,
        type: "invalid_request_error",
        param: "model",
        code: "model_not_found",
      });
      assertMatchesSpec("generateImage", 404, answer);
      const warnings: string[] = [];
      const error = await createImagesClient({
        apiKey: KEY,
        baseUrl: mock.url,
        onWarning: (w) => warnings.push(w.message),
      })
        .generate({ ...base, model })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as Error).message).toMatch(
        new RegExp(`; ${model} was shut down on 2026-\\d\\d-\\d\\d; use gpt-image-2 instead$`),
      );
      expect(warnings).toHaveLength(1);
    },
  );
});

describe("validateAgainstSpec and assertMatchesSpec", () => {
  it("accept what the spec allows and list what it does not, with pointers", () => {
    expect(validateAgainstSpec("generateImage", 200, { data: [{ url: "u", b64_json: null }] })).toEqual([]);
    expect(validateAgainstSpec("generateImage", 200, { data: [{ url: 1 }], created: "x" })).toEqual([
      { pointer: "/created", expected: "must be integer,null", received: '"x"' },
      { pointer: "/data/0/url", expected: "must be string,null", received: "1" },
    ]);
    expect(() => assertMatchesSpec("generateImage", 500, { error: { message: "m" } })).toThrow(
      "generateImage 500 body does not match the spec: /error/type: required property, got nothing",
    );
  });

  it("report a null where the spec does not allow one, and let unknown fields through", () => {
    const usage = {
      input_tokens: null,
      output_tokens: 1,
      total_tokens: 1,
      input_tokens_details: { image_tokens: 0, text_tokens: 0 },
    };
    expect(validateAgainstSpec("generateImage", 200, { data: null, usage, seed: 4 })).toEqual([
      { pointer: "/usage/input_tokens", expected: "must be integer", received: "null" },
      { pointer: "/data", expected: "must be array", received: "null" },
    ]);
    expect(validateAgainstSpec("generateImage", 200, { data: [{ url: "u", seed: 4 }], provider: "x" })).toEqual([]);
  });

  it("report a status the spec does not document", () => {
    expect(validateAgainstSpec("generateImage", 418, {})).toEqual([
      {
        pointer: "",
        expected: expect.stringContaining("a status the spec documents for generateImage (200, 400"),
        received: "418",
      },
    ]);
  });

  it.each(["constructor", "toString", "__proto__"])("never throw, even for an operation or schema named %s", (name) => {
    expect(validateAgainstSpec(name as never, 200, {})).toEqual([
      { pointer: "", expected: "an operation of the spec (generateImage)", received: name },
    ]);
    expect(validate(name as never, {})).toEqual([
      { pointer: "", expected: "a body schema of the spec", received: JSON.stringify(name) },
    ]);
  });

  it("show a huge string as its start and length", () => {
    const [violation] = validateAgainstSpec("generateImage", 200, { data: "A".repeat(4_000_000) });
    expect(violation?.received).toBe(`"${"A".repeat(32)}"… (4000000 characters)`);
  });
});

describe("the mock server under abuse", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer();
  });
  afterAll(() => mock.close());

  it("refuses a 50 MB body with a 413 at once, and answers the next request", async () => {
    const huge = JSON.stringify({ ...base, prompt: "x".repeat(50 * 1024 * 1024) });
    const response = await fetch(`${mock.url}/v1/images/generations`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json" },
      body: huge,
    }).catch((error: Error) => error);
    if (response instanceof Response) expect(response.status).toBe(413);
    const next = await createImagesClient({ apiKey: "k", baseUrl: mock.url }).generate({ ...base, size: "256x256" });
    expect(next.data).toHaveLength(1);
  });

  it(
    "answers a small request while it draws ten 1536x1024 images",
    async () => {
      const order: string[] = [];
      const client = createImagesClient({ apiKey: "k", baseUrl: mock.url });
      const big = client
        .generate({ ...base, prompt: "ten big ones", n: 10, size: "1536x1024" })
        .then(() => order.push("big"));
      const small = client.generate({ ...base, prompt: "one small", size: "256x256" }).then(() => order.push("small"));
      await Promise.all([big, small]);
      expect(order).toEqual(["small", "big"]);
    },
    drawingTimeout(11),
  );
});

describe("the mock server's bounds", () => {
  it("refuses a size beyond what it draws with a 400 that says so, instead of allocating it", async () => {
    const mock = await startMockServer();
    try {
      const client = createImagesClient({ apiKey: "k", baseUrl: mock.url });
      // An unknown model takes any WxH by the field's rule; the mock's own bound is what stops it.
      const error = await client
        .generate({ prompt: "p", model: "another/model", size: "30000x30000" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).message).toContain(
        "The mock draws images up to 4096 pixels a side, not 30000x30000",
      );
      const { data } = await client.generate({ prompt: "p", model: "another/model", size: "4096x16" });
      expect(data).toHaveLength(1);
    } finally {
      await mock.close();
    }
  });

  it("cuts off a request whose body trickles in past requestTimeoutMs", async () => {
    const mock = await startMockServer({ requestTimeoutMs: 300 });
    try {
      const { request } = await import("node:http");
      const { port } = new URL(mock.url);
      const status = await new Promise<number | string>((resolve) => {
        const req = request({ host: "127.0.0.1", port, method: "POST", path: "/v1/images/generations" }, (res) =>
          resolve(res.statusCode ?? 0),
        );
        req.on("error", (error) => resolve((error as NodeJS.ErrnoException).code ?? "error"));
        req.setHeader("content-type", "application/json");
        req.setHeader("content-length", "1000");
        req.write("{"); // and nothing more: a client trickling its body, or gone
      });
      expect([408, "ECONNRESET"]).toContain(status);
    } finally {
      await mock.close();
    }
  });

  it("keeps only its latest 500 requests in requests, and no body over 64 KiB", async () => {
    const mock = await startMockServer({ apiKey: "k" });
    try {
      // Keyless, so each is refused: the log is bounded before the key check too.
      for (let index = 0; index < 505; index++)
        expect((await post({ ...base, prompt: `#${index}` }, null, mock)).status).toBe(401);
      expect(mock.requests).toHaveLength(500);
      expect(mock.requests[0]?.body).toMatchObject({ prompt: "#5" });
      expect(mock.requests.at(-1)).toMatchObject({ body: { prompt: "#504" }, bytes: expect.any(Number) });
      const huge = { ...base, prompt: "x".repeat(900_000) };
      expect((await post(huge, null, mock)).status).toBe(401);
      expect((await post({ ...base, prompt: "x".repeat(64 * 1024) }, null, mock)).status).toBe(401);
      const [hugeSeen, justOver] = mock.requests.slice(-2);
      expect(hugeSeen).toMatchObject({ method: "POST", body: undefined, bytes: JSON.stringify(huge).length });
      expect(justOver?.body).toBeUndefined();
      expect(mock.requests).toHaveLength(500);
    } finally {
      await mock.close();
    }
  }, 60_000);

  it("tells a plugin when the client went away before its answer, and not when it was answered", async () => {
    let entered!: () => void;
    const inPlugin = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const signals: AbortSignal[] = [];
    const generateImage = (call: MockCall) => {
      signals.push(call.signal);
      if (call.body && (call.body as { prompt?: string }).prompt === "quick") return { status: 200, body: {} };
      entered();
      // Answers only once the client has gone: what a drawing that stops on the signal does.
      return new Promise<MockReply>((resolve) =>
        call.signal.addEventListener("abort", () => resolve({ status: 500, body: {} }), { once: true }),
      );
    };
    const mock = await startMockServer({ plugins: { generateImage } });
    try {
      expect((await post({ ...base, prompt: "quick" }, "k", mock)).status).toBe(200);
      const controller = new AbortController();
      const call = fetch(`${mock.url}/v1/images/generations`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer k" },
        body: JSON.stringify(base),
        signal: controller.signal,
      }).catch((error: unknown) => error);
      await inPlugin;
      expect(signals[1]?.aborted).toBe(false);
      controller.abort();
      expect(await call).toMatchObject({ name: "AbortError" });
      await expect.poll(() => signals[1]?.aborted).toBe(true);
      expect(signals[0]?.aborted).toBe(false);
    } finally {
      await mock.close();
    }
  });

  it("tells a plugin at once when the mock closes, before the sockets' close events come", async () => {
    let inPlugin!: (signal: AbortSignal) => void;
    const entered = new Promise<AbortSignal>((resolve) => {
      inPlugin = resolve;
    });
    const generateImage = (call: MockCall) => {
      inPlugin(call.signal);
      return new Promise<MockReply>((resolve) =>
        call.signal.addEventListener("abort", () => resolve({ status: 500, body: {} }), { once: true }),
      );
    };
    const mock = await startMockServer({ plugins: { generateImage } });
    const call = post(base, "k", mock).catch((error: unknown) => error);
    const signal = await entered;
    const closed = mock.close();
    // A drawing loop that checks the signal on its next turn already sees it.
    expect(signal.aborted).toBe(true);
    await closed;
    expect(await call).toBeInstanceOf(TypeError); // fetch failed: the connection was closed
  });

  it("keeps only its latest 256 url-mode images downloadable", async () => {
    const mock = await startMockServer({ apiKey: "k" });
    try {
      const client = createImagesClient({ apiKey: "k", baseUrl: mock.url });
      const urls: string[] = [];
      for (let round = 0; round < 26; round++) {
        const { data } = await client.generate({ ...urlBase, prompt: `picture ${round}`, size: "256x256", n: 10 });
        urls.push(...data.map((item) => item.url as string));
      }
      expect(urls).toHaveLength(260);
      expect((await fetch(urls[0] as string)).status).toBe(404);
      expect((await fetch(urls[3] as string)).status).toBe(404);
      expect((await fetch(urls[4] as string)).status).toBe(200);
      expect((await fetch(urls[259] as string)).status).toBe(200);
    } finally {
      await mock.close();
    }
  }, 60_000);
});
