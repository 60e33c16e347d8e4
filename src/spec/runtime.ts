/**
 * `sudo-images/spec`: what a generated folder's `index.ts` binds its spec's data to. One copy,
 * shipped with the package, serves every folder `npm run generate` writes, so a fix here reaches
 * them all without regenerating; the folders hold only data derived from their spec.
 */
import { type Normalized, normalizeWith } from "./normalize.js";
import type { Shapes, SpecViolation, Validator } from "./types.js";
import { check } from "./validation.js";

export type { Normalized } from "./normalize.js";
export type { Shape, Shapes, SpecViolation, ValidationIssue, Validator } from "./types.js";
export { describeViolations } from "./validation.js";

/** `normalize` and `validate` for one spec, keyed by that spec's schema names. */
export interface SpecRuntime<Schemas, BodyName extends string> {
  /**
   * Drops every `null` the spec allows from a value of schema `schemaName` (a new value; the input
   * is never mutated). A `null` the spec does not allow is kept, for `validate` to report. The
   * result's type is the value's own, normalized: validate a body of unknown shape first.
   */
  normalize<Name extends keyof Schemas & string, T = Schemas[Name]>(schemaName: Name, value: T): Normalized<T>;
  /** Every place where `value` breaks the body schema `schemaName`, each with its JSON pointer; none when it matches. */
  validate(schemaName: BodyName, value: unknown): SpecViolation[];
}

/**
 * Binds the runtime to one spec's generated shapes and validators. Generated `index.ts` files
 * call it; you need it only to build a folder of your own.
 *
 * @example
 * export const { normalize, validate } = bindSpec<components["schemas"], keyof typeof validators>(shapes, validators);
 */
export function bindSpec<Schemas, BodyName extends string>(
  shapes: Shapes,
  validators: Readonly<Record<BodyName, Validator>>,
): SpecRuntime<Schemas, BodyName> {
  return {
    normalize: (schemaName, value) => normalizeWith(shapes, schemaName, value),
    validate(schemaName, value) {
      const validator = Object.hasOwn(validators, schemaName) ? validators[schemaName] : undefined;
      if (validator === undefined) {
        return [{ pointer: "", expected: "a body schema of the spec", received: JSON.stringify(String(schemaName)) }];
      }
      return check(validator, value);
    },
  };
}
