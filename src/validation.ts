import type { SpecViolation } from "./errors.js";
import { type ValidationIssue, validators } from "./generated/metadata.js";
import { escapeToken, valueAt } from "./json-pointer.js";

/**
 * Checks `value` against the spec's schema `schemaName` and lists every problem, or none.
 * Runs a validator compiled ahead of time by `npm run generate`.
 *
 * @example
 * validate("ImageGenerationRequest", { prompt: "", model: "gpt-image-1" })
 * // [{ pointer: "/prompt", expected: "must NOT have fewer than 1 characters", received: '""' }]
 */
export function validate(schemaName: string, value: unknown): SpecViolation[] {
  const validator = Object.hasOwn(validators, schemaName) ? validators[schemaName] : undefined;
  if (validator === undefined) throw new Error(`The spec has no body schema named ${schemaName}`);
  if (validator(value)) return [];
  return (validator.errors ?? []).map((issue) => toViolation(issue, value));
}

function toViolation(issue: ValidationIssue, root: unknown): SpecViolation {
  const missing = issue.keyword === "required" ? String(issue.params.missingProperty) : undefined;
  if (missing !== undefined) {
    return {
      pointer: `${issue.instancePath}/${escapeToken(missing)}`,
      expected: "required property",
      received: "nothing",
    };
  }
  const expected = issue.keyword === "enum" ? `one of ${JSON.stringify(issue.params.allowedValues)}` : issue.message;
  return {
    pointer: issue.instancePath,
    expected: expected ?? issue.keyword,
    received: preview(valueAt(root, issue.instancePath)),
  };
}

/**
 * Lists violations in one line.
 *
 * @example
 * describeViolations(violations) // "/n: must be <= 10, got 11; /prompt: required property, got nothing"
 */
export function describeViolations(violations: readonly SpecViolation[]): string {
  return violations.map((v) => `${v.pointer || "(body)"}: ${v.expected}, got ${v.received}`).join("; ");
}

const PREVIEW_CHARS = 32;

/** A short, one-line picture of a value: a 4 MB base64 string shows its first 32 characters and its length. */
export function preview(value: unknown): string {
  if (typeof value === "string") {
    if (value.length <= PREVIEW_CHARS) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, PREVIEW_CHARS))}… (${value.length} characters)`;
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}
