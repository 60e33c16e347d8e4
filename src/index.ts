import { type ImagesClient, imagesClientWith } from "./client.js";
import type { ImagesClientOptions } from "./options.js";
import { specChecks } from "./spec-checks.js";

export {
  DEFAULT_BASE_URL,
  type FanOutOptions,
  type GenerateOptions,
  type GenerationResponse,
  type ImagesClient,
  type ImagesClientOptions,
  type Logger,
  type ReliabilityOptions,
  type RetryPolicy,
  type ValidationMode,
} from "./client.js";
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  CallbackError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  type ErrorBody,
  type FailedSubCall,
  ImageError,
  InternalServerError,
  InvalidResponseError,
  isSudoImagesError,
  MissingApiKeyError,
  NoImagesError,
  NotFoundError,
  PartialGenerationError,
  type PartialOutcome,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  RequestValidationError,
  ResponseValidationError,
  SpecValidationError,
  SudoImagesError,
  TimeoutError,
  UnprocessableEntityError,
} from "./errors.js";
export { type BodySchemaName, normalize, type SchemaName, validate } from "./generated/index.js";
export { detectImageType, type ImageBytesOptions, type ImageHosts, type ImageType, imageBytes } from "./images.js";
export { ModelWarning } from "./model-lifecycle.js";
export type { ImageData, ImageGeneration, ImageGenerationRequest, ImageUsage } from "./models.js";
export { createRawClient, type RawCallOptions, type RawClient } from "./raw.js";
export type { Normalized } from "./runtime/normalize.js";
export type { SpecViolation } from "./runtime/types.js";

/**
 * Creates a client for the Sudo images API, with every spec check wired in: the request is held to
 * the spec before it is sent (a model's rules, its lifecycle), a request for more images than one
 * call gives fans out into sub-calls, and each answer is held to the spec. Options are checked here:
 * a bad timeout, count, size or URL is a `ConfigurationError` naming the option (a missing key is
 * one at the first call). For a browser or edge bundle without the checks, see `sudo-images/lite`.
 *
 * @example
 * const client = createImagesClient(); // reads SUDO_API_KEY
 * const { data } = await client.generate({ prompt: "a lighthouse at dusk", model: "gpt-image-2" });
 * console.log(data[0]?.url);
 */
export function createImagesClient(options: ImagesClientOptions = {}): ImagesClient {
  return imagesClientWith(specChecks(options), options);
}
