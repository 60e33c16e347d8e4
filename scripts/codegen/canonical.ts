import { canonicalNullable } from "./nullability.js";
import { isSchema, mapSchema, type Schema } from "./schema-walk.js";
import type { OpenApiDocument } from "./spec-source.js";

/**
 * Rewrites a 3.0 or 3.1 document into canonical OpenAPI 3.1 (JSON Schema 2020-12), the one form
 * that every emitter reads: openapi-typescript, the validator compiler and the shape extractor.
 * Each schema's nullability, in whatever spelling, becomes the spelling `canonicalNullable` gives,
 * so the three cannot read it differently. 3.0's `example` and boolean `exclusiveMinimum`/
 * `exclusiveMaximum` (also met inside 3.1 documents) take their 2020-12 form.
 *
 * @example
 * toCanonical31({ openapi: "3.0.3", ... }) // { openapi: "3.1.0", ... } with `type: ["string", "null"]`
 */
export function toCanonical31(document: OpenApiDocument): OpenApiDocument {
  const openapi = document.openapi.startsWith("3.1") ? document.openapi : "3.1.0";
  return { ...(canonicalSchemasIn(document) as OpenApiDocument), openapi };
}

/** Walks the document and rewrites every Schema Object: component schemas and every `schema` field. */
function canonicalSchemasIn(node: unknown, inSchemaMap = false): unknown {
  if (Array.isArray(node)) return node.map((item) => canonicalSchemasIn(item));
  if (!isSchema(node)) return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (inSchemaMap || key === "schema") out[key] = mapSchema(value, canonicalSchema);
    else out[key] = canonicalSchemasIn(value, key === "schemas");
  }
  return out;
}

function canonicalSchema(schema: Schema): Schema {
  const { example, exclusiveMinimum, exclusiveMaximum, ...rest } = schema;
  const out: Schema = rest;
  if (example !== undefined && out.examples === undefined) out.examples = [example];
  moveExclusiveBound(out, "minimum", exclusiveMinimum);
  moveExclusiveBound(out, "maximum", exclusiveMaximum);
  return canonicalNullable(out);
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
