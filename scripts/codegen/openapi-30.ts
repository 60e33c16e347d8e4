import { isSchema, mapSchema, type Schema } from "./schema-walk.js";
import type { OpenApiDocument } from "./spec-source.js";

/**
 * Rewrites an OpenAPI 3.0 document's schemas into their 3.1 (JSON Schema 2020-12) form, so
 * every later step, openapi-typescript included, sees one dialect. A 3.1 document passes through.
 *
 * The point is nullability: 3.0 says `nullable: true`, and writes a nullable reference as a
 * `$ref` with a `nullable` sibling, which openapi-typescript alone types as non-null.
 *
 * @example
 * upgradeTo31({ openapi: "3.0.3", ... }) // { openapi: "3.1.0", ... } with `type: ["string", "null"]`
 */
export function upgradeTo31(document: OpenApiDocument): OpenApiDocument {
  if (!document.openapi.startsWith("3.0")) return document;
  return { ...(upgradeSchemasIn(document) as OpenApiDocument), openapi: "3.1.0" };
}

/** Walks the document and upgrades every Schema Object: component schemas and every `schema` field. */
function upgradeSchemasIn(node: unknown, inSchemaMap = false): unknown {
  if (Array.isArray(node)) return node.map((item) => upgradeSchemasIn(item));
  if (!isSchema(node)) return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (inSchemaMap || key === "schema") out[key] = mapSchema(value, upgradeSchema);
    else out[key] = upgradeSchemasIn(value, key === "schemas");
  }
  return out;
}

function upgradeSchema(schema: Schema): Schema {
  const { nullable, example, exclusiveMinimum, exclusiveMaximum, ...rest } = schema;
  const out: Schema = rest;
  if (example !== undefined) out.examples = [example];
  moveExclusiveBound(out, "minimum", exclusiveMinimum);
  moveExclusiveBound(out, "maximum", exclusiveMaximum);
  return nullable === true ? allowNull(out) : out;
}

/** 3.0 writes `exclusiveMinimum: true` beside `minimum`; 2020-12 puts the number in `exclusiveMinimum`. */
function moveExclusiveBound(schema: Schema, bound: "minimum" | "maximum", exclusive: unknown): void {
  const keyword = bound === "minimum" ? "exclusiveMinimum" : "exclusiveMaximum";
  if (typeof exclusive === "number") schema[keyword] = exclusive;
  if (exclusive === true && typeof schema[bound] === "number") {
    schema[keyword] = schema[bound];
    delete schema[bound];
  }
}

function allowNull(schema: Schema): Schema {
  const { type } = schema;
  if (typeof type === "string" && schema.$ref === undefined) {
    const out: Schema = { ...schema, type: [type, "null"] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
    return out;
  }
  // `$ref` + `nullable`, or a composition with no `type`: say "this, or null".
  const { description, title, ...core } = schema;
  const annotations: Schema = {};
  if (description !== undefined) annotations.description = description;
  if (title !== undefined) annotations.title = title;
  return { ...annotations, oneOf: [core, { type: "null" }] };
}
