import { pointerKeys, valueAt } from "../runtime/json-pointer.js";
import type { OpenApiDocument } from "./spec-source.js";

/** A JSON Schema or OpenAPI Schema Object, as parsed from the spec. */
export type Schema = { [keyword: string]: unknown };

const SUBSCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SUBSCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SUBSCHEMA_SINGLE = [
  "items",
  "additionalProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "contentSchema",
];

/** True for a value that can hold schema keywords (not a boolean schema, not an array). */
export function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** How `mapSchema` rebuilds each schema: `visit` after its subschemas, `before` (if any) before them. */
export type SchemaVisit = ((schema: Schema) => Schema) & { before?: (schema: Schema) => Schema };

/**
 * Rebuilds a schema bottom-up: `visit` sees each schema after its subschemas were rebuilt (and
 * `visit.before`, if there is one, sees it as written, before them). The input is never mutated.
 */
export function mapSchema(written: unknown, visit: SchemaVisit): unknown {
  if (!isSchema(written)) return written;
  const schema = visit.before ? visit.before(written) : written;
  return visit(withSubschemas(schema, (sub) => mapSchema(sub, visit)));
}

/**
 * A shallow copy of `schema` with each of its subschemas (the keywords that hold schemas, one
 * level down; boolean schemas stay as they are) replaced by `replace(subschema, keyword, key)`:
 * `key` is the property name under `properties`, the index under `allOf`, none under `items`.
 */
export function withSubschemas(
  schema: Schema,
  replace: (subschema: Schema, keyword: string, key?: string | number) => unknown,
): Schema {
  const out: Schema = { ...schema };
  for (const keyword of SUBSCHEMA_MAPS) {
    const map = schema[keyword];
    if (isSchema(map)) {
      out[keyword] = Object.fromEntries(
        Object.entries(map).map(([name, sub]) => [name, isSchema(sub) ? replace(sub, keyword, name) : sub]),
      );
    }
  }
  for (const keyword of SUBSCHEMA_LISTS) {
    const list = schema[keyword];
    if (Array.isArray(list))
      out[keyword] = list.map((sub, index) => (isSchema(sub) ? replace(sub, keyword, index) : sub));
  }
  for (const keyword of SUBSCHEMA_SINGLE) {
    const sub = schema[keyword];
    if (isSchema(sub)) out[keyword] = replace(sub, keyword);
  }
  return out;
}

/** The component name a local `#/components/schemas/Name` reference points at, if that is what it is. */
export function refName(schema: Schema): string | undefined {
  const ref = schema.$ref;
  const prefix = "#/components/schemas/";
  if (typeof ref !== "string" || !ref.startsWith(prefix)) return undefined;
  return pointerKeys(ref.slice(prefix.length - 1))[0];
}

/** `wanted` as an identifier that no key of `taken` has yet: `a b/c` → `a_b_c`, then `a_b_c_2`, ... */
export function freeName(taken: Readonly<Record<string, unknown>>, wanted: string): string {
  const base = wanted.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "") || "schema";
  let unique = base;
  for (let count = 2; Object.hasOwn(taken, unique); count++) unique = `${base}_${count}`;
  return unique;
}

/**
 * An empty object for keys taken from a spec (schema, property and operation names): it has no
 * prototype, so a key such as `__proto__` is an own key like any other instead of a setter call.
 */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A local `$ref` chain followed to what it names (a cycle or a dangling one ends in `undefined`). */
export function followed(document: OpenApiDocument, value: unknown): unknown {
  let current = value;
  for (let hops = 0; isSchema(current) && typeof current.$ref === "string" && hops < 100; hops++) {
    current = current.$ref.startsWith("#/") ? valueAt(document, current.$ref.slice(1)) : undefined;
  }
  return current;
}
