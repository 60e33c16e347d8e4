/**
 * `sudo-images/lite`: the image client for browser and edge bundles, the same generate path as
 * `sudo-images` with the spec checks plugged out (about half the bytes). What it keeps: the same
 * options otherwise, the same typed errors, retries, timeouts, concurrency limit, key hygiene
 * (scrubbed from every error, log and header; never over plain http to another host; refused in a
 * page without `dangerouslyAllowBrowser`), redirect refusal, the response size cap, and answers
 * normalized (no `null` the spec allows). What it leaves out, and so what the server decides: the
 * request is not held to the spec before sending (the server's 400 is a `BadRequestError` with its
 * message); a request for more images than a model gives per call is sent as one call (`n` as
 * given), not fanned out; a model's lifecycle is not noted; the answer is not held to the spec
 * schema (its type is what the spec promises, unchecked), and `ApiError.violations` is always empty.
 */
import { type ImagesClient as ClientOf, imagesClientWith, type SpecChecks } from "./client.js";
import { ConfigurationError } from "./errors.js";
import {
  CHECK_CALL_OPTIONS,
  CHECK_OPTIONS,
  type ImagesClientOptions as FullClientOptions,
  type GenerateOptions as FullGenerateOptions,
} from "./options.js";

/** Options of the lite `createImagesClient`: the full client's, less those only its spec checks read. */
export type ImagesClientOptions = Omit<FullClientOptions, (typeof CHECK_OPTIONS)[number]>;
/** Options of one lite `generate` call: the full client's, less fan-out's. */
export type GenerateOptions = Omit<FullGenerateOptions, (typeof CHECK_CALL_OPTIONS)[number]>;
/** What the lite `createImagesClient` returns. */
export type ImagesClient = ClientOf<GenerateOptions>;

/** No spec check at all: one request sent as written, its answer normalized. */
const NO_CHECKS: SpecChecks = {};

/**
 * Creates a client for the Sudo images API without the spec checks: for a browser or edge bundle,
 * where bytes count and the server is the judge of a request. Use `sudo-images` on a server, in a
 * CLI or in tests, and wherever a request should be refused before it is paid for or a request for
 * many images should fan out. An option only the full client honours (`validateRequests`,
 * `validateResponses`, `maxImagesPerCall`, `onWarning`, and per call `onImages`) is a
 * `ConfigurationError` naming it, never silently ignored.
 *
 * @example
 * import { createImagesClient } from "sudo-images/lite";
 * const client = createImagesClient({ baseUrl: "/api/sudo" }); // your server adds the key
 * const { data } = await client.generate({ prompt: "a lighthouse at dusk", model: "gpt-image-2" });
 */
export function createImagesClient(options: ImagesClientOptions = {}): ImagesClient {
  const client = imagesClientWith(NO_CHECKS, refused(options, CHECK_OPTIONS));
  return {
    generate: async (request, call = {}) => client.generate(request, refused(call, CHECK_CALL_OPTIONS)),
    generateWithResponse: async (request, call = {}) =>
      client.generateWithResponse(request, refused(call, CHECK_CALL_OPTIONS)),
  };
}

/** `options`, once none of `names` is set in it (`null` is not set): a `ConfigurationError` names the first that is. */
function refused<T extends object>(options: T, names: readonly string[]): T {
  const set = names.find((name) => (options as Record<string, unknown>)[name] != null);
  if (set !== undefined) {
    throw new ConfigurationError(
      `${set} is an option of the full client (sudo-images): sudo-images/lite makes no spec checks`,
    );
  }
  return options;
}

export { DEFAULT_BASE_URL } from "./client.js";
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  type ErrorBody,
  InternalServerError,
  InvalidResponseError,
  isSudoImagesError,
  MissingApiKeyError,
  NoImagesError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  RequestValidationError,
  SudoImagesError,
  TimeoutError,
  UnprocessableEntityError,
} from "./errors.js";
export type { Logger } from "./http/debug-log.js";
export type { RetryPolicy } from "./http/retry.js";
export type { GenerationResponse, ImageData, ImageGeneration, ImageGenerationRequest, ImageUsage } from "./models.js";
export type { ReliabilityOptions } from "./options.js";
export type { Normalized } from "./runtime/normalize.js";
