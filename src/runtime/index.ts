/**
 * `sudo-images/runtime` (also `sudo-images/spec`, its earlier name): what every generated folder's `index.ts` runs on (`bindSpec`). Folders inside
 * this repository import it; any other carries a copy (`runtime.ts`), so it needs nothing at run time.
 * Generated folders hold only data derived from their spec.
 */
import { type Normalized, normalizeWith } from "./normalize.js";
import { SpecViolationError } from "./spec-violation-error.js";
import type { Shapes, SpecViolation, Validator } from "./types.js";
import { validateWith } from "./validation.js";

export { type Normalized, normalizeWith } from "./normalize.js";
export { parameterValues, type RawValues } from "./parameter-values.js";
export { type RequestParts, type RequestRoute, type RequestSpec, requestViolations } from "./request-violations.js";
export { SpecViolationError } from "./spec-violation-error.js";
export type {
  DocumentedAnswer,
  JsonSchema,
  KeyedCondition,
  ParameterLocation,
  RuleLifecycle,
  SecurityScheme,
  Shape,
  Shapes,
  SpecViolation,
  ValidationIssue,
  Validator,
  WireScalar,
  WireType,
  WireTypes,
} from "./types.js";
export { describeViolations, unchecked, validateWith } from "./validation.js";

/** The type of the schema or body `Name`: a body's own type first, else the component schema's. */
export type TypeOfName<Schemas, Bodies, Name> = Name extends keyof Bodies
  ? Bodies[Name]
  : Name extends keyof Schemas
    ? Schemas[Name]
    : never;

/** The functions a generated folder exports, bound to its spec (what `bindSpec` returns). */
export interface BoundSpec<Schemas, Bodies> {
  /**
   * Drops every `null` the spec allows from a value of schema `schemaName`: a component schema, or
   * any body `validate` takes (an inline body is named `<operationId>_<request|status>`). A new
   * value; the input is never mutated. A `null` the spec does not allow is kept, for `validate` to
   * report. The result has the type of `schemaName`, normalized: it checks nothing, so give it a
   * value that `validate` passed (or call `parse`, which does both).
   */
  normalize<Name extends (keyof Schemas | keyof Bodies) & string>(
    schemaName: Name,
    value: unknown,
  ): Normalized<TypeOfName<Schemas, Bodies, Name>>;
  /** Every place where `value` breaks the body schema `schemaName`, each with its JSON pointer; none when it matches. */
  validate(schemaName: keyof Bodies & string, value: unknown): SpecViolation[];
  /**
   * `value` as a body of schema `schemaName`: validated, then normalized, and typed so. Throws a
   * `SpecViolationError` listing every violation when it does not match.
   */
  parse<Name extends keyof Bodies & string>(schemaName: Name, value: unknown): Normalized<Bodies[Name]>;
}

/**
 * `normalize`, `validate` and `parse` bound to one spec's generated data: what every generated
 * `index.ts` exports, so generated files hold only data and this code is checked once, here.
 *
 * @example
 * export const { normalize, validate, parse } = bindSpec<components["schemas"], BodyTypes>(shapes, validators);
 */
export function bindSpec<Schemas, Bodies>(
  shapes: Shapes,
  validators: Readonly<Record<keyof Bodies & string, Validator>>,
): BoundSpec<Schemas, Bodies> {
  const normalize = <Name extends string>(schemaName: Name, value: unknown) =>
    normalizeWith(shapes, schemaName, value) as never;
  return {
    normalize,
    validate: (schemaName, value) => validateWith(validators, schemaName, value),
    parse(schemaName, value) {
      const violations = validateWith(validators, schemaName, value);
      if (violations.length > 0) throw new SpecViolationError(schemaName, violations);
      return normalize(schemaName, value);
    },
  };
}
