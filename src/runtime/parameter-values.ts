import type { ParameterLocation, WireScalar, WireType, WireTypes } from "./types.js";

/**
 * Raw parameter values as a server or a client holds them: `URLSearchParams`, `Headers`, or a
 * record (a path match, Node's `IncomingHttpHeaders`) where a value may repeat.
 */
export type RawValues =
  | { forEach(callback: (value: string, key: string) => void): void }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** A JSON number, whole: `Number()` alone would also take `0x10`, `1_0`, ` 7` and `""`. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The object a location's parameter validator checks, from wire text: each parameter read by its
 * wire type (from the generated `parameterTypes`), others kept as strings; a name given more than
 * once is an array. A value that does not read as its type stays the string it was, so the
 * validator reports it with its pointer. Header names are lower-cased, as the schemas name them.
 * The result has no prototype: a query's `__proto__=x` is a key like any other.
 *
 * @example
 * parameterValues(new URLSearchParams("limit=10&tags=a&tags=b&x=y"), { limit: "integer", tags: { items: "string" } })
 * // { limit: 10, tags: ["a", "b"], x: "y" }
 */
export function parameterValues(
  raw: RawValues,
  types: WireTypes = {},
  location: ParameterLocation = "query",
): Record<string, unknown> {
  const header = location === "header";
  const seen: Record<string, string[]> = Object.create(null);
  const add = (value: string, key: string) => {
    const name = header ? key.toLowerCase() : key;
    const values = seen[name];
    if (values === undefined) seen[name] = [value];
    else values.push(value);
  };
  if (typeof raw.forEach === "function") raw.forEach(add);
  else
    for (const [key, value] of Object.entries(raw as Record<string, string | readonly string[] | undefined>)) {
      if (typeof value === "string") add(value, key);
      else for (const each of value ?? []) add(each, key);
    }
  const typed: Record<string, unknown> = Object.create(null);
  for (const [name, values] of Object.entries(seen)) {
    typed[name] = read(values, Object.hasOwn(types, name) ? types[name] : undefined, header);
  }
  return typed;
}

/** One parameter's values as its wire type reads them; header list items lose the spaces `Headers` joins with. */
function read(values: string[], type: WireType | undefined, header: boolean): unknown {
  if (typeof type === "object") {
    const { items, split } = type;
    const parts = split === undefined ? values : values.flatMap((value) => value.split(split));
    return parts.map((part) => scalar(header ? part.trim() : part, items));
  }
  const read = values.map((value) => scalar(value, type));
  return read.length === 1 ? read[0] : read;
}

function scalar(value: string, type: WireScalar | "string" | undefined): unknown {
  switch (type) {
    case "integer":
    case "number":
      return JSON_NUMBER.test(value) ? Number(value) : value;
    case "boolean":
      return value === "true" ? true : value === "false" ? false : value;
    case "json":
      try {
        return JSON.parse(value);
      } catch {
        return value;
      }
    default:
      return value;
  }
}
