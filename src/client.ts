import { type ErrorContext, NoImagesError, RequestValidationError } from "./errors.js";
import { shapes } from "./generated/metadata.js";
import { attempt } from "./http/attempt.js";
import { retrying } from "./http/retry.js";
import { withTimeout } from "./http/timeout.js";
import type { GenerationResponse, ImageGeneration, ImageGenerationRequest } from "./models.js";
import {
  type CallSettings,
  type GenerateOptions,
  type ImagesClientOptions,
  resolveCall,
  resolveSettings,
  type Settings,
} from "./options.js";
import { normalizeWith } from "./runtime/normalize.js";
import type { SpecViolation } from "./runtime/types.js";

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

/** What `createImagesClient` returns; `Call` is the options one call takes. */
export interface ImagesClient<Call extends object = GenerateOptions> {
  /**
   * Generates images. Resolves to the normalized result; rejects with a `SudoImagesError` subclass
   * that says what failed, or with the signal's reason when cancelled. An answer with no image is a
   * `NoImagesError`.
   */
  generate(request: ImageGenerationRequest, options?: Call): Promise<ImageGeneration>;
  /**
   * `generate`, resolving to the result with the answer's request id, headers and attempt count:
   * what a batch job paces itself by.
   *
   * @example
   * const { data, requestId, headers } = await client.generateWithResponse({ prompt, model });
   * const left = Number(headers.get("x-ratelimit-remaining-requests"));
   */
  generateWithResponse(request: ImageGenerationRequest, options?: Call): Promise<GenerationResponse>;
}

/**
 * What the generate path holds to the spec, plugged in as a plain object (as openapi-fetch takes
 * middleware): `sudo-images` wires every check (`specChecks`), `sudo-images/lite` none, so the
 * compiled validators are bundled only where they are used. Each member is optional; without it a
 * call is one request sent as written, its answer is taken as the server sent it (normalized), and
 * an error body is read as it is.
 */
export interface SpecChecks {
  /**
   * Buys what a request asks for: holds it to the spec before anything is sent, plans it (one call,
   * or several when it asks for more images than one call gives), makes each call with `send` and
   * gathers their answers into one.
   */
  buy?(
    request: ImageGenerationRequest,
    call: CallSettings,
    options: GenerateOptions,
    send: SendCall,
  ): Promise<GenerationResponse>;
  /**
   * Holds a 2xx body (as parsed, before normalizing) to the spec and to the request that was sent;
   * what it breaks is thrown or passed to `onWarning`, as `validateResponses` says.
   */
  answer?(body: unknown, sent: ImageGenerationRequest, context: ErrorContext): void;
  /** How a non-2xx answer breaks the spec, for `ApiError.violations`. */
  errorViolations?(status: number, body: unknown): SpecViolation[];
}

/** One API call of a purchase: `request` as sent, under `idempotencyKey`, every error of it ending with `note`. */
export type SendCall = (
  request: ImageGenerationRequest,
  call: { idempotencyKey: string; note: string | undefined },
) => Promise<GenerationResponse>;

/**
 * A client of the generate path with `checks` plugged in: what each entry point's
 * `createImagesClient` is. Options are checked here: a bad timeout, count, size or URL is a
 * `ConfigurationError` naming the option (a missing key is one at the first call).
 * @internal
 */
export function imagesClientWith(checks: SpecChecks, options: ImagesClientOptions): ImagesClient {
  const settings = resolveSettings(options, checks.errorViolations);
  return {
    generate: async (request, call = {}) => (await generate(settings, checks, request, call)).data,
    generateWithResponse: (request, call = {}) => generate(settings, checks, request, call),
  };
}

/** One call: the request (nulls dropped) bought as the checks plan it, else sent as one API call. */
async function generate(
  settings: Settings,
  checks: SpecChecks,
  request: ImageGenerationRequest,
  options: GenerateOptions,
): Promise<GenerationResponse> {
  const call = resolveCall(settings, options);
  const body = normalizeWith(shapes, "ImageGenerationRequest", request);
  const send: SendCall = (sent, one) => generateOnce(settings, checks, sent, { ...call, ...one });
  return checks.buy
    ? checks.buy(body, call, options, send)
    : send(body, { idempotencyKey: call.idempotencyKey, note: undefined });
}

/** One API call: its attempts, then its answer held to the checks and normalized. */
async function generateOnce(
  settings: Settings,
  checks: SpecChecks,
  body: ImageGenerationRequest,
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
  checks.answer?.(answer.body, body, context);
  const data = normalizeWith(shapes, "ImageGeneration", answer.body as ImageGeneration);
  // Held to the spec or not, an answer with no list of images has none: typed as one, it would fail later.
  if (!Array.isArray(data?.data) || data.data.length === 0) {
    throw new NoImagesError(`${endpoint.method} ${endpoint.shownUrl}`, context);
  }
  return { data, requestId: answer.requestId, headers: answer.headers, attempts };
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
