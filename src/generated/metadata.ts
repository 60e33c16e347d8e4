// Generated from openapi/sudo-images.yaml by `sudo-images codegen` (npm run generate in its repository).
// Do not edit: change the spec or the generator, then regenerate.

import type { DocumentedAnswer, JsonSchema, SecurityScheme, Shapes, Validator, WireTypes } from "../runtime/index.js";
import * as generated from "./validators.js";

// Typed here, so that TypeScript never infers a validator: on a large spec that passes its limit on
// control flow analysis, which then stays off for the rest of the program (every later file's types
// go wrong). Each is read as `generated.name`, which bundlers resolve to the function itself.
type Compiled = Readonly<Record<keyof typeof generated, Validator>>;

/**
 * Each operation's method, path (a webhook's: `webhook`, its name), the schema names of its request
 * and response bodies (JSON, form-encoded or multipart) and of its parameters by location, and the
 * security schemes it asks for (alternatives, each all of its names; `[]`: none), by operationId.
 */
export const routes = {
  "generateImage": {"method":"post","path":"/v1/images/generations","responses":{"200":"ImageGeneration","400":"ErrorResponse","401":"ErrorResponse","403":"ErrorResponse","404":"ErrorResponse","429":"ErrorResponse","500":"ErrorResponse","502":"ErrorResponse","503":"ErrorResponse"},"security":[["bearerAuth"]],"request":"ImageGenerationRequest","headers":{"200":["x-request-id"]}},
} as const;

/** How each parameters schema's values are read from wire text (`parameterValues`); a parameter not listed is a string. */
export const parameterTypes: Readonly<Record<string, WireTypes>> = {};

/** The spec's security schemes, each as what a client or a mock needs of it. */
export const securitySchemes: Readonly<Record<string, SecurityScheme>> = {
  "bearerAuth": {"type":"http","scheme":"bearer"},
};

/** Nullable fields by schema name (schemas with none, at any depth, are left out). */
export const shapes: Shapes = {
  "ImageGenerationRequest": {"nullable":["n","response_format","quality","size","style","background","moderation","output_compression","output_format"]},
  "ImageGeneration": {"nullable":["background","created","output_format","quality","size","usage"],"properties":{"data":{"items":"ImageData"}}},
  "ImageData": {"nullable":["b64_json","revised_prompt","url"]},
  "ErrorResponse": {"properties":{"error":"ErrorDetail"}},
  "ErrorDetail": {"nullable":["code","param"]},
};

/** Every schema a body schema reaches, with its `examples`: the `$defs` of each entry of `bodySchemas`. */
const defs: Readonly<Record<string, JsonSchema>> = {
  "ErrorDetail": {"type":"object","required":["message","type"],"properties":{"message":{"type":"string"},"type":{"type":"string"},"code":{"type":["string","null"]},"param":{"type":["string","null"]}}},
  "ImageUsage": {"type":"object","required":["input_tokens","output_tokens","total_tokens","input_tokens_details"],"properties":{"input_tokens":{"type":"integer","minimum":0,"maximum":2147483647},"output_tokens":{"type":"integer","minimum":0,"maximum":2147483647},"total_tokens":{"type":"integer","minimum":0,"maximum":2147483647},"input_tokens_details":{"$ref":"#/$defs/ImageInputTokens"}}},
  "ImageInputTokens": {"type":"object","required":["image_tokens","text_tokens"],"properties":{"image_tokens":{"type":"integer","minimum":0,"maximum":2147483647},"text_tokens":{"type":"integer","minimum":0,"maximum":2147483647}}},
  "ImageData": {"type":"object","properties":{"b64_json":{"type":["string","null"]},"revised_prompt":{"type":["string","null"]},"url":{"type":["string","null"]}}},
};

/**
 * Each request and response body's JSON Schema, and each operation's parameters object's, with its
 * `examples` and the `$defs` it needs: what `verifyServer` plans requests from and the mock
 * server fills its answers from.
 */
export const bodySchemas: Readonly<Record<string, JsonSchema>> = {
  "ErrorResponse": { ...{"type":"object","required":["error"],"properties":{"error":{"$ref":"#/$defs/ErrorDetail"}}}, $defs: defs },
  "ImageGeneration": { ...{"type":"object","required":["data"],"properties":{"background":{"type":["string","null"]},"created":{"type":["integer","null"],"minimum":0,"maximum":9007199254740991},"output_format":{"type":["string","null"]},"quality":{"type":["string","null"]},"size":{"type":["string","null"]},"usage":{"anyOf":[{"$ref":"#/$defs/ImageUsage"},{"type":"null"}]},"data":{"type":"array","items":{"$ref":"#/$defs/ImageData"}}}}, $defs: defs },
  "ImageGenerationRequest": { ...{"type":"object","required":["prompt","model"],"properties":{"prompt":{"type":"string","minLength":1},"model":{"type":"string","examples":["gpt-image-2","gpt-image-2.5","gpt-image-2.6"]},"n":{"type":["integer","null"],"minimum":1,"maximum":10},"response_format":{"type":["string","null"],"enum":["url","b64_json",null]},"quality":{"type":["string","null"],"enum":["low","medium","high","auto","xhigh","max","standard","hd",null]},"size":{"type":["string","null"],"pattern":"^(?:auto|[1-9][0-9]*x[1-9][0-9]*)$","examples":["auto","1024x1024","1536x1024","1024x1536","1536x864"]},"style":{"type":["string","null"],"enum":["vivid","natural",null]},"background":{"type":["string","null"],"examples":["transparent","opaque","auto"]},"moderation":{"type":["string","null"],"examples":["auto","low"]},"output_compression":{"type":["integer","null"],"minimum":0,"maximum":100},"output_format":{"type":["string","null"],"examples":["png","jpeg","webp"]}},"allOf":[{"if":{"required":["model"],"properties":{"model":{"type":"string","pattern":"^gpt-image-2(?:\\.[0-9]+)?(?:-|$)"}}},"then":{"properties":{"size":{"type":"string","pattern":"^(?:auto|(?:16|32|48|64|80|96|(?:[48]|1[26]|2[048]|3[26])(?:00|16|32|48|64|80|96)|(?:[159]|1[37]|2[159]|3[37])(?:12|28|44|60|76|92)|(?:[26]|1[048]|2[26]|3[04])(?:08|24|40|56|72|88)|(?:[37]|1[159]|2[37]|3[15])(?:04|20|36|52|68|84)|38(?:08|24|40))x(?:16|32|48|64|80|96|(?:[48]|1[26]|2[048]|3[26])(?:00|16|32|48|64|80|96)|(?:[159]|1[37]|2[159]|3[37])(?:12|28|44|60|76|92)|(?:[26]|1[048]|2[26]|3[04])(?:08|24|40|56|72|88)|(?:[37]|1[159]|2[37]|3[15])(?:04|20|36|52|68|84)|38(?:08|24|40)))$"}}}},{"if":{"required":["model"],"properties":{"model":{"type":"string","pattern":"^gpt-image-2(?:-|$)"}}},"then":{"properties":{"quality":{"enum":["low","medium","high","auto",null]}}}},{"if":{"required":["model"],"properties":{"model":{"type":"string","pattern":"^gpt-image-2\\.[56](?:-|$)"}}},"then":{"properties":{"quality":{"enum":["low","medium","high","auto","xhigh","max",null]}}}},{"if":{"required":["model"],"properties":{"model":{"type":"string","pattern":"^(?:gpt|chatgpt)-image-"}}},"then":{"properties":{"prompt":{"type":"string","maxLength":32000},"response_format":{"type":"null"},"style":{"type":"null"}}}},{"if":{"required":["model"],"properties":{"model":{"const":"gpt-image-1"}}},"then":{"properties":{"size":{"enum":["1024x1024","1536x1024","1024x1536","auto",null]},"quality":{"enum":["low","medium","high","auto",null]}}}},{"if":{"required":["model"],"properties":{"model":{"enum":["gpt-image-1-mini","gpt-image-1.5","chatgpt-image-latest"]}}},"then":{"properties":{"size":{"enum":["1024x1024","1536x1024","1024x1536","auto",null]},"quality":{"enum":["low","medium","high","auto",null]}}}},{"if":{"required":["model"],"properties":{"model":{"const":"dall-e-2"}}},"then":{"properties":{"prompt":{"type":"string","maxLength":1000},"size":{"enum":["256x256","512x512","1024x1024",null]},"quality":{"enum":["standard",null]},"style":{"type":"null"}}}},{"if":{"required":["model"],"properties":{"model":{"const":"dall-e-3"}}},"then":{"properties":{"prompt":{"type":"string","maxLength":4000},"n":{"enum":[1,null]},"size":{"enum":["1024x1024","1792x1024","1024x1792",null]},"quality":{"enum":["standard","hd",null]}}}},{"if":{"required":["output_compression"],"properties":{"output_compression":{"type":"integer"}}},"then":{"required":["output_format"],"properties":{"output_format":{"enum":["jpeg","webp"]}}}},{"if":{"required":["background"],"properties":{"background":{"const":"transparent"}}},"then":{"properties":{"output_format":{"enum":["png","webp",null]}}}}]}, $defs: defs },
};

/**
 * Each operation's documented answers by status (`"200"`, `"4XX"`, `"default"`): the media type
 * (none for an answer without a body) and the named examples: what a mock server answers with.
 */
export const answers: Readonly<Record<string, Readonly<Record<string, DocumentedAnswer>>>> = {
  "generateImage": {"200":{"type":"application/json"},"400":{"type":"application/json"},"401":{"type":"application/json"},"403":{"type":"application/json"},"404":{"type":"application/json"},"429":{"type":"application/json"},"500":{"type":"application/json"},"502":{"type":"application/json"},"503":{"type":"application/json"}},
};

/** Validates a body against the spec's `ErrorResponse` schema. */
export const validate_ErrorResponse: Validator = (generated as unknown as Compiled).validate_ErrorResponse;

/** Validates a body against the spec's `ImageGeneration` schema. */
export const validate_ImageGeneration: Validator = (generated as unknown as Compiled).validate_ImageGeneration;

/** Validates a body against the spec's `ImageGenerationRequest` schema. */
export const validate_ImageGenerationRequest: Validator = /* @__PURE__ */ Object.assign((generated as unknown as Compiled).validate_ImageGenerationRequest, {"rules":{"#/allOf/0/then":"gpt-image-2","#/allOf/1/then":"gpt-image-2 quality","#/allOf/2/then":"gpt-image-2.5 and gpt-image-2.6","#/allOf/3/then":"gpt-image-* and chatgpt-image-*","#/allOf/4/then":"gpt-image-1","#/allOf/5/then":"gpt-image-1-mini, gpt-image-1.5, chatgpt-image-latest","#/allOf/6/then":"dall-e-2","#/allOf/7/then":"dall-e-3","#/allOf/8/then":"output_compression","#/allOf/9/then":"background: transparent"},"lifecycles":{"#/allOf/0/then":{"when":{"model":{"pattern":"^gpt-image-2(?:\\.[0-9]+)?(?:-|$)"}},"status":"live","since":"2026-04"},"#/allOf/2/then":{"when":{"model":{"pattern":"^gpt-image-2\\.[56](?:-|$)"}},"status":"live"},"#/allOf/4/then":{"when":{"model":{"const":"gpt-image-1"}},"status":"shut-down","since":"2026-10-23","replacement":"gpt-image-2"},"#/allOf/5/then":{"when":{"model":{"enum":["gpt-image-1-mini","gpt-image-1.5","chatgpt-image-latest"]}},"status":"shut-down","since":"2026-12-01","replacement":"gpt-image-2"},"#/allOf/6/then":{"when":{"model":{"const":"dall-e-2"}},"status":"shut-down","since":"2026-05-12","replacement":"gpt-image-2"},"#/allOf/7/then":{"when":{"model":{"const":"dall-e-3"}},"status":"shut-down","since":"2026-05-12","replacement":"gpt-image-2"}},"patterns":{"#/allOf/0/then/properties/size":"auto or WxH, each side a multiple of 16 up to 3840"}} as const);

/** A validator for every schema used as a request or response body or as an operation's parameters, by schema name. */
export const validators = {
  "ErrorResponse": validate_ErrorResponse,
  "ImageGeneration": validate_ImageGeneration,
  "ImageGenerationRequest": validate_ImageGenerationRequest,
} as const;
