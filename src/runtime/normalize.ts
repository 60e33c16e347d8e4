import type { Shape, Shapes } from "./types.js";

/** Flattens an intersection so editors show one object type. */
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/**
 * `T` as this package returns it: every field the spec lets be `null` is optional instead and
 * never `null`; every other field keeps its type. Applies at every depth, arrays included.
 *
 * @example
 * type Result = Normalized<components["schemas"]["ImageGeneration"]>;
 * // { data: { b64_json?: string; url?: string; revised_prompt?: string }[]; usage?: {...}; ... }
 */
export type Normalized<T> = T extends readonly (infer Item)[]
  ? Normalized<Item>[]
  : T extends object
    ? Flatten<
        { [K in keyof T as null extends T[K] ? never : K]: Normalized<T[K]> } & {
          [K in keyof T as null extends T[K] ? K : never]?: Normalized<NonNullable<T[K]>>;
        }
      >
    : T;

/**
 * Drops every `null` the spec allows from a body of schema `schemaName`, as the generated `shapes`
 * say where those are. Returns a new value and never mutates `value`; objects on the way are
 * copied shallowly and every other value (strings above all) is passed by reference. A `null` the
 * spec does not allow is kept, for validation to report. Generated folders bind it to their own
 * shapes as `normalize(schemaName, value)`.
 *
 * @example
 * normalizeWith(shapes, "ImageGeneration", { data: [{ url: "https://…", b64_json: null }], usage: null })
 * // → { data: [{ url: "https://…" }] }
 */
export function normalizeWith<T>(shapes: Shapes, schemaName: string, value: T): Normalized<T> {
  const shape = Object.hasOwn(shapes, schemaName) ? shapes[schemaName] : undefined;
  return (shape === undefined ? value : normalizeValue(shapes, value, shape)) as Normalized<T>;
}

/**
 * How deep normalization goes. A recursive schema lets a body nest without end; past this depth the
 * rest is passed through as it came (validation reports such a body first), so normalizing never
 * overflows the stack.
 */
const MAX_DEPTH = 1000;

function normalizeValue(shapes: Shapes, value: unknown, shape: Shape | string, depth = 0): unknown {
  // A name here is one the generator wrote into `shapes`, an own key of it.
  const resolved = typeof shape === "string" ? shapes[shape] : shape;
  if (resolved === undefined || typeof value !== "object" || value === null || depth > MAX_DEPTH) return value;
  const { items, anyOf = [] } = resolved;
  const own = !Array.isArray(value)
    ? normalizeObject(shapes, value as Record<string, unknown>, resolved, depth)
    : items === undefined
      ? value
      : value.map((item) => normalizeValue(shapes, item, items, depth + 1));
  // Each branch of a union drops the nulls it allows (a copy per branch that has any).
  return anyOf.reduce<unknown>((current, branch) => normalizeValue(shapes, current, branch, depth + 1), own);
}

function normalizeObject(
  shapes: Shapes,
  value: Record<string, unknown>,
  shape: Shape,
  depth: number,
): Record<string, unknown> {
  const { nullable, properties } = shape;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // A JSON body may carry an own "__proto__" key. Kept, it would set the prototype of any object a
    // caller later copies the value into with Object.assign; no API means anything by it.
    if (key === "__proto__") continue;
    const field = value[key];
    if (field === null && nullable?.includes(key)) continue;
    // hasOwn: a key such as "constructor" must not find Object.prototype's members.
    const child = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
    const normalized = child === undefined ? field : normalizeValue(shapes, field, child, depth + 1);
    out[key] = normalized;
  }
  return out;
}
