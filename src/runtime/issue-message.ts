import type { ValidationIssue } from "./types.js";

/**
 * The keyword the generated validators check raw bytes with (a multipart file part: a string, a
 * `Blob` or a `Uint8Array`); its issue has `type` as a `type` keyword's does. No spec can write it:
 * the generator drops keywords that start with `x-` from the spec's schemas.
 */
export const RAW_BYTES_KEYWORD = "x-bytes";

/** The words for a bound, by keyword: what the limit counts. */
const COUNTED: Readonly<Record<string, [fewer: string, unit: string]>> = {
  minLength: ["fewer", "characters"],
  maxLength: ["more", "characters"],
  minItems: ["fewer", "items"],
  maxItems: ["more", "items"],
  minProperties: ["fewer", "properties"],
  maxProperties: ["more", "properties"],
};

/**
 * What a validator's issue says, in Ajv's own words ("must be integer", "must be <= 10", "must NOT
 * have fewer than 1 characters"). The generated validators carry no message text (it was a tenth
 * of their size on large specs); the words are made here, from the keyword and its parameters.
 *
 * @example
 * issueMessage({ keyword: "maximum", params: { comparison: "<=", limit: 10 }, ... }) // "must be <= 10"
 */
export function issueMessage({ keyword, params }: ValidationIssue): string {
  // `keyword` is one Ajv implements (it reports no other), never a name Object.prototype has.
  const counted = COUNTED[keyword];
  if (counted) return `must NOT have ${counted[0]} than ${String(params.limit)} ${counted[1]}`;
  switch (keyword) {
    case "type":
    case RAW_BYTES_KEYWORD:
      return `must be ${String(params.type)}`;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    case "multipleOf":
      return `must be multiple of ${String(params.multipleOf)}`;
    case "pattern":
      return `must match pattern "${String(params.pattern)}"`;
    case "format":
      return `must match format "${String(params.format)}"`;
    case "const":
      return "must be equal to constant";
    case "enum":
      return "must be equal to one of the allowed values";
    case "required":
      return `must have required property '${String(params.missingProperty)}'`;
    case "additionalProperties":
    case "unevaluatedProperties":
      return `must NOT have ${keyword === "additionalProperties" ? "additional" : "unevaluated"} properties`;
    case "uniqueItems":
      return `must NOT have duplicate items (items ## ${String(params.j)} and ${String(params.i)} are identical)`;
    case "oneOf":
      return "must match exactly one schema in oneOf";
    case "anyOf":
      return "must match a schema in anyOf";
    case "not":
      return "must NOT be valid";
    case "if":
      return `must match "${String(params.failingKeyword)}" schema`;
    case "false schema":
      return "boolean schema is false";
    default:
      return `must pass "${keyword}" keyword validation`;
  }
}
