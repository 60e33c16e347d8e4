import { issueMessage } from "./issue-message.js";
import { escapeToken, pointerKeys, valueAt } from "./json-pointer.js";
import type { SpecViolation, ValidationIssue, Validator } from "./types.js";

/**
 * Runs one generated validator and lists its problems, each with its JSON pointer, or none.
 * The client calls this with the two validators it needs, so a bundle of the client leaves the
 * others out; generated folders bind it to all of theirs as `validate(schemaName, value)`.
 *
 * @example
 * check(validate_ImageGenerationRequest, { prompt: "", model: "gpt-image-1" })
 * // [{ pointer: "/prompt", expected: "must NOT have fewer than 1 characters", received: '""' }]
 */
export function check(validator: Validator, value: unknown): SpecViolation[] {
  let valid: boolean;
  try {
    valid = validator(value);
  } catch (error) {
    // A compiled validator recurses once per level: a body nested deeper than the stack allows
    // cannot be checked, and that is a violation to report, never an exception.
    if (!(error instanceof RangeError)) throw error;
    return [{ pointer: "", expected: "a body the validator can walk", received: "a value nested too deeply" }];
  }
  if (valid) return [];
  return distinct(withoutUnionNoise(validator.errors ?? []).map((issue) => toViolation(issue, value, validator)));
}

/**
 * Each violation once: the branches of an `anyOf` of components (`customer` or `deleted_customer`)
 * that share a field each report its problem, and a reader needs it said once.
 */
function distinct(violations: SpecViolation[]): SpecViolation[] {
  const seen = new Set<string>();
  return violations.filter((violation) => {
    const said = `${violation.pointer}\0${violation.expected}\0${violation.received}`;
    if (seen.has(said)) return false;
    seen.add(said);
    return true;
  });
}

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

/**
 * The validator of a body schema the generator could not compile (it warned, naming the schema's
 * place in the spec): every value passes, and the first call says so on the console, once per
 * schema, so an unchecked body never passes for a checked one in silence. `reason` is on the
 * validator as `unchecked`.
 *
 * @example
 * export const validate_Pet: Validator = unchecked("Pet", "pattern is not a regular expression");
 */
export function unchecked(schemaName: string, reason: string): Validator {
  let told = false;
  const accept = () => {
    if (!told)
      console.warn(`${JSON.stringify(schemaName)} is not checked: the generator could not compile it (${reason})`);
    told = true;
    return true;
  };
  return Object.assign(accept, { unchecked: reason });
}

/**
 * A nullable field written as `oneOf: [X, {type: "null"}]` that fails X also fails "must be null"
 * and the `oneOf` itself; a broken `then` also fails its `if` ("must match then schema"), and a
 * refused property name also fails `propertyNames`. Those
 * say nothing the failure inside does not, so they are left out wherever another problem sits at
 * or below the same place.
 */
function withoutUnionNoise(issues: ValidationIssue[]): ValidationIssue[] {
  const isNoise = (issue: ValidationIssue) =>
    /^(oneOf|anyOf|if|propertyNames)$/.test(issue.keyword) ||
    (issue.keyword === "type" && issue.params.type === "null" && /\/(oneOf|anyOf)\/\d+\/type$/.test(issue.schemaPath));
  const signal = issues.filter((issue) => !isNoise(issue));
  return issues.filter(
    (issue) =>
      !isNoise(issue) ||
      !signal.some(
        (other) => other.instancePath === issue.instancePath || other.instancePath.startsWith(`${issue.instancePath}/`),
      ),
  );
}

function toViolation(issue: ValidationIssue, root: unknown, { rules, patterns }: Validator): SpecViolation {
  const rule = rules && Object.keys(rules).find((then) => issue.schemaPath.startsWith(`${then}/`));
  // A property missing, or one whose name a `propertyNames` rule refused: the pointer names it.
  const { propertyName: refused } = issue;
  const missing = issue.keyword === "required" ? String(issue.params.missingProperty) : refused;
  const pointer = missing === undefined ? issue.instancePath : `${issue.instancePath}/${escapeToken(missing)}`;
  // The name a rule refused is what was received; a missing property, nothing.
  const received = preview(missing === undefined ? valueAt(root, pointer) : refused);
  const title = rule === undefined ? undefined : rules?.[rule];
  const words = issue.keyword === "pattern" ? patterns?.[issue.schemaPath.replace(/\/pattern$/, "")] : undefined;
  if (title !== undefined)
    return { pointer, expected: `${title} takes ${ruleText(issue, pointer, words)}`, received, rule: title };
  const expected =
    refused !== undefined
      ? `a property name that ${issueMessage(issue)}`
      : missing !== undefined
        ? "required property"
        : issue.keyword === "enum"
          ? `one of ${allowed(issue.params.allowedValues)}`
          : words !== undefined
            ? `must be ${words}`
            : issueMessage(issue);
  return { pointer, expected, received };
}

/**
 * What a conditional rule wants of one field, as its subject "takes" it: `n: 1`, `n up to 10`,
 * `no response_format`, `prompt up to 1000 characters`, `size auto or WxH, …` (a pattern in the
 * spec's `words`); else the validator's own words.
 */
function ruleText(issue: ValidationIssue, pointer: string, words: string | undefined): string {
  const { keyword, params } = issue;
  const field = pointerKeys(pointer).at(-1) ?? "the body";
  if (keyword === "enum") return `${field}: ${allowed(params.allowedValues).replace(/, (?=[^,]*$)/, " or ")}`;
  if (keyword === "maximum" || keyword === "maxLength")
    return `${field} up to ${String(params.limit)}${keyword === "maxLength" ? " characters" : ""}`;
  if (keyword === "type" && params.type === "null") return `no ${field}`;
  if (words !== undefined) return `${field} ${words}`;
  if (keyword === "pattern" && String(params.pattern).length > LONGEST_PATTERN)
    return `${field} of the form the pattern at ${issue.schemaPath.replace(/\/pattern$/, "")} in the spec sets`;
  return keyword === "required" ? field : `${field} that ${issueMessage(issue)}`;
}

/**
 * A pattern longer than this is a grammar no reader parses in a message: its place is named
 * instead, unless the spec says it in words (`x-pattern-description`, as gpt-image-2's sizes do).
 */
const LONGEST_PATTERN = 80;

/**
 * An enum's values as a reader wants them: `256x256, 512x512, auto`; a string that is not one plain
 * word (`""`, `"a, b"`, `"two words"`) and any value not a string as JSON (`{"x":0}`), so every
 * value can be told apart; a null the enum allows goes unsaid.
 */
function allowed(values: unknown): string {
  if (!Array.isArray(values)) return String(values);
  const shown = values
    .filter((value) => value !== null)
    .map((value) => (typeof value === "string" && PLAIN_WORD.test(value) ? value : JSON.stringify(value)));
  return shown.join(", ");
}

/** A value shown without quotes: letters, digits and `_ . : / + -`, such as `gpt-image-2` or `image/png`. */
const PLAIN_WORD = /^[\w.:/+-]+$/;

/** How many violations a one-line description names before it says how many more there are. */
const LISTED = 8;

/**
 * Lists violations in one line: the first eight, then how many more (the error keeps them all).
 *
 * @example
 * describeViolations(violations) // "/n: must be <= 10, got 11; /prompt: required property, got nothing"
 */
export function describeViolations(violations: readonly SpecViolation[]): string {
  const listed = violations.slice(0, LISTED).map((v) => `${v.pointer || "(body)"}: ${v.expected}, got ${v.received}`);
  const more = violations.length > LISTED ? `; … and ${violations.length - LISTED} more` : "";
  return `${listed.join("; ")}${more}`;
}

const PREVIEW_CHARS = 32;

/** A short, one-line picture of a value: a 4 MB base64 string shows its first 32 characters and its length. */
function preview(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") {
    if (value.length <= PREVIEW_CHARS) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, PREVIEW_CHARS))}… (${value.length} characters)`;
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}
