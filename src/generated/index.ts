// Generated from openapi/sudo-images.yaml by `npm run generate` (scripts/generate.ts).
// Do not edit: change the spec or the generator, then regenerate.

import { bindSpec } from "../spec/runtime.js";
import { shapes, validators } from "./metadata.js";
import type { components } from "./schema.js";

export type { Normalized, SpecViolation } from "../spec/runtime.js";
export { routes, shapes, validators } from "./metadata.js";
export type { components, operations, paths } from "./schema.js";

/** The name of one of this spec's schemas (`components.schemas`). */
export type SchemaName = keyof components["schemas"] & string;
/** The name of a schema used as a request or response body: those have a compiled validator. */
export type BodySchemaName = keyof typeof validators;

/**
 * `normalize(schemaName, value)` drops every `null` this spec allows from a value of that schema;
 * `validate(schemaName, value)` lists where a body breaks its schema, each with a JSON pointer.
 */
export const { normalize, validate } = bindSpec<components["schemas"], BodySchemaName>(shapes, validators);
