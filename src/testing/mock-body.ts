import { bodySchemas, shapes } from "../generated/metadata.js";
import type { JsonSchema, Shape } from "../runtime/types.js";
import { nonNullTypes, resolvedSchema } from "./body-schema.js";

type Schema = JsonSchema;
type Json = Record<string, unknown>;

/**
 * A schema-valid value for body schema `name` with **every** property set, optional ones too: an
 * example, else the first enum value, else a value of its type within its bounds. The mock fills its
 * `"normal"` answers from it, so a field added to the spec appears there after `npm run generate`.
 */
export function filledBody(name: string): unknown {
  const root = bodySchemas[name] ?? {};
  return sample(root, root, 0);
}

/**
 * `value` with every field the spec lets be null set to `null`, at every depth the generated shapes
 * name, but for the fields in `keep` (an image must still carry its image): the `"nulls"` scenario.
 */
export function withNulls(value: unknown, name: string, keep: ReadonlySet<string>): unknown {
  return nulled(value, shapes[name], keep);
}

/** `value` with only the properties the schema requires, at every depth (and those in `keep`): the `"minimal"` scenario. */
export function onlyRequired(value: unknown, name: string, keep: ReadonlySet<string>): unknown {
  const root = bodySchemas[name] ?? {};
  return required(value, root, root, keep);
}

function sample(schema: Schema, root: Schema, depth: number): unknown {
  const resolved = resolvedSchema(schema, root);
  const listed = ((resolved.examples ?? resolved.enum) as unknown[] | undefined)?.find((value) => value !== null);
  if (listed !== undefined) return listed;
  if (resolved.const !== undefined) return resolved.const;
  switch (nonNullTypes(resolved)[0]) {
    case "object": {
      const properties = (resolved.properties ?? {}) as Record<string, Schema>;
      if (depth > 6) return {};
      return Object.fromEntries(
        Object.entries(properties).map(([key, child]) => [key, sample(child, root, depth + 1)]),
      );
    }
    case "array":
      return depth > 6 || resolved.items === undefined ? [] : [sample(resolved.items as Schema, root, depth + 1)];
    case "integer":
    case "number":
      return typeof resolved.minimum === "number" ? resolved.minimum : 0;
    case "boolean":
      return false;
    default:
      return "x".repeat(typeof resolved.minLength === "number" ? Math.max(1, resolved.minLength) : 6);
  }
}

function nulled(value: unknown, shape: Shape | string | undefined, keep: ReadonlySet<string>): unknown {
  const resolved = typeof shape === "string" ? shapes[shape] : shape;
  if (resolved === undefined || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => nulled(item, resolved.items, keep));
  const out: Json = {};
  for (const [key, field] of Object.entries(value)) {
    const nullable = resolved.nullable?.includes(key) && !keep.has(key);
    out[key] = nullable ? null : nulled(field, resolved.properties?.[key], keep);
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
