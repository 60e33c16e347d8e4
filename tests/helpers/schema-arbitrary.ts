import fc from "fast-check";
import { toCanonical31 } from "../../src/codegen/canonical.js";
import { toSchemaSet } from "../../src/codegen/json-schema.js";
import type { Schema } from "../../src/codegen/schema-walk.js";
import { loadSpec } from "../../src/codegen/spec-source.js";

/** The spec's schemas as JSON Schema `$defs`, the same ones the validators are compiled from. */
export async function specDefs(spec = "openapi/sudo-images.yaml"): Promise<Record<string, Schema>> {
  const { document } = await loadSpec(spec);
  return toSchemaSet(toCanonical31(document)).defs;
}

/**
 * A fast-check arbitrary of values valid against `schema`, for the JSON Schema subset the spec
 * uses: `$ref`, `type` (arrays of types too), `enum`, integer `minimum`/`maximum`, `minLength`,
 * objects with `required` and optional `properties`, arrays, and `oneOf`/`anyOf`.
 * Driven by the spec, so a new field gets covered without touching the tests.
 */
export function arbitraryFor(schema: Schema, defs: Record<string, Schema>): fc.Arbitrary<unknown> {
  const ref = schema.$ref;
  // Built lazily (chain), so a schema that refers to itself does not recurse forever here.
  if (typeof ref === "string") return fc.constant(null).chain(() => arbitraryFor(defs[ref.slice(8)] as Schema, defs));
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => arbitraryFor(alternative, defs)));
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  return fc.oneof(...types.map((type) => arbitraryForType(type, schema, defs)));
}

function arbitraryForType(type: string, schema: Schema, defs: Record<string, Schema>): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "string":
      return fc.string({ minLength: (schema.minLength as number | undefined) ?? 0, maxLength: 40 });
    case "integer":
      return fc.integer({ min: schema.minimum as number, max: schema.maximum as number });
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(arbitraryFor(schema.items as Schema, defs), { maxLength: 4 });
    case "object":
      return objectArbitrary(schema, defs);
    default:
      throw new Error(`schema-arbitrary: no generator for type ${type}`);
  }
}

function objectArbitrary(schema: Schema, defs: Record<string, Schema>): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = (schema.required ?? []) as string[];
  const model = Object.fromEntries(Object.entries(properties).map(([key, sub]) => [key, arbitraryFor(sub, defs)]));
  return fc.record(model, { requiredKeys: required });
}
