import type { components } from "./generated/schema.js";
import type { Normalized } from "./runtime/normalize.js";

type Schemas = components["schemas"];

/** A request as you write it: fields the spec lets be `null` may also be `null` or left out. */
export type ImageGenerationRequest = Schemas["ImageGenerationRequest"];
/** The result of `generate`: no `null` anywhere, absent instead. */
export type ImageGeneration = Normalized<Schemas["ImageGeneration"]>;
/** One generated image: `url` or `b64_json`, and `revised_prompt` when the model rewrote the prompt. */
export type ImageData = Normalized<Schemas["ImageData"]>;
/** Token usage (OpenAI models only). */
export type ImageUsage = Normalized<Schemas["ImageUsage"]>;

/** A result with what the server said about it: what `generateWithResponse` resolves to. */
export interface GenerationResponse {
  /** The result, exactly as `generate` resolves to it. */
  data: ImageGeneration;
  /** The server's id for the answer (`x-request-id`), for a support ticket. */
  requestId: string | undefined;
  /** The answer's headers (rate limits: `x-ratelimit-remaining-requests` and the like), the key scrubbed from them. */
  headers: Headers;
  /** How many attempts the call took (1 when the first succeeded). */
  attempts: number;
}
