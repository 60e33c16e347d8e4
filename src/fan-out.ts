import { PartialGenerationError } from "./errors.js";
import type { GenerationResponse, ImageGeneration, ImageGenerationRequest, ImageUsage } from "./models.js";
import type { Validator } from "./runtime/types.js";
import { check } from "./runtime/validation.js";

/**
 * The most images one call for this request may ask for by the spec's conditional rules: the
 * largest `n` up to the one asked that no rule refuses (dall-e-3 takes `n: 1`, so 1). A model no
 * rule limits gets what it asked for, so nothing fans out.
 *
 * @example
 * ruledImagesPerCall(validate_ImageGenerationRequest, { prompt: "p", model: "dall-e-3", n: 4 }) // 1
 */
export function ruledImagesPerCall(validator: Validator, request: ImageGenerationRequest, n: number): number {
  // A schema with no conditional rules has no per-model limit: no call pays for asking.
  if (n <= 1 || validator.rules === undefined) return n;
  const refusedBy = (count: number) =>
    check(validator, { ...request, n: count }).some((violation) => violation.pointer === "/n" && violation.rule);
  let count = n;
  while (count > 1 && refusedBy(count)) count--;
  return count;
}

/**
 * How many images each sub-call asks for when a call wants `n` and a call may give `perCall`:
 * as few calls as that allows, the last one taking what remains.
 *
 * @example
 * callSizes(4, 1) // [1, 1, 1, 1]
 * callSizes(5, 2) // [2, 2, 1]
 */
export function callSizes(n: number, perCall: number): number[] {
  const sizes: number[] = [];
  for (let left = n; left > 0; left -= perCall) sizes.push(Math.min(perCall, left));
  return sizes;
}

/** The idempotency key of sub-call `index` (0-based) of a call whose key is `key`: stable across retries. */
export function subCallKey(key: string, index: number): string {
  return `${key}-${index + 1}`;
}

/**
 * The sub-calls' outcomes as one answer: the images in sub-call order, usage summed, the other
 * fields from the first; the first sub-call's request id, the last one's headers, the attempts of
 * all. When some failed, a `PartialGenerationError` carries the images that did arrive.
 */
export function merged(outcomes: PromiseSettledResult<GenerationResponse>[]): GenerationResponse {
  const arrived = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
  const failures = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
  if (failures.length > 0) {
    throw new PartialGenerationError(
      outcomes.length,
      failures,
      arrived.flatMap((part) => part.data.data),
    );
  }
  const [first] = arrived as [GenerationResponse, ...GenerationResponse[]];
  // The first sub-call's usage alone would undercount: usage is the sum, or absent.
  const { usage: _first, ...fields } = first.data;
  const data: ImageGeneration = { ...fields, data: arrived.flatMap((part) => part.data.data) };
  const usage = summedUsage(arrived.map((part) => part.data.usage));
  if (usage) data.usage = usage;
  return {
    data,
    requestId: first.requestId,
    headers: (arrived.at(-1) as GenerationResponse).headers,
    attempts: arrived.reduce((sum, part) => sum + part.attempts, 0),
  };
}

/** Token counts added up, when every sub-call reported them. */
function summedUsage(usages: (ImageUsage | undefined)[]): ImageUsage | undefined {
  if (usages.some((usage) => usage === undefined)) return undefined;
  const all = usages as ImageUsage[];
  const sum = (pick: (usage: ImageUsage) => number | undefined) =>
    all.reduce((total, usage) => total + (pick(usage) ?? 0), 0);
  return {
    input_tokens: sum((usage) => usage.input_tokens),
    output_tokens: sum((usage) => usage.output_tokens),
    total_tokens: sum((usage) => usage.total_tokens),
    input_tokens_details: {
      image_tokens: sum((usage) => usage.input_tokens_details?.image_tokens),
      text_tokens: sum((usage) => usage.input_tokens_details?.text_tokens),
    },
  };
}
