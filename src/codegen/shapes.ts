import { defsName } from "../runtime/json-pointer.js";
import type { Shape } from "../runtime/types.js";
import { admitsNull, isNullOnly } from "./nullability.js";
import { dict, isSchema, type Schema } from "./schema-walk.js";

/** What the runtime reads (`src/runtime/types.ts`); a string names another entry of the same table. */
type ShapeRef = string | Shape;

/**
 * Derives the nullable-field table from JSON Schema `$defs`, following every composition the types
 * follow: `allOf` parts at any depth (through `$ref`s), and the branches of a `oneOf`/`anyOf`, each
 * an entry of `anyOf` whose nulls are dropped too. Once a body has been validated it matches some
 * branch, and the nulls that branch allows are the ones its normalized type no longer has. Entries
 * with nothing to normalize are left out, and so are references to them, so the runtime walks only
 * where a null can be.
 */
export function nullableShapes(defs: Record<string, Schema>): Record<string, Shape> {
  const raw = new Map(Object.entries(defs).map(([name, schema]) => [name, ownShape(schema, defs)]));
  // Least fixed point: a schema has nulls to drop if it has nullable keys or reaches one that has.
  const live = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, shape] of raw) {
      if (!live.has(name) && reachesNull(shape, live)) grew = live.add(name).size > 0;
    }
  }
  const table = dict<Shape>();
  for (const [name, shape] of raw) if (live.has(name)) table[name] = prune(shape, live) as Shape;
  return table;
}

function reachesNull(shape: ShapeRef | undefined, live: Set<string>): boolean {
  if (shape === undefined) return false;
  if (typeof shape === "string") return live.has(shape);
  return (
    (shape.nullable?.length ?? 0) > 0 ||
    Object.values(shape.properties ?? {}).some((child) => reachesNull(child, live)) ||
    reachesNull(shape.items, live) ||
    (shape.anyOf ?? []).some((branch) => reachesNull(branch, live))
  );
}

/** A definition that is only a `$ref` to another gets that one's shape (aliases, followed a few deep). */
function ownShape(schema: Schema, defs: Record<string, Schema>): Shape {
  let shape = shapeOf(schema, defs, new Set());
  for (let depth = 0; typeof shape === "string" && depth < 8; depth++)
    shape = Object.hasOwn(defs, shape) ? shapeOf(defs[shape], defs, new Set()) : undefined;
  return typeof shape === "object" ? shape : {};
}

/**
 * `expanding`: the definitions whose `allOf` parts are already read into an enclosing shape. One met
 * again (a property that is `allOf` the schema it is in) is named, not read again: an `anyOf`
 * branch whose nulls are dropped too, as its own entry of the table.
 */
function shapeOf(schema: unknown, defs: Record<string, Schema>, expanding: ReadonlySet<string>): ShapeRef | undefined {
  if (!isSchema(schema)) return undefined;
  const target = defName(schema);
  if (target !== undefined) return target;
  const seen = new Set(expanding);
  const named: string[] = [];
  const parts = allOfParts(schema, defs, seen, (name) => {
    if (expanding.has(name)) named.push(name);
  });
  const branches = [
    ...parts
      .flatMap(alternatives)
      .map((branch) => shapeOf(branch, defs, seen))
      .filter((shape) => shape !== undefined),
    ...named,
  ];
  const nullable: string[] = [];
  const properties = dict<ShapeRef>();
  for (const [key, declarations] of propertyDeclarations(parts)) {
    // In an allOf, a null passes only if every part that declares the key lets it through.
    if (declarations.every((property) => admitsNull(property, resolver(defs)))) nullable.push(key);
    const child = declarations.map((property) => shapeOf(property, defs, seen)).find((found) => found !== undefined);
    if (child !== undefined) properties[key] = child;
  }
  const items = parts.map((part) => shapeOf(part.items, defs, seen)).find((found) => found !== undefined);
  // "X or null" (one branch, nothing beside it) is X's shape itself.
  if (nullable.length === 0 && Object.keys(properties).length === 0 && items === undefined && branches.length === 1)
    return branches[0];
  return compact(nullable, properties, items, branches);
}

/**
 * `schema` and every `allOf` part under it, at any depth, each `$ref` followed to its definition
 * (once: a definition that includes itself ends there, and `skipped` is told its name). Types
 * intersect them all, so shapes read them all.
 */
function allOfParts(
  schema: Schema,
  defs: Record<string, Schema>,
  seen: Set<string>,
  skipped: (name: string) => void,
): Schema[] {
  const members = Array.isArray(schema.allOf) ? schema.allOf : [];
  return [
    schema,
    ...members.flatMap((member) => {
      const name = isSchema(member) ? defName(member) : undefined;
      if (name !== undefined && seen.has(name)) {
        skipped(name);
        return [];
      }
      if (name !== undefined) seen.add(name);
      return allOfParts(resolve(member, defs), defs, seen, skipped);
    }),
  ];
}

/** The branches of a part's `oneOf` and `anyOf` that hold more than `null`. */
function alternatives(part: Schema): unknown[] {
  return [part.oneOf, part.anyOf]
    .filter(Array.isArray)
    .flat()
    .filter((branch) => !isNullOnly(branch));
}

/** A shape with its empty parts left out, so the generated table holds only what matters. */
function compact(
  nullable: readonly string[],
  properties: Record<string, ShapeRef>,
  items: ShapeRef | undefined,
  branches: readonly ShapeRef[] = [],
): Shape {
  return {
    ...(nullable.length > 0 ? { nullable } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
    ...(items !== undefined ? { items } : {}),
    ...(branches.length > 0 ? { anyOf: branches } : {}),
  };
}

function resolve(schema: unknown, defs: Record<string, Schema>): Schema {
  const target = isSchema(schema) ? defName(schema) : undefined;
  const resolved = target === undefined || !Object.hasOwn(defs, target) ? schema : defs[target];
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
  const branches = (shape.anyOf ?? []).map((branch) => prune(branch, live)).filter((kept) => kept !== undefined);
  return compact(shape.nullable ?? [], properties, prune(shape.items, live), branches);
}

/** `admitsNull`'s view of the `$defs` table. */
function resolver(defs: Record<string, Schema>): (ref: string) => unknown {
  return (ref) => {
    const name = defsName(ref);
    return name !== undefined && Object.hasOwn(defs, name) ? defs[name] : undefined;
  };
}
