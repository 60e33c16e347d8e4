import { dict, isSchema, type Schema } from "./schema-walk.js";

/** Follows a `$ref` to the schema it names, or gives `undefined` where it cannot. */
export type Resolve = (ref: string) => unknown;

const NULL_TYPE: Schema = { type: "null" };
/** Keywords that say nothing about which values pass; they stay outside a `null` wrapper. */
const COMPOSITION = ["$ref", "allOf", "oneOf", "anyOf", "not", "if"];
const ANNOTATIONS = ["title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples", "example"];

/**
 * The one decision this package makes about `null`: does `schema` let it through? Every spelling
 * found in published specs counts, so this answers the same for a spec as written and for its
 * canonical 3.1 form (`canonicalNullable`), and the types, validators and normalization metadata,
 * all made from that form, agree with it.
 *
 * - 3.1: `type: "null"` or `type: [T, "null"]`; `const: null`; an `enum` holding `null`;
 * - `oneOf`/`anyOf` with a branch that admits null; `allOf` whose every part does, or that has a
 *   part saying `nullable: true` (`allOf: [{$ref: User}, {nullable: true}]`, or with a `type` or
 *   fields beside it: how several generators and hand-written specs say "a User or null");
 * - 3.0 `nullable: true` (with or without `type`, beside `$ref`, `allOf`, `oneOf`, `anyOf`, `enum`),
 *   also when it appears in a 3.1 document, and Swagger's `x-nullable: true`;
 * - a `$ref` to a schema that admits null, when `resolve` is given (cycles answer no).
 * - `type: "null"` beside a `$ref` or a composition (`nullTypeAsNullable`).
 *
 * A schema with no constraint at all (`{}`) is not counted: it says nothing about null.
 *
 * @example
 * admitsNull({ $ref: "#/components/schemas/Owner", nullable: true }) // true
 * admitsNull({ allOf: [{ type: ["string", "null"] }, { type: "string" }] }) // false
 */
export function admitsNull(schema: unknown, resolve?: Resolve, seen: Set<string> = new Set()): boolean {
  if (!isSchema(schema)) return schema === true;
  if (schema.nullable === true || schema["x-nullable"] === true) return true;
  const { type } = schema;
  if (type === "null" || (Array.isArray(type) && type.includes("null"))) return true;
  if (schema.const === null || (Array.isArray(schema.enum) && schema.enum.includes(null))) return true;
  const branches = [schema.oneOf, schema.anyOf].filter(Array.isArray).flat();
  if (branches.some((branch) => admitsNull(branch, resolve, seen))) return true;
  const parts = schema.allOf;
  if (Array.isArray(parts) && parts.some(saysNullable)) return true;
  if (Array.isArray(parts) && parts.length > 0 && parts.every((part) => admitsNull(part, resolve, seen))) return true;
  const ref = schema.$ref;
  if (typeof ref !== "string" || resolve === undefined || seen.has(ref)) return false;
  return admitsNull(resolve(ref), resolve, new Set(seen).add(ref));
}

/** True for a schema that says 3.0's `nullable: true` (or Swagger's `x-nullable`). */
function saysNullable(schema: unknown): boolean {
  return isSchema(schema) && (schema.nullable === true || schema["x-nullable"] === true);
}

/** True for a schema holding nothing but annotations: a part that said only "or null" once that is lifted. */
function onlyAnnotations(schema: Schema): boolean {
  return Object.keys(schema).every((key) => ANNOTATIONS.includes(key));
}

/**
 * `allOf: [X, {nullable: true, …}]` as `{nullable: true, allOf: [X, {…}]}`: a part that says "or
 * null" says it of the schema it is part of (else it could never hold, X refusing null), which
 * `canonicalNullable` then rewrites as any nullable `allOf`. The part keeps its other keywords (a
 * `type`, fields it adds) and goes when only annotations are left. Applied before a schema's parts
 * are rewritten (they would no longer read as that part).
 *
 * @example
 * liftNullablePart({ allOf: [{ $ref: "#/components/schemas/User" }, { nullable: true }] })
 * // { allOf: [{ $ref: "#/components/schemas/User" }], nullable: true }
 */
export function liftNullablePart(schema: Schema): Schema {
  const parts = schema.allOf;
  if (!Array.isArray(parts) || !parts.some(saysNullable)) return schema;
  const kept = parts
    .map((part) => (saysNullable(part) ? withoutNullable(part as Schema) : part))
    .filter((part) => !isSchema(part) || !onlyAnnotations(part));
  const { allOf: _allOf, ...rest } = schema;
  return { ...rest, ...(kept.length > 0 ? { allOf: kept } : {}), nullable: true };
}

/** `schema` without `nullable` and `x-nullable`. */
function withoutNullable(schema: Schema): Schema {
  const { nullable: _nullable, "x-nullable": _xNullable, ...rest } = schema;
  return rest;
}

/**
 * `type: "null"` beside a `$ref` or a composition that refuses null admits no value at all, which
 * no spec means: it is how some converters spell 3.0's `nullable` (Vercel's `EdgeConfigItemValue`:
 * `type: "null"` beside a `oneOf` of string, number, object, array). Read as that schema, or null.
 *
 * @example
 * nullTypeAsNullable({ type: "null", oneOf: [{ type: "string" }, { type: "number" }] })
 * // { oneOf: [{ type: "string" }, { type: "number" }], nullable: true }
 */
function nullTypeAsNullable(schema: Schema): Schema {
  const { type, ...rest } = schema;
  const nullOnly = type === "null" || (Array.isArray(type) && type.length === 1 && type[0] === "null");
  const composed = ["$ref", "allOf", "oneOf", "anyOf"].some((key) => rest[key] !== undefined);
  return nullOnly && composed && !admitsNull(rest) ? { ...rest, nullable: true } : schema;
}

/** True for a schema that admits `null` and nothing else, in any of its spellings. */
export function isNullOnly(schema: unknown): boolean {
  if (!isSchema(schema)) return false;
  const { type, enum: values } = schema;
  return (
    type === "null" ||
    (Array.isArray(type) && type.length === 1 && type[0] === "null") ||
    (schema.const === null && type === undefined) ||
    (Array.isArray(values) && values.length > 0 && values.every((value) => value === null))
  );
}

/**
 * Rewrites one schema (its subschemas already rewritten) into the canonical 3.1 spelling of its
 * nullability, as `admitsNull` decides it on the schema itself (a `$ref` target is rewritten on its own):
 *
 * - a `type` or an `enum` with no `$ref`, composition or `const`: `"null"` joins the type and `null`
 *   the enum. So a 3.1 `type: [T, "null"]` whose enum forgot `null` gets it: the author meant
 *   nullable, and otherwise the type would say null while the validator refused it;
 * - `oneOf`/`anyOf` with only annotations beside it: a `{type: "null"}` branch, replacing any
 *   null-only branch (`const: null`, `enum: [null]`); "one schema or null" is always `anyOf`;
 * - no constraint at all (`{nullable: true}`): `anyOf: [{}, {type: "null"}]`;
 * - anything else (`$ref`, `allOf`, a composition beside other keywords): `anyOf: [schema, {type: "null"}]`,
 *   with the annotations lifted outside. `type: "null"` beside a `$ref` or a composition that
 *   refuses null is read as `nullable: true` first (`nullTypeAsNullable`).
 *
 * `nullable` and `x-nullable` are removed, whatever their value. A schema that does not admit null
 * comes back without them and otherwise unchanged; so does one that is already canonical.
 *
 * @example
 * canonicalNullable({ type: "object", nullable: true, allOf: [{ $ref: "#/components/schemas/Owner" }] })
 * // { anyOf: [{ type: "object", allOf: [{ $ref: "#/components/schemas/Owner" }] }, { type: "null" }] }
 */
export function canonicalNullable(written: Schema): Schema {
  const schema = nullTypeAsNullable(written);
  const rest = withoutNullable(schema);
  if (!admitsNull(schema) || isNullOnly(rest)) return rest;
  const keys = Object.keys(rest).filter((key) => !ANNOTATIONS.includes(key));
  if (keys.length === 0) return { ...rest, anyOf: [{}, NULL_TYPE] };
  const composed = COMPOSITION.some((key) => rest[key] !== undefined) || rest.const !== undefined;
  if (!composed && (rest.type !== undefined || Array.isArray(rest.enum))) return withNullType(rest);
  const [branchKey] = keys;
  const branches = rest[branchKey as string];
  if (keys.length === 1 && (branchKey === "oneOf" || branchKey === "anyOf") && Array.isArray(branches)) {
    const kept = branches.filter((branch) => !isNullOnly(branch));
    // A branch that admits null already lets it through; another null branch would break a oneOf.
    if (kept.some((branch) => admitsNull(branch))) return rest;
    // "X or null" is spelled one way, whichever keyword the spec used: with one other branch that
    // refuses null, oneOf and anyOf accept the same values.
    const { [branchKey]: _branches, ...others } = rest;
    return kept.length === 1
      ? { ...others, anyOf: [...kept, NULL_TYPE] }
      : { ...rest, [branchKey]: [...kept, NULL_TYPE] };
  }
  return wrapped(rest);
}

/** `type` widened to hold `"null"` (when there is a `type`), and `null` added to any `enum`. */
function withNullType(schema: Schema): Schema {
  const out: Schema = { ...schema };
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    out.type = types.includes("null") ? types : [...types, "null"];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
  return out;
}

/** `anyOf: [schema, null]`, the annotations lifted outside so documentation stays where it was. */
function wrapped(schema: Schema): Schema {
  const annotations: Schema = dict();
  const core: Schema = dict();
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.includes(key)) annotations[key] = value;
    else core[key] = value;
  }
  return { ...annotations, anyOf: [core, NULL_TYPE] };
}
