import { defsName } from "../runtime/json-pointer.js";
import type { JsonSchema } from "../runtime/types.js";

/**
 * `schema` as a reader of a generated body schema wants it: a `$ref` followed into the root's
 * `$defs`, and "X or null" taken as X (what a value looks like when it is not null).
 */
export function resolvedSchema(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; typeof current.$ref === "string" && depth < 8; depth++) {
    const name = defsName(current.$ref);
    const defs = root.$defs as Record<string, JsonSchema> | undefined;
    current = (name !== undefined && defs && Object.hasOwn(defs, name) ? defs[name] : {}) as JsonSchema;
  }
  const branches = (current.anyOf ?? current.oneOf) as JsonSchema[] | undefined;
  const concrete = branches?.filter((branch) => branch.type !== "null");
  return concrete?.length === 1 ? resolvedSchema(concrete[0] as JsonSchema, root) : current;
}

/** The schema's types but `"null"`, such as `["string"]`. */
export function nonNullTypes(schema: JsonSchema): string[] {
  const { type } = schema;
  return (Array.isArray(type) ? type : type === undefined ? [] : [type]).filter((name) => name !== "null") as string[];
}
