/**
 * Prism (`@stoplight/prism-cli`) is an independent implementation of the spec: as a mock it
 * checks what the client sends and invents what it receives; as a proxy in front of our own
 * mock server it checks every answer of ours against the spec (`sl-violations`).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Schema } from "../../src/codegen/schema-walk.js";
import { validate } from "../../src/generated/index.js";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  createImagesClient,
  type ImageGenerationRequest,
  type ImagesClient,
  type ImagesClientOptions,
  InternalServerError,
  NoImagesError,
} from "../../src/index.js";
import { type MockScenario, type MockServer, startMockServer } from "../../src/testing/index.js";
import { sendJson, startTestServer } from "../helpers/http-server.js";
import { type PrismServer, startPrism } from "../helpers/prism.js";
import { arbitraryFor, specDefs } from "../helpers/schema-arbitrary.js";

const KEY = "sk-prism-key";
const SPEC = "openapi/sudo-images.yaml";

/** A client whose fetch is the real one, keeping every response's `sl-violations` header. */
function recordingClient(baseUrl: string, options: ImagesClientOptions = {}) {
  const violations: string[] = [];
  const client = createImagesClient({
    apiKey: KEY,
    baseUrl,
    maxRetries: 0,
    ...options,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const header = response.headers.get("sl-violations");
      if (header) violations.push(`${response.status} ${header}`);
      return response;
    },
  });
  return { client, violations };
}

function hasNull(value: unknown): boolean {
  if (value === null) return true;
  return typeof value === "object" && Object.values(value as object).some(hasNull);
}

/** One generation against Prism: the result, or "no images" for the NoImagesError an empty data array gets. */
function generated(client: ImagesClient) {
  return client
    .generate({ prompt: "p", model: "m", n: 10 })
    .catch((error: unknown) => (error instanceof NoImagesError ? ("no images" as const) : Promise.reject(error)));
}

describe("the client against prism mock", () => {
  let prism: PrismServer;
  let requests: fc.Arbitrary<ImageGenerationRequest>;
  beforeAll(async () => {
    const defs = await specDefs(SPEC);
    // Live models the spec has rules for, and one it does not name; a request that breaks a model's
    // rule is not valid, so it is not a sample here (the client would refuse it before sending).
    const models = fc.constantFrom("gpt-image-2", "gpt-image-2.5", "some-provider/model");
    requests = fc
      .tuple(arbitraryFor(defs.ImageGenerationRequest as Schema, defs), models)
      .map(([request, model]) => ({ ...(request as ImageGenerationRequest), model }))
      .filter((request) => validate("ImageGenerationRequest", request).length === 0);
    prism = await startPrism(["mock", SPEC]);
  });
  afterAll(() => prism.close());

  it("sends requests Prism accepts, for a spread of valid requests", async () => {
    const { client, violations } = recordingClient(prism.url);
    const samples = fc.sample(requests, { seed: 42, numRuns: 60 });
    for (const request of samples) await client.generate(request);
    expect(violations).toEqual([]);
  });

  it("validates and normalizes 200 of Prism's generated responses, with no null left", async () => {
    const { client, violations } = recordingClient(prism.url, { headers: { Prefer: "dynamic=true" } });
    const results = [];
    for (let batch = 0; batch < 25; batch++) {
      results.push(
        // Prism draws a few images whatever n says; asking for the most keeps its count within what was asked.
        ...(await Promise.all(Array.from({ length: 8 }, () => generated(client)))),
      );
    }
    expect(results).toHaveLength(200);
    // Prism may draw an empty data array: spec-valid, and refused as a NoImagesError by design.
    const images = results.filter((result) => result !== "no images");
    expect(images.length).toBeGreaterThan(100);
    expect(images.filter(hasNull)).toEqual([]);
    expect(violations).toEqual([]);
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [500, InternalServerError],
  ] as const)("turns Prefer: code=%i into the matching typed error", async (status, ErrorClass) => {
    const { client } = recordingClient(prism.url, { headers: { Prefer: `code=${status}` } });
    const error = await client.generate({ prompt: "p", model: "m" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as ApiError).status).toBe(status);
  });
});

describe("our mock server, checked by prism proxy", () => {
  let mock: MockServer;
  let proxy: PrismServer;
  beforeAll(async () => {
    mock = await startMockServer({ apiKey: KEY });
    proxy = await startPrism(["proxy", SPEC, mock.url]);
  });
  afterAll(async () => {
    await proxy.close();
    await mock.close();
  });

  const scenarios: MockScenario[] = ["normal", "nulls", "minimal"];
  const errors = [400, 401, 403, 429, 500, 502, 503];

  it.each(scenarios)("answers the %s scenario within the spec", async (scenario) => {
    mock.setScenario(scenario);
    const { client, violations } = recordingClient(proxy.url);
    const asUrl = await client.generate({ prompt: "a fox", model: "flux-1.1-pro", n: 2, size: "256x256" });
    const asBase64 = await client.generate({
      prompt: "a fox",
      model: "m",
      size: "256x256",
      response_format: "b64_json",
    });
    expect(asUrl.data).toHaveLength(2);
    expect(asBase64.data[0]?.b64_json).toBeTruthy();
    expect(violations).toEqual([]);
  });

  it.each(errors)("answers a %i error scenario within the spec", async (status) => {
    mock.setScenario({ status, message: `failure ${status}` });
    const { client, violations } = recordingClient(proxy.url);
    const error = await client.generate({ prompt: "a fox", model: "m" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toContain(`failure ${status}`);
    expect(violations).toEqual([]);
  });

  it("rejects a bad key within the spec", async () => {
    mock.setScenario("normal");
    const { client, violations } = recordingClient(proxy.url, { apiKey: "sk-not-the-key" });
    await expect(client.generate({ prompt: "a fox", model: "m" })).rejects.toBeInstanceOf(AuthenticationError);
    expect(violations).toEqual([]);
  });
});

describe("prism proxy as a checker", () => {
  it("does report a server that breaks the spec (so the checks above can fail)", async () => {
    const liar = await startTestServer((_seen, res) => sendJson(res, 200, { data: "not an array", created: -5 }));
    const proxy = await startPrism(["proxy", SPEC, liar.url]);
    try {
      const { client, violations } = recordingClient(proxy.url, { validateResponses: "off" });
      // Unchecked by the client, the answer still holds no list of images: none to hand back.
      await expect(client.generate({ prompt: "a fox", model: "m" })).rejects.toBeInstanceOf(NoImagesError);
      expect(violations.join()).toMatch(/"location":\["response","body","data"\]/);
    } finally {
      await proxy.close();
      await liar.close();
    }
  });
});
