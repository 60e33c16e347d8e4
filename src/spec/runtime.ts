/**
 * `sudo-images/spec`: what every generated folder's `index.ts` runs on. One copy, shipped with the
 * package, serves every folder `npm run generate` writes, so a fix here reaches them all without
 * regenerating; the folders hold only data derived from their spec and two one-line functions.
 */
import type { SpecViolation, Validator } from "./types.js";
import { check } from "./validation.js";

export { type Normalized, normalizeWith } from "./normalize.js";
export type { JsonSchema, Shape, Shapes, SpecViolation, ValidationIssue, Validator } from "./types.js";
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
