/**
 * The full client's spec checks as the plain object the generate path takes: each member on its
 * own, with a `send` that records the calls a purchase makes (no HTTP here: `tests/client.test.ts`
 * and `tests/fan-out.test.ts` run the same checks through the client against real servers).
 */
import { describe, expect, it } from "vitest";
import type { SendCall } from "../src/client.js";
import {
  ConfigurationError,
  type ImageGenerationRequest,
  RequestValidationError,
  ResponseValidationError,
  type SudoImagesError,
} from "../src/index.js";
import { ModelWarning } from "../src/model-lifecycle.js";
import type { ImagesClientOptions } from "../src/options.js";
import { specChecks } from "../src/spec-checks.js";

const call = { timeoutMs: 1000, policy: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 } };

/** A purchase through `specChecks(options).buy`, with every call it makes recorded. */
async function buy(request: ImageGenerationRequest, options: ImagesClientOptions = {}) {
  const warnings: SudoImagesError[] = [];
  const checks = specChecks({ onWarning: (warning) => warnings.push(warning), ...options });
  const sent: { request: ImageGenerationRequest; idempotencyKey: string; note: string | undefined }[] = [];
  const send: SendCall = async (one, { idempotencyKey, note }) => {
    sent.push({ request: one, idempotencyKey, note });
    const data = Array.from({ length: one.n ?? 1 }, () => ({ url: "https://img.test/1.png" }));
    return { data: { data }, requestId: undefined, headers: new Headers(), attempts: 1 };
  };
  const bought = checks.buy?.(request, { ...call, idempotencyKey: "key", signal: undefined }, {}, send);
  return { bought: await bought, sent, warnings };
}

describe("specChecks(options).buy", () => {
  it("fans a request past the model's rule out into sub-calls, each with its key and the model's note", async () => {
    const { bought, sent, warnings } = await buy({ prompt: "p", model: "dall-e-3", n: 3 });
    expect(sent.map((one) => [one.request.n, one.idempotencyKey])).toEqual([
      [1, "key-1"],
      [1, "key-2"],
      [1, "key-3"],
    ]);
    expect(sent.every((one) => one.note?.startsWith("dall-e-3 was shut down"))).toBe(true);
    expect(bought?.data.data.length).toBe(3);
    expect(warnings.map((warning) => warning instanceof ModelWarning)).toEqual([true]);
  });

  it("refuses a request the spec refuses before anything is sent, or reports and sends it, as validateRequests says", async () => {
    const request = { prompt: "p", model: "gpt-image-2", size: "13x13" };
    await expect(buy(request)).rejects.toThrow(RequestValidationError);
    const { sent, warnings } = await buy(request, { validateRequests: "warn" });
    expect(sent.map((one) => one.request)).toEqual([request]);
    expect(warnings.map((warning) => warning.name)).toEqual(["RequestValidationError"]);
  });
});

describe("specChecks(options).answer and errorViolations", () => {
  it("holds an answer to the spec and to the n sent: more images than asked for is a violation", () => {
    const answer = specChecks({}).answer;
    const two = { data: [{ url: "https://img.test/1.png" }, { url: "https://img.test/2.png" }] };
    expect(() => answer?.(two, { prompt: "p", model: "m", n: 2 }, {})).not.toThrow();
    expect(() => answer?.(two, { prompt: "p", model: "m" }, { attempts: 2 })).toThrow(ResponseValidationError);
    expect(() => specChecks({ validateResponses: "off" }).answer?.(two, { prompt: "p", model: "m" }, {})).not.toThrow();
  });

  it("reads an error body against the spec, unless validateResponses is off", () => {
    expect(specChecks({}).errorViolations?.(418, {})).toEqual([
      expect.objectContaining({ pointer: "", received: "418" }),
    ]);
    expect(specChecks({ validateResponses: "off" }).errorViolations).toBeUndefined();
  });

  it("checks its own options once, at creation", () => {
    // @ts-expect-error a mode is a string
    expect(() => specChecks({ validateRequests: true })).toThrow(ConfigurationError);
    // @ts-expect-error a count is a number
    expect(() => specChecks({ maxImagesPerCall: "2" })).toThrow("maxImagesPerCall must be a whole number");
  });
});
