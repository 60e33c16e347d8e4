import { _, type Code, type KeywordCxt, type KeywordDefinition, type Name } from "ajv/dist/2020.js";
import { RAW_BYTES_KEYWORD } from "../runtime/issue-message.js";
import { isSchema, mapSchema, type Schema } from "./schema-walk.js";

/**
 * A string the spec says is raw bytes: `format: binary` (3.0), or a `contentMediaType` with no
 * `contentEncoding` (3.1: bytes, not base64 text). In a multipart body that is a file part, and
 * what a caller holds for it is a `Blob` (a `File`), a `Uint8Array` (a `Buffer`), or a string; the
 * types say so and the validators accept the same three, wherever the schema is used (a component
 * cannot know which media type reaches it).
 */
export function isRawBytes(schema: Schema): boolean {
  if (!typesOf(schema.type).includes("string")) return false;
  return (
    schema.format === "binary" || (typeof schema.contentMediaType === "string" && schema.contentEncoding === undefined)
  );
}

/** What a raw-bytes value may be, and the other types its schema lists: `string, Blob, Uint8Array or null`. */
function acceptedWords(others: readonly string[]): string {
  const all = ["string", "Blob", "Uint8Array", ...others];
  return `${all.slice(0, -1).join(", ")} or ${all.at(-1)}`;
}

/** Keywords of a raw-bytes string that assert nothing once it may be a `Blob` (annotations in 2020-12). */
const BYTES_ANNOTATIONS = new Set(["type", "format", "contentMediaType", "contentEncoding"]);
/** Keywords that check strings only: they stay with a `type: "string"` beside them, as Ajv's strict mode wants. */
const STRING_KEYWORDS = new Set(["minLength", "maxLength", "pattern"]);

/**
 * `schema` with each raw-bytes string's `type` replaced by `RAW_BYTES_KEYWORD` (which also takes
 * the other types it listed), so a `Blob` or `Uint8Array` passes where the spec wants bytes. A
 * length or pattern the spec sets still holds for a string, in an `allOf` member of its own.
 */
export function acceptingRawBytes(schema: Schema): Schema {
  const mapped = mapSchema(schema, (node) => {
    if (!isRawBytes(node)) return node;
    const out: Schema = { [RAW_BYTES_KEYWORD]: typesOf(node.type).filter((name) => name !== "string") };
    const strings: Schema = {};
    for (const [key, value] of Object.entries(node)) {
      if (STRING_KEYWORDS.has(key)) strings[key] = value;
      else if (!BYTES_ANNOTATIONS.has(key)) out[key] = value;
    }
    if (Object.keys(strings).length === 0) return out;
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword; the object is never awaited.
    const forStrings = { if: { type: "string" }, then: { type: "string", ...strings } };
    return { ...out, allOf: [...(Array.isArray(out.allOf) ? out.allOf : []), forStrings] };
  });
  return isSchema(mapped) ? mapped : schema;
}

function typesOf(type: unknown): unknown[] {
  return Array.isArray(type) ? type : [type];
}

/** JSON Schema's type checks, as Ajv writes them, for the types listed beside raw bytes. */
const TYPE_CHECKS: Readonly<Record<string, (data: Name) => Code>> = {
  null: (data) => _`${data} === null`,
  boolean: (data) => _`typeof ${data} == "boolean"`,
  number: (data) => _`(typeof ${data} == "number" && isFinite(${data}))`,
  integer: (data) => _`(typeof ${data} == "number" && !(${data} % 1) && !isNaN(${data}) && isFinite(${data}))`,
  array: (data) => _`Array.isArray(${data})`,
  object: (data) => _`(${data} && typeof ${data} == "object" && !Array.isArray(${data}))`,
};

/**
 * `RAW_BYTES_KEYWORD` for Ajv: compiled into the standalone code (no function to import at run
 * time). `Blob` is looked up when the check runs, so the code loads where there is none.
 */
export const rawBytesKeyword: KeywordDefinition = {
  keyword: RAW_BYTES_KEYWORD,
  schemaType: "array",
  error: {
    message: "must be string, Blob or Uint8Array",
    // `type`, as a `type` keyword's issue has it: the runtime words both alike.
    params: ({ schema }) => _`{type: ${acceptedWords(schema as string[])}}`,
  },
  code(cxt: KeywordCxt) {
    const { data } = cxt;
    let accepted = _`typeof ${data} == "string" || ${data} instanceof Uint8Array || (typeof Blob == "function" && ${data} instanceof Blob)`;
    for (const type of cxt.schema as string[]) {
      const check = TYPE_CHECKS[type];
      if (check !== undefined) accepted = _`${accepted} || ${check(data)}`;
    }
    cxt.fail(_`!(${accepted})`);
  },
};
