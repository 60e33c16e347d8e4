// Generated from openapi/sudo-images.yaml by `sudo-images codegen` (npm run generate in its repository).
// Do not edit: change the spec or the generator, then regenerate.

import { type Normalized, normalizeWith, type SpecViolation, validateWith } from "../spec/runtime.js";
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
 * Drops every `null` this spec allows from a value of schema `schemaName`: a component schema, or
 * any body `validate` takes (an inline body is named `<operationId>_<request|status>`). A new value;
 * the input is never mutated. A `null` the spec does not allow is kept, for `validate` to report. The result's type
 * is the value's own, normalized: validate a body of unknown shape first.
 */
export function normalize<Name extends SchemaName | BodySchemaName, T = Name extends SchemaName ? components["schemas"][Name] : unknown>(schemaName: Name, value: T): Normalized<T> {
  return normalizeWith(shapes, schemaName, value);
}

/** Every place where `value` breaks the body schema `schemaName`, each with its JSON pointer; none when it matches. */
export function validate(schemaName: BodySchemaName, value: unknown): SpecViolation[] {
  return validateWith(validators, schemaName, value);
}
