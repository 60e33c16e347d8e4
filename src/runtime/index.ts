/**
 * `sudo-images/runtime` (also `sudo-images/spec`, its earlier name): what every generated folder's `index.ts` runs on (`bindSpec`). Folders inside
 * this repository import it; any other carries a copy (`runtime.ts`), so it needs nothing at run time.
 * Generated folders hold only data derived from their spec.
 */
import { type Normalized, normalizeWith } from "./normalize.js";
import type { Shapes, SpecViolation, Validator } from "./types.js";
import { check } from "./validation.js";

export { type Normalized, normalizeWith } from "./normalize.js";
export type {
  JsonSchema,
  KeyedCondition,
  RuleLifecycle,
  Shape,
  Shapes,
  SpecViolation,
  ValidationIssue,
  Validator,
} from "./types.js";
export { describeViolations, unchecked } from "./validation.js";

/**
 * Every place where `value` breaks the body schema `schemaName` of a generated `validators` table,
 * each with its JSON pointer; none when it matches. A name the table lacks (only possible when the
 * types were bypassed) is reported as a violation, never thrown.
 *
 * @example
 * validateWith(validators, "ImageGenerationRequest", { prompt: "" })
 * // [{ pointer: "/prompt", ... }, { pointer: "/model", expected: "required property", received: "nothing" }]
 */
export function validateWith<Name extends string>(
  validators: Readonly<Record<Name, Validator>>,
  schemaName: Name,
  value: unknown,
): SpecViolation[] {
  const validator = Object.hasOwn(validators, schemaName) ? validators[schemaName] : undefined;
  if (validator === undefined) {
    return [{ pointer: "", expected: "a body schema of the spec", received: JSON.stringify(String(schemaName)) }];
  }
  return check(validator, value);
}

/** The two functions a generated folder exports, bound to its spec (what `bindSpec` returns). */
export interface BoundSpec<Schemas, BodyName extends string> {
  /**
   * Drops every `null` the spec allows from a value of schema `schemaName`: a component schema, or
   * any body `validate` takes (an inline body is named `<operationId>_<request|status>`). A new
   * value; the input is never mutated. A `null` the spec does not allow is kept, for `validate` to
   * report. The result's type is the value's own, normalized: validate a body of unknown shape first.
   */
  normalize<Name extends (keyof Schemas & string) | BodyName, T = Name extends keyof Schemas ? Schemas[Name] : unknown>(
    schemaName: Name,
    value: T,
  ): Normalized<T>;
  /** Every place where `value` breaks the body schema `schemaName`, each with its JSON pointer; none when it matches. */
  validate(schemaName: BodyName, value: unknown): SpecViolation[];
}

/**
 * `normalize` and `validate` bound to one spec's generated data: what every generated `index.ts`
 * exports, so generated files hold only data and this code is checked once, here.
 *
 * @example
 * export const { normalize, validate } = bindSpec<components["schemas"], BodySchemaName>(shapes, validators);
 */
export function bindSpec<Schemas, BodyName extends string>(
  shapes: Shapes,
  validators: Readonly<Record<BodyName, Validator>>,
): BoundSpec<Schemas, BodyName> {
  return {
    normalize: (schemaName, value) => normalizeWith(shapes, schemaName, value),
    validate: (schemaName, value) => validateWith(validators, schemaName, value),
  };
}
