import { defsName } from "../runtime/json-pointer.js";
import type { Shape } from "../runtime/types.js";
import { admitsNull, isNullOnly } from "./nullability.js";
import { dict, isSchema, type Schema } from "./schema-walk.js";

/** What the runtime reads (`src/runtime/types.ts`); a string names another entry of the same table. */
type ShapeRef = string | Shape;

/**
 * Derives the nullable-field table from JSON Schema `$defs`. Entries with nothing to normalize
 * are left out, and so are references to them, so the runtime walks only where a null can be.
 * A union of several non-null alternatives is not descended into: which one applies is not
 * known without validating, and dropping a null the other alternative forbids would hide it.
 */
export function nullableShapes(defs: Record<string, Schema>): Record<string, Shape> {
  const raw = Object.fromEntries(Object.entries(defs).map(([name, schema]) => [name, ownShape(schema, defs)]));
  // Least fixed point: a schema has nulls to drop if it has nullable keys or reaches one that has.
  const live = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, shape] of Object.entries(raw)) {
      if (!live.has(name) && reachesNull(shape, live)) grew = live.add(name).size > 0;
    }
  }
  const table = dict<Shape>();
  for (const name of Object.keys(raw)) if (live.has(name)) table[name] = prune(raw[name], live) as Shape;
  return table;
}

function reachesNull(shape: ShapeRef | undefined, live: Set<string>): boolean {
  if (shape === undefined) return false;
  if (typeof shape === "string") return live.has(shape);
  return (
    (shape.nullable?.length ?? 0) > 0 ||
    Object.values(shape.properties ?? {}).some((child) => reachesNull(child, live)) ||
    reachesNull(shape.items, live)
  );
}

/** A definition that is only a `$ref` to another gets that one's shape (aliases, followed a few deep). */
function ownShape(schema: Schema, defs: Record<string, Schema>): Shape {
  let shape = shapeOf(schema, defs);
  for (let depth = 0; typeof shape === "string" && depth < 8; depth++) shape = shapeOf(defs[shape], defs);
  return typeof shape === "object" ? shape : {};
}

function shapeOf(schema: unknown, defs: Record<string, Schema>): ShapeRef | undefined {
  if (!isSchema(schema)) return undefined;
  const target = defName(schema);
  if (target !== undefined) return target;
  const alternatives = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (Array.isArray(alternatives)) {
    const nonNull = alternatives.filter((alternative) => !isNullOnly(alternative));
    return nonNull.length === 1 ? shapeOf(nonNull[0], defs) : undefined;
  }
  const nullable: string[] = [];
  const properties = dict<ShapeRef>();
  const parts = [schema, ...((schema.allOf as unknown[] | undefined) ?? [])].map((part) => resolve(part, defs));
  for (const [key, declarations] of propertyDeclarations(parts)) {
    // In an allOf, a null passes only if every part that declares the key lets it through.
    if (declarations.every((property) => admitsNull(property, resolver(defs)))) nullable.push(key);
    const child = declarations.map((property) => shapeOf(property, defs)).find((found) => found !== undefined);
    if (child !== undefined) properties[key] = child;
  }
  const items = parts.map((part) => shapeOf(part.items, defs)).find((found) => found !== undefined);
  return compact(nullable, properties, items);
}

/** A shape with its empty parts left out, so the generated table holds only what matters. */
function compact(
  nullable: readonly string[],
  properties: Record<string, ShapeRef>,
  items: ShapeRef | undefined,
): Shape {
  return {
    ...(nullable.length > 0 ? { nullable } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
    ...(items !== undefined ? { items } : {}),
  };
}

function resolve(schema: unknown, defs: Record<string, Schema>): Schema {
  const target = isSchema(schema) ? defName(schema) : undefined;
  const resolved = target === undefined ? schema : defs[target];
  return isSchema(resolved) ? resolved : {};
}

function propertyDeclarations(parts: Schema[]): Map<string, unknown[]> {
  const declarations = new Map<string, unknown[]>();
  for (const part of parts) {
    const properties = isSchema(part.properties) ? part.properties : {};
    for (const [key, property] of Object.entries(properties)) {
      declarations.set(key, [...(declarations.get(key) ?? []), property]);
    }
  }
  return declarations;
}

function defName(schema: Schema): string | undefined {
  const ref = schema.$ref;
  return typeof ref === "string" ? defsName(ref) : undefined;
}

function prune(shape: ShapeRef | undefined, live: Set<string>): ShapeRef | undefined {
  if (typeof shape === "string") return live.has(shape) ? shape : undefined;
  if (shape === undefined || !reachesNull(shape, live)) return undefined;
  const properties = dict<ShapeRef>();
  for (const [key, child] of Object.entries(shape.properties ?? {})) {
    const kept = prune(child, live);
    if (kept !== undefined) properties[key] = kept;
  }
  return compact(shape.nullable ?? [], properties, prune(shape.items, live));
}

/** `admitsNull`'s view of the `$defs` table. */
function resolver(defs: Record<string, Schema>): (ref: string) => unknown {
  return (ref) => {
    const name = defsName(ref);
    return name !== undefined && Object.hasOwn(defs, name) ? defs[name] : undefined;
  };
}
