// Generated from openapi/sudo-images.yaml by `sudo-images codegen` (npm run generate in its repository).
// Do not edit: change the spec or the generator, then regenerate.

import { bindSpec } from "../runtime/index.js";
import { shapes, validators } from "./metadata.js";
import type { components } from "./schema.js";

export type { Normalized, SpecViolation } from "../runtime/index.js";
export { SpecViolationError } from "../runtime/index.js";
export { answers, bodySchemas, parameterTypes, routes, securitySchemes, shapes, validators } from "./metadata.js";
export type { components, operations, paths, webhooks } from "./schema.js";

/** The name of one of this spec's schemas (`components.schemas`). */
export type SchemaName = keyof components["schemas"] & string;
/** The name of a schema used as a request or response body: what `validate`, `normalize` and `parse` take. */
export type BodySchemaName = keyof BodyTypes & string;

/** Each body schema's type, by the name `validate`, `normalize` and `parse` take it by. */
export interface BodyTypes {
  "ErrorResponse": components["schemas"]["ErrorResponse"];
  "ImageGeneration": components["schemas"]["ImageGeneration"];
  "ImageGenerationRequest": components["schemas"]["ImageGenerationRequest"];
}

/** `normalize(schemaName, value)`, `validate(schemaName, value)` and `parse(schemaName, value)`, bound to this spec. */
export const { normalize, validate, parse } = bindSpec<components["schemas"], BodyTypes>(shapes, validators);
