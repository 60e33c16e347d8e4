import { CallbackError, PartialGenerationError, type SudoImagesError } from "./errors.js";
import type { GenerationResponse, ImageGeneration, ImageGenerationRequest, ImageUsage } from "./models.js";
import type { SpecViolation, Validator } from "./runtime/types.js";
import { check } from "./runtime/validation.js";

/**
 * What one call buys: how many images, in how many sub-calls of what size, and what the whole request
 * breaks in the spec. Planned once, before anything is sent, from a request held to the spec as a whole.
 */
export interface Purchase {
  /** The images asked for (the request's `n`, else 1). */
  n: number;
  /** The size of each sub-call, in order; one entry for a call that does not fan out. */
  sizes: number[];
  /** What the request breaks, less the per-call `n` limit that fanning out splits. */
  violations: SpecViolation[];
}

/**
 * Plans a call: the whole request is checked first (every field rule, and every model rule but the
 * per-call limit on `n`, which is what fan-out exists to split), then split by `perCall` (the
 * caller's limit) or by what the spec's rules let the model take. `n` is only ever split when it is
 * a whole number the field's own rules take, so no loop is bounded by the input: `n: 1e9`, `Infinity`
 * or `2.5` is one call (refused before sending unless validation is off).
 *
 * @example
 * purchase(validate_ImageGenerationRequest, { prompt: "p", model: "dall-e-3", n: 4 }, undefined).sizes // [1, 1, 1, 1]
 */
export function purchase(validator: Validator, request: ImageGenerationRequest, perCall: number | undefined): Purchase {
  const n = asked(request);
  const problems = check(validator, request);
  const violations = problems.filter((violation) => !isPerCallLimit(violation));
  const whole = Number.isSafeInteger(n) && n >= 1 && !violations.some((violation) => violation.pointer === "/n");
  if (!whole) return { n, sizes: [n], violations: problems };
  const ruled = problems.length === violations.length ? n : ruledImagesPerCall(validator, request, n);
  const most = Math.min(perCall ?? ruled, n);
  // A limit of the caller's above the rule's sends sub-calls the rule refuses: that stays a violation.
  return { n, sizes: callSizes(n, most), violations: most > ruled ? problems : violations };
}

/** How many images a request asks for: its `n`, else one. */
export function asked(request: unknown): number {
  const { n } = request as { n?: unknown };
  return typeof n === "number" ? n : 1;
}

/** A model rule's refusal of `n`: the one violation that splitting the call into smaller ones mends. */
function isPerCallLimit(violation: SpecViolation): boolean {
  return violation.pointer === "/n" && violation.rule !== undefined;
}

/**
 * The most images one call for this request may ask for by the spec's conditional rules: the
 * largest `n` up to the one asked that no rule refuses (dall-e-3 takes `n: 1`, so 1). A model no
 * rule limits gets what it asked for, so nothing fans out. `n` must already be within the field's
 * own bounds: the loop runs at most `n` times.
 *
 * @example
 * ruledImagesPerCall(validate_ImageGenerationRequest, { prompt: "p", model: "dall-e-3", n: 4 }, 4) // 1
 */
export function ruledImagesPerCall(validator: Validator, request: ImageGenerationRequest, n: number): number {
  // A schema with no conditional rules has no per-model limit: no call pays for asking.
  if (n <= 1 || validator.rules === undefined) return n;
  const refusedBy = (count: number) => check(validator, { ...request, n: count }).some(isPerCallLimit);
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

/** Who hears about a purchase as it goes: the caller's signal, progress callback and warning sink. */
export interface Watchers {
  signal: AbortSignal | undefined;
  onImages: ((arrived: number, asked: number) => void) | undefined;
  warn: (error: SudoImagesError) => void;
}

/**
 * Makes the sub-calls of a purchase (all started at once; the client's concurrency limit paces them)
 * and gathers them into one answer. Whatever ends it, nothing paid for is dropped: when some
 * sub-calls fail, or the signal fires after some images arrived, a `PartialGenerationError` carries
 * every image that arrived with the usage and request ids of the calls that were paid. When nothing
 * arrived, the call rejects as a single call would: the signal's reason, or the sub-calls' error
 * when they all failed alike (4 × 401 is an `AuthenticationError`). A throwing `onImages` is
 * reported through `warn` and changes nothing else.
 */
export async function fanOut(
  { n, sizes }: Purchase,
  send: (count: number, index: number) => Promise<GenerationResponse>,
  watchers: Watchers,
): Promise<GenerationResponse> {
  let arrived = 0;
  const told = (answer: GenerationResponse) => {
    arrived += answer.data.data.length;
    tell(watchers, arrived, n);
    return answer;
  };
  const outcomes = await Promise.allSettled(sizes.map((count, index) => send(count, index).then(told)));
  const paid = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
  if (paid.length === outcomes.length) return paid.length === 1 ? (paid[0] as GenerationResponse) : merged(paid);
  const failures = outcomes.flatMap((outcome, index) =>
    outcome.status === "rejected" ? [{ call: index + 1, error: outcome.reason as unknown }] : [],
  );
  const aborted = watchers.signal?.aborted === true;
  if (paid.length === 0 && aborted) throw watchers.signal?.reason;
  if (paid.length === 0 && alike(failures.map((failure) => failure.error))) throw failures[0]?.error;
  throw new PartialGenerationError({
    calls: outcomes.length,
    failures,
    paid:
      paid.length === 0 ? undefined : { ...merged(paid), requestIds: paid.flatMap(({ requestId }) => requestId ?? []) },
    cause: aborted ? watchers.signal?.reason : undefined,
  });
}

/** `onImages`, whose exception is the caller's bug to hear about, never a reason to drop a paid image. */
function tell({ onImages, warn }: Watchers, arrived: number, n: number): void {
  try {
    onImages?.(arrived, n);
  } catch (error) {
    warn(new CallbackError("onImages", error));
  }
}

/** Errors of one kind: the same class and, for API errors, the same status. */
function alike(errors: unknown[]): boolean {
  const kind = (error: unknown) =>
    `${(error as Error | undefined)?.name}:${(error as { status?: unknown } | undefined)?.status}`;
  return errors.every((error) => kind(error) === kind(errors[0]));
}

/**
 * The sub-calls that were paid for as one answer: the images in sub-call order, usage summed, the
 * other fields from the first; the first one's request id, the last one's headers, the attempts of all.
 */
export function merged(paid: GenerationResponse[]): GenerationResponse {
  const [first] = paid as [GenerationResponse, ...GenerationResponse[]];
  // The first sub-call's usage alone would undercount: usage is the sum, or absent.
  const { usage: _first, ...fields } = first.data;
  const data: ImageGeneration = { ...fields, data: paid.flatMap((part) => part.data.data) };
  const usage = summedUsage(paid.map((part) => part.data.usage));
  if (usage) data.usage = usage;
  return {
    data,
    requestId: first.requestId,
    headers: (paid.at(-1) as GenerationResponse).headers,
    attempts: paid.reduce((sum, part) => sum + part.attempts, 0),
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
