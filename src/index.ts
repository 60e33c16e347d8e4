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
export { type Normalized, normalize } from "./normalize.js";
export { preview, validate } from "./validation.js";
