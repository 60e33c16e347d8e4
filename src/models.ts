import type { components } from "./generated/schema.js";
import type { Normalized } from "./spec/normalize.js";

type Schemas = components["schemas"];

/** A request as you write it: fields the spec lets be `null` may also be `null` or left out. */
export type ImageGenerationRequest = Schemas["ImageGenerationRequest"];
/** The result of `generate`: no `null` anywhere, absent instead. */
export type ImageGeneration = Normalized<Schemas["ImageGeneration"]>;
/** One generated image: `url` or `b64_json`, and `revised_prompt` when the model rewrote the prompt. */
export type ImageData = Normalized<Schemas["ImageData"]>;
/** Token usage (OpenAI models only). */
export type ImageUsage = Normalized<Schemas["ImageUsage"]>;
