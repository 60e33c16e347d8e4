import {
  type ErrorContext,
  NoImagesError,
  RequestValidationError,
  ResponseValidationError,
  type SudoImagesError,
} from "./errors.js";
import { fanOut, purchase, subCallKey } from "./fan-out.js";
import { shapes, validate_ImageGeneration, validate_ImageGenerationRequest } from "./generated/metadata.js";
import { attempt } from "./http/attempt.js";
import { retrying } from "./http/retry.js";
import { withTimeout } from "./http/timeout.js";
import { noteModel } from "./model-lifecycle.js";
import type { GenerationResponse, ImageGeneration, ImageGenerationRequest } from "./models.js";
import {
  type CallSettings,
  type GenerateOptions,
  type ImagesClientOptions,
  resolveCall,
  resolveSettings,
  type Settings,
  type ValidationMode,
} from "./options.js";
import { normalizeWith } from "./runtime/normalize.js";
import type { SpecViolation, Validator } from "./runtime/types.js";
import { check } from "./runtime/validation.js";

export type { Logger } from "./http/debug-log.js";
export type { RetryPolicy } from "./http/retry.js";
export { DEFAULT_BASE_URL } from "./http/settings.js";
export type {
  GenerationResponse,
  ImageData,
  ImageGeneration,
  ImageGenerationRequest,
  ImageUsage,
} from "./models.js";
export type {
  FanOutOptions,
  GenerateOptions,
  ImagesClientOptions,
  ReliabilityOptions,
  ValidationMode,
} from "./options.js";

/** What `createImagesClient` returns. */
export interface ImagesClient {
  /**
   * Generates images. Resolves to the spec-valid, normalized result; rejects with a
   * `SudoImagesError` subclass that says what failed, or with the signal's reason when cancelled.
   * An answer with no image is a `NoImagesError`.
   */
  generate(request: ImageGenerationRequest, options?: GenerateOptions): Promise<ImageGeneration>;
  /**
   * `generate`, resolving to the result with the answer's request id, headers and attempt count:
   * what a batch job paces itself by.
   *
   * @example
   * const { data, requestId, headers } = await client.generateWithResponse({ prompt, model });
   * const left = Number(headers.get("x-ratelimit-remaining-requests"));
   */
  generateWithResponse(request: ImageGenerationRequest, options?: GenerateOptions): Promise<GenerationResponse>;
}

/**
 * Creates a client for the Sudo images API. Options are checked here: a bad timeout, count, size
 * or URL is a `ConfigurationError` naming the option (a missing key is one at the first call).
 *
 * @example
 * const client = createImagesClient(); // reads SUDO_API_KEY
 * const { data } = await client.generate({ prompt: "a lighthouse at dusk", model: "gpt-image-1" });
 * console.log(data[0]?.url);
 */
export function createImagesClient(options: ImagesClientOptions = {}): ImagesClient {
  const settings = resolveSettings(options);
  return {
    generate: async (request, call = {}) => (await generate(settings, request, call)).data,
    generateWithResponse: (request, call = {}) => generate(settings, request, call),
  };
}

/**
 * One call: the whole request held to the spec and planned once (as it is, or fanned out into
 * sub-calls when it asks for more images than one may give), then bought as one purchase.
 */
async function generate(
  settings: Settings,
  request: ImageGenerationRequest,
  options: GenerateOptions,
): Promise<GenerationResponse> {
  const call = resolveCall(settings, options);
  const body = normalizeWith(shapes, "ImageGenerationRequest", request);
  // A retired or misspelt model is sent (the server decides), warned of once, and named by any error.
  const note = noteModel(settings, settings.warn, validate_ImageGenerationRequest, body);
  const plan = purchase(validate_ImageGenerationRequest, body, call.maxImagesPerCall);
  if (settings.validateRequests !== "off" && plan.violations.length > 0)
    report(settings, settings.validateRequests, new RequestValidationError("ImageGenerationRequest", plan.violations));
  const single = plan.sizes.length === 1;
  const send = (count: number, index: number) =>
    generateOnce(settings, single ? body : { ...body, n: count }, count, {
      ...call,
      idempotencyKey: single ? call.idempotencyKey : subCallKey(call.idempotencyKey, index),
      note,
    });
  return fanOut(plan, send, { signal: call.signal, onImages: call.onImages, warn: settings.warn });
}

/** One API call for a request already checked: its attempts, then its answer held to the spec. */
async function generateOnce(
  settings: Settings,
  body: unknown,
  wanted: number,
  call: CallSettings & { note: string | undefined },
): Promise<GenerationResponse> {
  const json = serialized(body);
  const { idempotencyKey, timeoutMs, policy, note } = call;
  const { endpoint } = settings;
  // The loop hands back the answer with its attempt count; the body is held to the spec after it.
  const { answer, attempts } = await retrying(
    (context) =>
      settings.limit.run(
        () =>
          withTimeout(
            async (signal) => ({
              answer: await attempt(endpoint, json, idempotencyKey, signal, { ...context, note }),
              attempts: context.attempts,
            }),
            timeoutMs,
            call.signal,
            () => `${endpoint.method} ${endpoint.shownUrl} (attempt ${context.attempts})`,
            context,
          ),
        call.signal,
      ),
    policy,
    call.signal,
    endpoint.log ?? (() => {}),
  );
  const context = { attempts, requestId: answer.requestId };
  checkAnswer(settings, answer.body, wanted, context);
  const data = normalizeWith(shapes, "ImageGeneration", answer.body as ImageGeneration);
  if (Array.isArray(data.data) && data.data.length === 0) {
    throw new NoImagesError(`${endpoint.method} ${endpoint.shownUrl}`, context);
  }
  return { data, requestId: answer.requestId, headers: answer.headers, attempts };
}
/**
 * A 2xx body held to the spec, and to the request's `n`: a `ResponseValidationError` (thrown, or
 * passed to `onWarning`) made whole, with the attempts the call took and the answer's request id.
 */
function checkAnswer(settings: Settings, body: unknown, wanted: number, context: ErrorContext): void {
  const problems = problemsIn(settings.validateResponses, validate_ImageGeneration, body);
  if (settings.validateResponses !== "off") problems.push(...tooMany(body, wanted));
  if (problems.length > 0) {
    report(settings, settings.validateResponses, new ResponseValidationError("ImageGeneration", problems, context));
  }
}

/**
 * More images than were asked for is a broken contract, not a bonus: a server that sends 5,000
 * would have them all downloaded and saved.
 */
function tooMany(body: unknown, wanted: number): SpecViolation[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || data.length <= wanted) return [];
  return [
    {
      pointer: "/data",
      expected: `at most ${wanted} image(s), as many as the request's n`,
      received: `${data.length} images`,
    },
  ];
}

/** The problems `validator` finds in `value`, or none when `mode` is `"off"`. */
function problemsIn(mode: ValidationMode, validator: Validator, value: unknown): SpecViolation[] {
  return mode === "off" ? [] : check(validator, value);
}

/** A spec violation, as `mode` says: thrown (`"strict"`) or reported and let through (`"warn"`). */
function report(settings: Settings, mode: ValidationMode, failure: SudoImagesError): void {
  if (mode === "strict") throw failure;
  settings.warn(failure);
}

/** The request as JSON, or a `RequestValidationError` for what JSON cannot hold (a cycle, a BigInt). */
function serialized(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    const violation = { pointer: "", expected: "a value JSON can hold", received: (error as Error).message };
    throw new RequestValidationError("ImageGenerationRequest", [violation]);
  }
}

/** A web page (window and document), as opposed to Node, Deno, Bun or a worker. */
