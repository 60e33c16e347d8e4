import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callSizes, merged, ruledImagesPerCall } from "../src/fan-out.js";
import { validate_ImageGenerationRequest } from "../src/generated/metadata.js";
import { BadRequestError, createImagesClient, PartialGenerationError } from "../src/index.js";
import type { GenerationResponse } from "../src/models.js";
import type { Validator } from "../src/runtime/types.js";
import { sendJson, startTestServer, type TestServer } from "./helpers/http-server.js";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

/** A client of the counting server whose answers each take 30 ms, the in-flight count reset. */
function slowClient(maxConcurrency: number) {
  mostInFlight = 0;
  return createImagesClient({ apiKey: "k", baseUrl: server.url, maxConcurrency, headers: { "x-delay": "30" } });
}

/** A server that answers each request after `x-delay` ms, counting how many are in flight at once. */
let server: TestServer;
let inFlight = 0;
let mostInFlight = 0;
beforeAll(async () => {
  server = await startTestServer(async (seen, res) => {
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, Number(seen.headers["x-delay"] ?? 0)));
    inFlight--;
    const { n = 1 } = JSON.parse(seen.body) as { n?: number };
    if (String(seen.headers["idempotency-key"]).endsWith(String(seen.headers["x-fail"] ?? "none"))) {
      return sendJson(res, 400, { error: { message: "this one failed", type: "invalid_request_error" } });
    }
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
      headers: { "x-delay": "50" },
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
    expect(partial.errors).toHaveLength(1);
    expect(partial.errors[0]).toBeInstanceOf(BadRequestError);
    expect(partial.message).toMatch(
      /^1 of 3 sub-calls failed \(the first: POST .* failed with status 400: this one failed; dall-e-3 was shut down on 2026-05-12; use gpt-image-2 instead\); 2 image\(s\) arrived and are on `images`$/,
    );
  });

  it("queues ordinary calls too: a burst never has more than maxConcurrency in flight", async () => {
    const client = slowClient(3);
    await Promise.all(Array.from({ length: 9 }, () => client.generate({ prompt: "p", model: "m" })));
    expect(mostInFlight).toBe(3);
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
  const part = (usage: object | undefined): PromiseSettledResult<GenerationResponse> => ({
    status: "fulfilled",
    value: {
      data: { data: [{ url: "u" }], ...(usage ? { usage } : {}) } as never,
      requestId: "r",
      headers: new Headers(),
      attempts: 1,
    },
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
