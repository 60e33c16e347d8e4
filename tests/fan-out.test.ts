import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callSizes, merged, ruledImagesPerCall } from "../src/fan-out.js";
import { validate_ImageGenerationRequest } from "../src/generated/metadata.js";
import {
  AuthenticationError,
  BadRequestError,
  CallbackError,
  createImagesClient,
  PartialGenerationError,
  RequestValidationError,
  type SudoImagesError,
} from "../src/index.js";
import type { GenerationResponse } from "../src/models.js";
import type { Validator } from "../src/runtime/types.js";
import { sendJson, startTestServer, type TestServer } from "./helpers/http-server.js";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

/** A client of the gating server with `maxConcurrency` and a gate as wide, the in-flight count reset. */
function slowClient(maxConcurrency: number) {
  mostInFlight = 0;
  const headers = { "x-gate": String(maxConcurrency) };
  return createImagesClient({ apiKey: "k", baseUrl: server.url, maxConcurrency, headers, fetch: countingFetch });
}

/**
 * The real fetch, counting how many of its requests are in flight at once (called, not yet
 * answered). Calls reach fetch within microtasks, long before the server can answer one, so a
 * client that let more than its limit through would call fetch for all of them at once.
 */
let inFlight = 0;
let mostInFlight = 0;
async function countingFetch(input: string | Request, init?: RequestInit): Promise<Response> {
  mostInFlight = Math.max(mostInFlight, ++inFlight);
  try {
    return await fetch(input, init);
  } finally {
    inFlight--;
  }
}

/**
 * A server that answers each sub-call as its headers ask. With `x-gate: N` it holds each request
 * until N are held, then answers them together: a client that keeps N in flight fills every gate,
 * on a fast machine or a busy one.
 */
let server: TestServer;
const held: (() => void)[] = [];
beforeAll(async () => {
  server = await startTestServer(async (seen, res) => {
    const gate = Number(seen.headers["x-gate"] ?? 1);
    await new Promise<void>((resolve) => {
      held.push(resolve);
      if (held.length >= gate) for (const release of held.splice(0)) release();
    });
    const { n = 1 } = JSON.parse(seen.body) as { n?: number };
    const key = String(seen.headers["idempotency-key"]);
    if (key.endsWith(String(seen.headers["x-fail"] ?? "none"))) {
      const status = Number(seen.headers["x-fail-status"] ?? 400);
      return sendJson(res, status, { error: { message: "this one failed", type: "invalid_request_error" } });
    }
    // A sub-call that never answers: it ends when the client gives up on it (the response closes).
    if (key.endsWith(String(seen.headers["x-hold"] ?? "none"))) return;
    const usage = {
      input_tokens: 2,
      output_tokens: 10,
      total_tokens: 12,
      input_tokens_details: { image_tokens: 0, text_tokens: 2 },
    };
    const data = Array.from({ length: n }, () => ({ b64_json: PNG, revised_prompt: seen.headers["idempotency-key"] }));
    sendJson(res, 200, { created: 1, data, usage }, { "x-request-id": `req_${seen.headers["idempotency-key"]}` });
  });
});
afterAll(() => server.close());

describe("callSizes", () => {
  it.each([
    [4, 1, [1, 1, 1, 1]],
    [5, 2, [2, 2, 1]],
    [3, 10, [3]],
  ])("splits n %i at %i per call into %j", (n, perCall, sizes) => {
    expect(callSizes(n, perCall)).toEqual(sizes);
  });
});

describe("more images than one call may give", () => {
  it("fans out into parallel sub-calls, each with its own key, within maxConcurrency, as one result", async () => {
    mostInFlight = 0;
    const before = server.requests.length;
    const client = createImagesClient({
      apiKey: "k",
      baseUrl: server.url,
      maxConcurrency: 2,
      maxImagesPerCall: 1,
      headers: { "x-gate": "2" },
      fetch: countingFetch,
    });
    const { data, requestId, attempts } = await client.generateWithResponse(
      { prompt: "four herons", model: "dall-e-3", n: 4 },
      { idempotencyKey: "call-7" },
    );
    const sent = server.requests.slice(before);
    expect(sent.map((seen) => seen.headers["idempotency-key"]).sort()).toEqual([
      "call-7-1",
      "call-7-2",
      "call-7-3",
      "call-7-4",
    ]);
    expect(sent.every((seen) => (JSON.parse(seen.body) as { n: number }).n === 1)).toBe(true);
    expect(mostInFlight).toBe(2);
    expect(data.data.map((image) => image.revised_prompt)).toEqual(["call-7-1", "call-7-2", "call-7-3", "call-7-4"]);
    expect(data.usage).toEqual({
      input_tokens: 8,
      output_tokens: 40,
      total_tokens: 48,
      input_tokens_details: { image_tokens: 0, text_tokens: 8 },
    });
    expect(requestId).toBe("req_call-7-1");
    expect(attempts).toBe(4);
  });

  it("carries the images that arrived when some sub-calls fail, and says which failed", async () => {
    const client = createImagesClient({ apiKey: "k", baseUrl: server.url, headers: { "x-fail": "-2" } });
    const error = await client
      .generate({ prompt: "three owls", model: "dall-e-3", n: 3 }, { maxImagesPerCall: 1, idempotencyKey: "owls" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartialGenerationError);
    const partial = error as PartialGenerationError;
    expect(partial.images.map((image) => image.revised_prompt)).toEqual(["owls-1", "owls-3"]);
    expect(partial.result.data).toBe(partial.images);
    expect(partial.errors).toHaveLength(1);
    expect(partial.errors[0]).toBeInstanceOf(BadRequestError);
    expect(partial.failedCalls).toEqual([2]);
    expect(partial.message).toMatch(
      /^1 of 3 sub-calls failed \(sub-call 2: POST .* failed with status 400: this one failed; dall-e-3 was shut down on 2026-05-12; use gpt-image-2 instead\); 2 image\(s\) arrived and are on `result`$/,
    );
    // What was paid for is accounted: the usage and request ids of the two calls that succeeded.
    expect(partial.requestIds).toEqual(["req_owls-1", "req_owls-3"]);
    expect(partial.usage?.total_tokens).toBe(24);
    expect(partial.attempts).toBe(3);
  });

  it("queues ordinary calls too: a burst never has more than maxConcurrency in flight", async () => {
    const client = slowClient(3);
    await Promise.all(Array.from({ length: 9 }, () => client.generate({ prompt: "p", model: "m" })));
    expect(mostInFlight).toBe(3);
  });
});

describe("the whole request is checked before anything is planned or sent", () => {
  const client = () => createImagesClient({ apiKey: "k", baseUrl: server.url, maxImagesPerCall: 1 });

  it.each([11, 25, 1000])("n: %i (the field's maximum is 10) is refused, not bought as that many calls", async (n) => {
    const before = server.requests.length;
    const error = await client()
      .generate({ prompt: "p", model: "dall-e-3", n })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestValidationError);
    const { violations } = error as RequestValidationError;
    expect(violations.some((violation) => violation.pointer === "/n" && violation.rule === undefined)).toBe(true);
    expect(server.requests.length).toBe(before);
  });

  it.each([1e9, Number.POSITIVE_INFINITY, Number.NaN, 2.5, -3])(
    "n: %d is a RequestValidationError at once, with no loop or array sized by it",
    async (n) => {
      const before = server.requests.length;
      const error = await client()
        .generate({ prompt: "p", model: "dall-e-3", n })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(server.requests.length).toBe(before);
    },
  );

  it("a caller's per-call limit above the model's rule still breaks the rule: refused whole, nothing sent", async () => {
    const before = server.requests.length;
    for (const maxImagesPerCall of [2, 10]) {
      const error = await createImagesClient({ apiKey: "k", baseUrl: server.url, maxImagesPerCall })
        .generate({ prompt: "p", model: "dall-e-3", n: 4 })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).violations[0]?.rule).toBe("dall-e-3");
    }
    expect(server.requests.length).toBe(before);
  });

  it("with validation off, an n the field refuses is one call: the server decides, nothing is split by it", async () => {
    const before = server.requests.length;
    const loose = createImagesClient({
      apiKey: "k",
      baseUrl: server.url,
      maxImagesPerCall: 1,
      validateRequests: "off",
      headers: { "x-fail": "huge" },
    });
    const error = await loose
      .generate({ prompt: "p", model: "dall-e-3", n: 1e9 }, { idempotencyKey: "huge" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    const sent = server.requests.slice(before);
    expect(sent.map((seen) => (JSON.parse(seen.body) as { n: number }).n)).toEqual([1e9]);
  });

  it("reports a warn-mode request once, not once per sub-call", async () => {
    const warnings: string[] = [];
    const warned = createImagesClient({
      apiKey: "k",
      baseUrl: server.url,
      validateRequests: "warn",
      onWarning: (warning) => void warnings.push(warning.message),
    });
    const { data } = await warned.generate({ prompt: "", model: "gpt-image-2", n: 3 }, { maxImagesPerCall: 1 });
    expect(data).toHaveLength(3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/\/prompt/);
  });
});

describe("nothing paid for is lost, whatever ends the fan-out", () => {
  it("a signal that fires after 3 of 4 arrived gives a PartialGenerationError holding the 3, its reason the cause", async () => {
    const controller = new AbortController();
    const client = createImagesClient({ apiKey: "k", baseUrl: server.url, headers: { "x-hold": "late-4" } });
    const reason = new Error("the user pressed stop");
    const onImages = (arrived: number) => {
      if (arrived === 3) controller.abort(reason);
    };
    const error = await client
      .generate(
        { prompt: "four cranes", model: "dall-e-3", n: 4 },
        { signal: controller.signal, onImages, idempotencyKey: "late" },
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartialGenerationError);
    const partial = error as PartialGenerationError;
    expect(partial.cause).toBe(reason);
    expect(partial.result.data.map((image) => image.revised_prompt)).toEqual(["late-1", "late-2", "late-3"]);
    expect(partial.failedCalls).toEqual([4]);
    expect(partial.requestIds).toEqual(["req_late-1", "req_late-2", "req_late-3"]);
    expect(partial.message).toMatch(
      /^the call was cancelled \(the user pressed stop\) with 1 of 4 sub-calls unfinished; 3 image\(s\)/,
    );
  });

  it("a signal that fires before anything arrived rejects with its reason, as a single call does", async () => {
    const controller = new AbortController();
    const client = createImagesClient({ apiKey: "k", baseUrl: server.url, headers: { "x-hold": "" } });
    const reason = new Error("stop");
    const pending = client.generate({ prompt: "p", model: "dall-e-3", n: 2 }, { signal: controller.signal });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it("an onImages that throws is reported through onWarning and loses no image", async () => {
    const warnings: SudoImagesError[] = [];
    const client = createImagesClient({
      apiKey: "k",
      baseUrl: server.url,
      onWarning: (warning) => void warnings.push(warning),
    });
    const onImages = (arrived: number) => {
      if (arrived === 2) throw new TypeError("progress bar broke");
    };
    const { data } = await client.generate(
      { prompt: "p", model: "gpt-image-2", n: 4 },
      { onImages, maxImagesPerCall: 1 },
    );
    expect(data).toHaveLength(4);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBeInstanceOf(CallbackError);
    expect(warnings[0]?.message).toBe("onImages threw (progress bar broke); the call went on and returns every image");
  });

  it("every sub-call failing alike (4 x 401) is that error, with the key hint it carries, not a partial one", async () => {
    const client = createImagesClient({
      apiKey: "k",
      baseUrl: server.url,
      headers: { "x-fail": "", "x-fail-status": "401" },
    });
    const error = await client.generate({ prompt: "p", model: "dall-e-3", n: 4 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
  });
});

describe("dall-e-3's rule (a retired model, still sent: a gateway may serve it)", () => {
  it("n: 4 gives 4 images from 4 calls, by the spec's rule for dall-e-3 alone (no option set)", async () => {
    const before = server.requests.length;
    const client = createImagesClient({ apiKey: "k", baseUrl: server.url, onWarning: () => {} });
    const sentSince = (from: number) => server.requests.slice(from).map((seen) => JSON.parse(seen.body).n);
    const { data } = await client.generate({ prompt: "a heron", model: "dall-e-3", n: 4, size: "1024x1024" });
    expect(data).toHaveLength(4);
    expect(sentSince(before)).toEqual([1, 1, 1, 1]);
    // A model no rule limits asks for all four in one call; an option still overrides the rule.
    await client.generate({ prompt: "a heron", model: "gpt-image-2", n: 4, size: "256x256" });
    expect(sentSince(server.requests.length - 1)).toEqual([4]);
    await client.generate({ prompt: "a heron", model: "gpt-image-2", n: 4, size: "256x256" }, { maxImagesPerCall: 2 });
    expect(sentSince(server.requests.length - 2)).toEqual([2, 2]);
  });

  it("tells onImages as each sub-call's images arrive, and once for a call that does not fan out", async () => {
    const client = createImagesClient({ apiKey: "k", baseUrl: server.url });
    const told: [number, number][] = [];
    const onImages = (arrived: number, asked: number) => void told.push([arrived, asked]);
    await client.generate({ prompt: "owls", model: "dall-e-3", n: 3 }, { onImages });
    expect(told).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    told.length = 0;
    await client.generate({ prompt: "owls", model: "dall-e-2", n: 3 }, { onImages });
    expect(told).toEqual([[3, 3]]);
  });

  it("keeps a fanned-out dall-e-3 call within maxConcurrency", async () => {
    const client = slowClient(2);
    const { data } = await client.generate({ prompt: "owls", model: "dall-e-3", n: 4 });
    expect(data).toHaveLength(4);
    expect(mostInFlight).toBe(2);
  });
});

describe("ruledImagesPerCall", () => {
  const rules = validate_ImageGenerationRequest;

  it("is what the spec's rules let the model take: one for dall-e-3, all for the others", () => {
    expect(ruledImagesPerCall(rules, { prompt: "p", model: "dall-e-3", n: 4 }, 4)).toBe(1);
    expect(ruledImagesPerCall(rules, { prompt: "p", model: "gpt-image-1", n: 4 }, 4)).toBe(4);
    expect(ruledImagesPerCall(rules, { prompt: "p", model: "dall-e-2", n: 1 }, 1)).toBe(1);
  });

  it("counts only a rule's refusal of n, not another field's problem", () => {
    expect(ruledImagesPerCall(rules, { prompt: "p", model: "gpt-image-1", n: 4, size: "256x256" }, 4)).toBe(4);
  });

  it("runs no validator for a schema with no conditional rules: no call pays for asking", () => {
    let runs = 0;
    const unruled: Validator = () => {
      runs++;
      return true;
    };
    expect(ruledImagesPerCall(unruled, { prompt: "p", model: "m", n: 3 }, 3)).toBe(3);
    expect(runs).toBe(0);
  });

  it("never goes below one, even for a rule that refuses every n", () => {
    const refusesAll: Validator = Object.assign(() => false, {
      errors: [
        {
          instancePath: "/n",
          schemaPath: "#/allOf/0/then/properties/n/maximum",
          keyword: "maximum",
          params: { comparison: "<=", limit: 0 },
        },
      ],
      rules: { "#/allOf/0/then": "nothing" },
    });
    expect(ruledImagesPerCall(refusesAll, { prompt: "p", model: "m", n: 3 }, 3)).toBe(1);
  });
});

describe("merged usage", () => {
  const part = (usage: object | undefined): GenerationResponse => ({
    data: { data: [{ url: "u" }], ...(usage ? { usage } : {}) } as never,
    requestId: "r",
    headers: new Headers(),
    attempts: 1,
  });

  it("leaves usage out when one sub-call reported none, and counts missing details as zero", () => {
    expect(
      merged([part({ input_tokens: 1, output_tokens: 2, total_tokens: 3 }), part(undefined)]).data.usage,
    ).toBeUndefined();
    const details = { input_tokens: 1, output_tokens: 2, total_tokens: 3 };
    expect(
      merged([part(details), part({ ...details, input_tokens_details: { image_tokens: 4, text_tokens: 5 } })]).data
        .usage,
    ).toEqual({
      input_tokens: 2,
      output_tokens: 4,
      total_tokens: 6,
      input_tokens_details: { image_tokens: 4, text_tokens: 5 },
    });
  });
});
