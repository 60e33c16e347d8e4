import { bundle, createConfig } from "@redocly/openapi-core";
import fc from "fast-check";
import { toCanonical31 } from "../../src/codegen/canonical.js";
import { toSchemaSet } from "../../src/codegen/json-schema.js";
import { admitsNull } from "../../src/codegen/nullability.js";
import type { Schema } from "../../src/codegen/schema-walk.js";
import { selectOperations } from "../../src/codegen/select-operations.js";
import type { OpenApiDocument } from "../../src/codegen/spec-source.js";
import { bodySchemaNames } from "../../src/codegen/validators.js";
import { defsName } from "../../src/runtime/json-pointer.js";

/** A value this helper cannot make valid (a string `pattern` it does not solve): the body is left out. */
class Unmakeable extends Error {}

/** How deep a body is built before every further place that allows `null` holds it (recursive schemas). */
const MAX_DEPTH = 6;

/**
 * The canonical `$defs` of a spec (cut to `operations`, as the generator cuts it) and the names of
 * its body schemas: what the validators are compiled from. The spec is bundled as the generator
 * bundles it, without the lint the generator already ran on it (seconds on a large spec).
 */
export async function canonicalBodies(
  file: string,
  operations: readonly string[],
): Promise<{ defs: Record<string, Schema>; bodies: string[] }> {
  const bundled = await bundle({ ref: file, config: await createConfig({}), dereference: false });
  const document = bundled.bundle.parsed as OpenApiDocument;
  const selected = operations.length > 0 ? selectOperations(document, operations) : document;
  const set = toSchemaSet(toCanonical31(selected));
  return { defs: set.defs, bodies: bodySchemaNames(set) };
}

/**
 * Bodies of schema `name`, `count` of them from `seed`: each optional property present or not and
 * each `oneOf`/`anyOf` branch chosen at random, and `null` at every place the schema allows one
 * (`admitsNull`, the generator's own test). Empty when the schema needs what this cannot make.
 */
export function nullBodies(defs: Record<string, Schema>, name: string, seed: number, count: number): unknown[] {
  const choices = fc.array(fc.nat(), { minLength: 64, maxLength: 64 });
  try {
    return fc.sample(choices, { seed, numRuns: count }).map((picks) => {
      let next = 0;
      const pick = (options: number) => (picks[next++ % picks.length] as number) % options;
      return make({ $ref: `#/$defs/${name}` }, defs, pick, 0);
    });
  } catch (error) {
    if (error instanceof Unmakeable) return [];
    throw error;
  }
}

function make(
  schema: unknown,
  defs: Record<string, Schema>,
  pick: (options: number) => number,
  depth: number,
): unknown {
  if (schema === true || schema === undefined) return null;
  if (typeof schema !== "object" || schema === null) throw new Unmakeable();
  const node = schema as Schema;
  const resolve = (ref: string) => defs[defsName(ref) ?? ""];
  if (admitsNull(node, resolve)) return null;
  const ref = typeof node.$ref === "string" ? defsName(node.$ref) : undefined;
  if (ref !== undefined) return make(merged(node, defs[ref]), defs, pick, depth + 1);
  if (depth > MAX_DEPTH * 4) throw new Unmakeable();
  if ("const" in node) return node.const;
  if (Array.isArray(node.enum)) return node.enum[pick(node.enum.length)];
  const branches = (node.oneOf ?? node.anyOf) as unknown[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) {
    const { oneOf: _one, anyOf: _any, ...rest } = node;
    return make(merged(rest, branches[pick(branches.length)]), defs, pick, depth + 1);
  }
  if (Array.isArray(node.allOf)) {
    const { allOf, ...rest } = node;
    const one = (allOf as unknown[]).reduce<Schema>((all, part) => merged(all, resolved(part, defs)), rest);
    // The parts are intersected: null passes only where every part lets it (decided above), so
    // the one schema made of them must not let it through on its own.
    return make(withoutNull(one), defs, pick, depth + 1);
  }
  return byType(node, defs, pick, depth);
}

function byType(node: Schema, defs: Record<string, Schema>, pick: (options: number) => number, depth: number): unknown {
  const types = Array.isArray(node.type) ? node.type : node.type === undefined ? [guessType(node)] : [node.type];
  const type = types[pick(types.length)] as string;
  switch (type) {
    case "object":
      return object(node, defs, pick, depth);
    case "array": {
      const length = Math.max(Number(node.minItems ?? 0), depth > MAX_DEPTH ? 0 : 1);
      if (node.uniqueItems === true && length > 1) throw new Unmakeable();
      return Array.from({ length }, () => make(node.items ?? {}, defs, pick, depth + 1));
    }
    case "string":
      return string(node);
    case "integer":
    case "number":
      return number(node);
    case "boolean":
      return pick(2) === 0;
    default:
      throw new Unmakeable();
  }
}

function object(node: Schema, defs: Record<string, Schema>, pick: (options: number) => number, depth: number) {
  const properties = (node.properties ?? {}) as Record<string, unknown>;
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  const out: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    // Past MAX_DEPTH, only what is required; before it, each optional property one time in two.
    if (!required.has(key) && (depth > MAX_DEPTH || pick(2) === 0)) continue;
    out[key] = make(property, defs, pick, depth + 1);
  }
  for (const key of required) if (!(key in out)) out[key] = "required";
  return out;
}

function string(node: Schema): string {
  if (typeof node.pattern === "string") {
    const example = [node.default, ...(Array.isArray(node.examples) ? node.examples : [])].find(
      (value) => typeof value === "string" && new RegExp(node.pattern as string, "u").test(value),
    );
    if (typeof example !== "string") throw new Unmakeable();
    return example;
  }
  return "x".repeat(Math.max(1, Number(node.minLength ?? 1))).slice(0, Number(node.maxLength ?? Infinity));
}

function number(node: Schema): number {
  const low = Number(node.minimum ?? node.exclusiveMinimum ?? 0) + (node.exclusiveMinimum === undefined ? 0 : 1);
  const step = Number(node.multipleOf ?? 1);
  const value = Math.ceil(Math.max(low, 0) / step) * step;
  if (node.maximum !== undefined && value > Number(node.maximum)) return Number(node.maximum);
  return value;
}

function withoutNull(schema: Schema): Schema {
  const { type } = schema;
  if (!Array.isArray(type)) return schema;
  return { ...schema, type: type.filter((name) => name !== "null") };
}

function guessType(node: Schema): string {
  const keys = (value: unknown) => (typeof value === "object" && value !== null ? Object.keys(value).length : 0);
  if (keys(node.properties) > 0 || node.additionalProperties !== undefined || keys(node.required) > 0) return "object";
  if (node.items !== undefined) return "array";
  return "string";
}

function resolved(part: unknown, defs: Record<string, Schema>): Schema {
  if (typeof part !== "object" || part === null) return {};
  const ref = typeof (part as Schema).$ref === "string" ? defsName((part as Schema).$ref as string) : undefined;
  if (ref === undefined) return part as Schema;
  const { $ref: _ref, ...rest } = part as Schema;
  return merged(rest, resolved(defs[ref], defs));
}

/** Two schemas as one (what `allOf` means for making a value): properties and `required` joined. */
function merged(a: Schema, b: unknown): Schema {
  const other = (typeof b === "object" && b !== null ? b : {}) as Schema;
  const { $ref: _ref, ...base } = a;
  return {
    ...base,
    ...other,
    properties: { ...(base.properties as object), ...(other.properties as object) },
    required: [...((base.required as string[]) ?? []), ...((other.required as string[]) ?? [])],
    ...(base.type !== undefined && other.type === undefined ? { type: base.type } : {}),
  };
}

/** The keys holding `null` anywhere inside `value`, as JSON pointers: a normalized body has none. */
export function nullFields(value: unknown, at = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => nullFields(item, `${at}/${index}`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, field]) =>
    field === null ? [`${at}/${key}`] : nullFields(field, `${at}/${key}`),
  );
}
