import type { JsonSchema, Shape, Shapes } from "../runtime/types.js";
import { nonNullTypes, resolvedSchema } from "./body-schema.js";
import { patternSample } from "./pattern-sample.js";
import type { SpecFolder } from "./spec-folder.js";

type Schema = JsonSchema;
type Json = Record<string, unknown>;

/**
 * A schema-valid value for body schema `name` of `spec` with **every** property set, optional ones
 * too: an example, else the first enum value, else a value of its type within its bounds (a string
 * of its `format` or `pattern`; `allOf` branches merged, a `oneOf`/`anyOf` branch). The mock fills its
 * answers from it, so a field added to the spec appears there after regenerating. `seed` changes
 * the free values (strings and numbers the schema leaves open); the same seed gives the same body.
 * `branch` picks another `oneOf`/`anyOf` branch (the next non-null one, round the list) everywhere.
 */
export function filledBody(spec: SpecFolder, name: string, seed = 0, branch = 0): unknown {
  const root = Object.hasOwn(spec.bodySchemas, name) ? (spec.bodySchemas[name] as Schema) : {};
  return sample(root, root, 0, { seed, branch });
}

/**
 * `value` with every field the spec lets be null set to `null`, at every depth the generated shapes
 * name, but for the fields in `keep` (an image must still carry its image): the `"nulls"` scenario.
 */
export function withNulls(spec: SpecFolder, value: unknown, name: string, keep: ReadonlySet<string>): unknown {
  return nulled(spec.shapes, value, spec.shapes[name], keep);
}

/** `value` with only the properties the schema requires, at every depth (and those in `keep`): the `"minimal"` scenario. */
export function onlyRequired(spec: SpecFolder, value: unknown, name: string, keep: ReadonlySet<string>): unknown {
  const root = Object.hasOwn(spec.bodySchemas, name) ? (spec.bodySchemas[name] as Schema) : {};
  return required(value, root, root, keep);
}

/** How deep a generated value goes: a recursive schema (a tree of comments) stops here, with its least. */
const DEEPEST = 6;
/** Past `DEEPEST` only required properties are filled (an answer nests deeper than a tree's optional parts); none past this. */
const LAST = 24;

/** What varies a generated value: the seed of its free values, and which `oneOf`/`anyOf` branch it takes. */
interface Choice {
  seed: number;
  branch: number;
}

function sample(schema: Schema, root: Schema, depth: number, choice: Choice): unknown {
  const resolved = merged(resolvedSchema(schema, root), root);
  const types = nonNullTypes(resolved);
  // An example of another type is the spec's slip (Ory Hydra gives a list of URIs one URI as its example).
  const listed = ((resolved.examples ?? resolved.enum) as unknown[] | undefined)?.find(
    (value) => value !== null && (types.length === 0 || types.some((type) => fitsType(value, type))),
  );
  if (listed !== undefined) return listed;
  if (resolved.const !== undefined) return resolved.const;
  const branches = ((resolved.oneOf ?? resolved.anyOf) as Schema[] | undefined)?.filter((one) => one.type !== "null");
  const branch = branches?.[choice.branch % branches.length];
  if (branch !== undefined && resolved.oneOf !== undefined && Object.keys(branch).length === 0)
    return apartFrom(branches as Schema[], root);
  if (branch !== undefined) return sample(branch, root, depth, choice);
  switch (types[0] ?? (resolved.properties ? "object" : undefined)) {
    case "object":
      return sampleObject(resolved, root, depth, choice);
    case "array": {
      const count = Math.max(1, typeof resolved.minItems === "number" ? resolved.minItems : 1);
      const fits = depth <= DEEPEST && resolved.items !== undefined && count <= 100;
      return fits ? Array.from({ length: count }, () => sample(resolved.items as Schema, root, depth + 1, choice)) : [];
    }
    case "integer":
    case "number":
      return sampleNumber(resolved, choice.seed);
    case "boolean":
      return Math.abs(choice.seed) % 2 === 1;
    default:
      return sampleString(resolved, choice.seed);
  }
}

/** One value of each JSON type but null, the first a typeless `oneOf` branch may take. */
const ANY_VALUES: readonly unknown[] = [{}, 0, false, [], "x"];

/**
 * A value for the `oneOf` branch `{}` (any value) that no typed sibling takes: Sudo's `ToolChoice`
 * is a string or `{}`, and a string would match both branches, where `oneOf` wants exactly one.
 */
function apartFrom(branches: Schema[], root: Schema): unknown {
  const taken = branches.flatMap((one) => nonNullTypes(resolvedSchema(one, root)));
  return ANY_VALUES.find((value) => !taken.some((type) => fitsType(value, type))) ?? {};
}

/** Whether a JSON value is of a schema's `type` (a whole number is an `integer`, and a `number` too). */
function fitsType(value: unknown, type: string): boolean {
  if (Array.isArray(value)) return type === "array";
  if (typeof value === "number") return type === "number" || (type === "integer" && Number.isInteger(value));
  return typeof value === type;
}

/** A schema with its `allOf` branches merged in (properties and `required` joined): what a value must meet at once. */
function merged(schema: Schema, root: Schema): Schema {
  const branches = schema.allOf as Schema[] | undefined;
  if (!Array.isArray(branches)) return schema;
  const { allOf: _allOf, ...own } = schema;
  // Entries, never assignment: a spec's property named `__proto__` stays a property.
  const keywords: [string, unknown][] = [];
  const properties: [string, unknown][] = [];
  const required: string[] = [];
  for (const branch of branches) {
    const next = merged(resolvedSchema(branch, root), root);
    keywords.push(...Object.entries(next));
    properties.push(...Object.entries((next.properties ?? {}) as Schema));
    required.push(...((next.required as string[] | undefined) ?? []));
  }
  properties.push(...Object.entries((own.properties ?? {}) as Schema));
  required.push(...((own.required as string[] | undefined) ?? []));
  return {
    ...Object.fromEntries([...keywords, ...Object.entries(own)]),
    properties: Object.fromEntries(properties),
    required: [...new Set(required)],
  };
}

function sampleObject(schema: Schema, root: Schema, depth: number, choice: Choice): Json {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const properties = Object.fromEntries(
    Object.entries((schema.properties ?? {}) as Record<string, Schema>).filter(
      ([key]) => depth <= DEEPEST || (depth <= LAST && required.has(key)),
    ),
  );
  // A required property the schema does not describe takes any value: a string is one. Entries,
  // not assignments: a property named `__proto__` stays a property.
  const undescribed = [...required].map((key) => [key, "x"] as const);
  const described = Object.entries(properties).map(([key, child]) => [key, sample(child, root, depth + 1, choice)]);
  return Object.fromEntries([...undescribed, ...described]);
}

function sampleNumber(schema: Schema, seed: number): number {
  const step = typeof schema.multipleOf === "number" && schema.multipleOf > 0 ? schema.multipleOf : 1;
  const low =
    typeof schema.minimum === "number"
      ? schema.minimum
      : typeof schema.exclusiveMinimum === "number"
        ? schema.exclusiveMinimum + step
        : 0;
  const high =
    typeof schema.maximum === "number"
      ? schema.maximum
      : typeof schema.exclusiveMaximum === "number"
        ? schema.exclusiveMaximum - step
        : low + 1000;
  const start = Math.ceil(low / step) * step;
  const room = Math.max(0, Math.floor((high - start) / step));
  return start + (Math.abs(seed) % (room + 1)) * step;
}

/** A value for each `format` a reader parses: what a client that checks formats takes. */
const FORMATS: Readonly<Record<string, string>> = {
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  time: "00:00:00Z",
  email: "mock@example.com",
  uri: "https://example.com/mock",
  url: "https://example.com/mock",
  uuid: "00000000-0000-4000-8000-000000000000",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  hostname: "example.com",
};

function sampleString(schema: Schema, seed: number): string {
  const format = typeof schema.format === "string" && Object.hasOwn(FORMATS, schema.format) ? schema.format : "";
  if (format) return FORMATS[format] as string;
  const least = typeof schema.minLength === "number" ? Math.max(1, schema.minLength) : 6;
  const most = typeof schema.maxLength === "number" ? schema.maxLength : Number.POSITIVE_INFINITY;
  const patterned = typeof schema.pattern === "string" ? patternSample(schema.pattern) : undefined;
  // Held to the schema's own minLength, not to the six characters a free string gets (`#000` is a colour).
  const fewest = typeof schema.minLength === "number" ? schema.minLength : 0;
  if (patterned !== undefined && patterned.length >= fewest && patterned.length <= most) return patterned;
  const text = seed === 0 ? "x".repeat(least) : `mock${seed}`.padEnd(least, "x");
  return text.slice(0, Math.min(Math.max(least, text.length), most));
}

function nulled(shapes: Shapes, value: unknown, shape: Shape | string | undefined, keep: ReadonlySet<string>): unknown {
  const resolved = typeof shape === "string" ? shapes[shape] : shape;
  if (resolved === undefined || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => nulled(shapes, item, resolved.items, keep));
  const out: Json = {};
  for (const [key, field] of Object.entries(value)) {
    const nullable = resolved.nullable?.includes(key) && !keep.has(key);
    out[key] = nullable ? null : nulled(shapes, field, resolved.properties?.[key], keep);
  }
  for (const key of resolved.nullable ?? []) if (!(key in out) && !keep.has(key)) out[key] = null;
  return out;
}

function required(value: unknown, schema: Schema, root: Schema, keep: ReadonlySet<string>): unknown {
  const resolved = resolvedSchema(schema, root);
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    return resolved.items === undefined
      ? value
      : value.map((item) => required(item, resolved.items as Schema, root, keep));
  }
  const wanted = new Set((resolved.required as string[] | undefined) ?? []);
  const properties = (resolved.properties ?? {}) as Record<string, Schema>;
  const out: Json = {};
  for (const [key, field] of Object.entries(value)) {
    if (!wanted.has(key) && !keep.has(key)) continue;
    out[key] = properties[key] === undefined ? field : required(field, properties[key] as Schema, root, keep);
  }
  return out;
}
