import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validate_ImageGenerationRequest } from "../src/generated/metadata.js";
import {
  createImagesClient,
  type ImageGenerationRequest,
  ModelWarning,
  NotFoundError,
  RequestValidationError,
  type SudoImagesError,
} from "../src/index.js";
import { modelWarning } from "../src/model-lifecycle.js";
import type { Validator } from "../src/runtime/types.js";
import { sendJson, startTestServer, type TestServer } from "./helpers/http-server.js";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

/** Records every request; answers 404 in the API's words for the models it no longer serves. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((seen, res) => {
    const { model } = JSON.parse(seen.body) as { model: string };
    if (model.startsWith("dall-e")) {
      const message = `The model \`${model}\` does not exist or you do not have access to it.`;
      return sendJson(res, 404, { error: { message, type: "invalid_request_error", code: "model_not_found" } });
    }
    sendJson(res, 200, { created: 1, data: [{ b64_json: PNG }] }, { "x-request-id": "req_1" });
  });
});
afterAll(() => server.close());

/** A strict client of the recording server, its warnings collected. */
function recordingClient() {
  const warnings: SudoImagesError[] = [];
  const client = createImagesClient({
    apiKey: "k",
    baseUrl: server.url,
    maxRetries: 0,
    onWarning: (warning) => warnings.push(warning),
  });
  return { client, warnings };
}

/** The bodies the server received since `from`. */
const sentSince = (from: number) => server.requests.slice(from).map((seen) => JSON.parse(seen.body));

describe("strict mode and the live models", () => {
  it("sends gpt-image-2 at any size of its grammar, and gpt-image-2.5 at quality xhigh", async () => {
    const { client, warnings } = recordingClient();
    const from = server.requests.length;
    const sizes = ["1536x864", "2048x2048", "3840x2160", "1024x1536", "auto"];
    for (const size of sizes) await client.generate({ prompt: "a fox", model: "gpt-image-2", size });
    await client.generate({ prompt: "a fox", model: "gpt-image-2.5", quality: "xhigh" });
    expect(sentSince(from)).toEqual([
      ...sizes.map((size) => ({ prompt: "a fox", model: "gpt-image-2", size })),
      { prompt: "a fox", model: "gpt-image-2.5", quality: "xhigh" },
    ]);
    expect(warnings).toEqual([]);
  });

  it.each([
    [
      "a side that is no multiple of 16",
      { size: "1000x1000" },
      /\/size: gpt-image-2 takes size auto or WxH, each side a multiple of 16 up to 3840, got "1000x1000"/,
    ],
    ["a side over 3840", { size: "4096x2160" }, /gpt-image-2 takes size/],
    ["a size that is no WxH", { size: "large" }, /\/size: must match pattern/],
    ["a response_format", { response_format: "url" }, /gpt-image-\* and chatgpt-image-\* takes no response_format/],
  ])("refuses before sending a gpt-image-2 request with %s", async (_what, fields, message) => {
    const { client } = recordingClient();
    const from = server.requests.length;
    const request = { prompt: "a fox", model: "gpt-image-2", ...fields } as ImageGenerationRequest;
    const error = await client.generate(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests.length).toBe(from);
  });
});

describe("a retired model", () => {
  it("is sent, with one warning per client naming its shutdown date and replacement", async () => {
    const { client, warnings } = recordingClient();
    const from = server.requests.length;
    const first = await client.generate({ prompt: "a fox", model: "dall-e-3" }).catch((e: unknown) => e);
    await client.generate({ prompt: "a fox", model: "dall-e-3" }).catch(() => {});
    expect(sentSince(from)).toEqual([
      { prompt: "a fox", model: "dall-e-3" },
      { prompt: "a fox", model: "dall-e-3" },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBeInstanceOf(ModelWarning);
    expect(warnings[0]?.message).toBe(
      "dall-e-3 was shut down on 2026-05-12; use gpt-image-2 instead (sent anyway: the server decides)",
    );
    expect(warnings[0]).toMatchObject({ model: "dall-e-3", suggestion: "gpt-image-2", attempts: 0 });
    // The server's refusal says the same, beside the server's own words.
    expect(first).toBeInstanceOf(NotFoundError);
    expect((first as Error).message).toMatch(
      /failed with status 404: The model `dall-e-3` does not exist .*; dall-e-3 was shut down on 2026-05-12; use gpt-image-2 instead$/,
    );
  });

  it("warns once per model and per client: another client warns again", async () => {
    const one = recordingClient();
    const two = recordingClient();
    for (const { client } of [one, two, one]) await client.generate({ prompt: "p", model: "dall-e-2" }).catch(() => {});
    await one.client.generate({ prompt: "p", model: "gpt-image-1" }).catch(() => {});
    expect(one.warnings.map((warning) => warning.message)).toEqual([
      "dall-e-2 was shut down on 2026-05-12; use gpt-image-2 instead (sent anyway: the server decides)",
      "gpt-image-1 was shut down on 2026-10-23; use gpt-image-2 instead (sent anyway: the server decides)",
    ]);
    expect(two.warnings).toHaveLength(1);
  });
});

describe("a near miss of a known model", () => {
  it("is sent as written, with a warning that names the model it nearly is", async () => {
    const { client, warnings } = recordingClient();
    const from = server.requests.length;
    await client.generate({ prompt: "a fox", model: "gpt-imag-2" });
    expect(sentSince(from)).toEqual([{ prompt: "a fox", model: "gpt-imag-2" }]);
    expect(warnings.map((warning) => warning.message)).toEqual([
      "model gpt-imag-2 is not one the spec knows: did you mean gpt-image-2? (sent anyway: the server decides)",
    ]);
  });

  it.each([
    ["dalle-3", "dall-e-3"],
    ["sdxl", undefined],
    ["chatgpt-image-lastest", "chatgpt-image-latest"],
    ["flux-pro", undefined],
    ["gpt-image-2.6", undefined],
    // Model names are matched as written (no rule applies to GPT-IMAGE-2), so a shouted name is a near miss.
    ["GPT-IMAGE-2", "gpt-image-2"],
    ["Gpt-Image-2-Snapshot", "gpt-image-2-snapshot"],
    ["DALL-E-3", "dall-e-3"],
  ])("%s: did you mean %s", (model, meant) => {
    expect(modelWarning(validate_ImageGenerationRequest, { prompt: "p", model })?.suggestion).toBe(meant);
  });
});

describe("the status decides, never the clock", () => {
  it("reads only what the spec records: a deprecated model warns with its date, a model with no record none", () => {
    const validator: Validator = Object.assign(() => true, {
      rules: { "#/allOf/0/then": "old-model", "#/allOf/1/then": "new-model" },
      lifecycles: {
        "#/allOf/0/then": {
          when: { model: { const: "old-model" } },
          status: "deprecated",
          since: "2031-01-01",
        } as const,
        "#/allOf/1/then": { when: { model: { const: "new-model" } }, status: "live" } as const,
      },
    });
    expect(modelWarning(validator, { model: "old-model" })?.message).toBe(
      "old-model is deprecated since 2031-01-01 (sent anyway: the server decides)",
    );
    expect(modelWarning(validator, { model: "new-model" })).toBeUndefined();
    expect(modelWarning(undefined, { model: "dall-e-3" })).toBeUndefined();
  });
});
