export {
  createImagesClient,
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
export { createRawClient } from "./raw.js";
export type { Normalized } from "./runtime/normalize.js";
export type { SpecViolation } from "./runtime/types.js";
