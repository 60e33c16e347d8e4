import { literal } from "./code-text.js";

/** A JavaScript string literal as Ajv writes one (JSON): quotes inside are escaped. */
export const STRING = String.raw`"(?:[^"\\\n]|\\.)*"`;

/** Ajv's constant for a compiled schema: `const schema7 = {…JSON…};`, one line. */
const SCHEMA_CONSTANT = /^const (schema\d+) = (.*);$/gm;
/**
 * A read of part of one (`schema7.allOf[1].then.properties["a-b"].enum`, as Ajv's `getProperty`
 * writes it), or a string literal: scanned in one pass, so a read is never found inside a string.
 */
const READ_OR_STRING = new RegExp(
  String.raw`\b(schema\d+)((?:\.[A-Za-z_$][\w$]*|\[\d+\]|\[${STRING}\])+)|${STRING}`,
  "g",
);
/** One step of such a read. */
const STEP = new RegExp(String.raw`\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[(${STRING})\]`, "g");
/** The lines that append an issue: only run when a body is invalid, so a literal there costs nothing per call. */
const ISSUE_LINE = /^vErrors = _issue\(.*$/gm;

/**
 * `code` (Ajv's standalone validators, issues appended by `_issue`) with each read of a schema
 * constant in an issue's parameters (`{allowedValues: schema7.allOf[1].then.properties.quality.enum}`)
 * written as the value it reads (`{allowedValues: ["low","high",null]}`), so that the constant,
 * a copy of the whole schema, is left unread and can be dropped. Reads elsewhere, and any this
 * cannot resolve, stay as they are; text inside string literals is never touched.
 *
 * @example
 * inlinedSchemaReads('const schema1 = {"enum":["a"]};\nvErrors = _issue(vErrors,instancePath,"#/enum","enum",{allowedValues: schema1.enum});')
 * // '…{allowedValues: ["a"]});'
 */
export function inlinedSchemaReads(code: string): string {
  const schemas = new Map<string, unknown>();
  for (const [, name, json] of code.matchAll(SCHEMA_CONSTANT)) {
    const value = parsedJson(json as string);
    if (value !== undefined) schemas.set(name as string, value);
  }
  if (schemas.size === 0) return code;
  return code.replace(ISSUE_LINE, (line) =>
    line.replace(READ_OR_STRING, (text, name: string | undefined, path: string | undefined) =>
      name === undefined ? text : (valueText(schemas.get(name), path as string) ?? text),
    ),
  );
}

/** The literal of what `path` (a run of property and index steps) reads from `root`, or `undefined` where it reads nothing. */
function valueText(root: unknown, path: string): string | undefined {
  let value = root;
  for (const [, name, index, quoted] of path.matchAll(STEP)) {
    const key = name ?? index ?? (JSON.parse(quoted as string) as string);
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value === undefined ? undefined : literal(value);
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
