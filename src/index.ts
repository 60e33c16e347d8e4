export {
  createImagesClient,
  DEFAULT_BASE_URL,
  type GenerateOptions,
  type ImageData,
  type ImageGeneration,
  type ImageGenerationRequest,
  type ImagesClient,
  type ImagesClientOptions,
  type ImageUsage,
} from "./client.js";
export * from "./errors.js";
export { type BodySchemaName, normalize, type SchemaName, validate } from "./generated/index.js";
export { detectImageType, type ImageBytesOptions, ImageError, type ImageType, imageBytes } from "./images.js";
export type { Normalized } from "./spec/normalize.js";
export type { SpecViolation } from "./spec/types.js";
