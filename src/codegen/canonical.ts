import { escapeToken, valueAt } from "../runtime/json-pointer.js";
import { canonicalNullable, liftNullablePart } from "./nullability.js";
import { dict, freeName, isSchema, mapSchema, type Schema, type SchemaVisit } from "./schema-walk.js";
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
  const canonical = mapSchemasIn(withHoistedSchemas(document), canonicalSchema) as OpenApiDocument;
  return { ...canonical, openapi };
}

/** Rebuilds every Schema Object of a document (component schemas and every `schema` field) with `visit`. */
export function mapSchemasIn(node: unknown, visit: SchemaVisit, inSchemaMap = false): unknown {
  if (Array.isArray(node)) return node.map((item) => mapSchemasIn(item, visit));
  if (!isSchema(node)) return node;
  const out: Schema = dict();
  for (const [key, value] of Object.entries(node)) {
    if (inSchemaMap || key === "schema") out[key] = mapSchema(value, visit);
    else out[key] = mapSchemasIn(value, visit, key === "schemas");
  }
  return out;
}

/**
 * Some specs point a schema's `$ref` into a path (`#/paths/~1pets/post/requestBody/.../schema`), a
 * parameter (`#/components/parameters/Limit/schema`) or inside another schema. Emitters follow
 * `#/components/schemas/<name>` best (openapi-typescript types the other kinds wrongly, and the
 * validators would read a deeper one as its component), so each such target becomes a component
 * of its own, named after its pointer, and every reference to it points there; recursive ones included.
 */
function withHoistedSchemas(document: OpenApiDocument): OpenApiDocument {
  const components = isSchema(document.components) ? document.components : {};
  const schemas: Schema = { ...(isSchema(components.schemas) ? components.schemas : {}) };
  const names = new Map<string, string>();
  const pending: string[] = [];
  const pointIntoComponents = (schema: Schema): Schema => {
    const ref = schema.$ref;
    if (typeof ref !== "string" || !ref.startsWith("#/") || COMPONENT_SCHEMA.test(ref)) return schema;
    let name = names.get(ref);
    if (name === undefined) {
      name = freeName(schemas, ref.slice(2));
      names.set(ref, name);
      schemas[name] = {};
      pending.push(ref);
    }
    return { ...schema, $ref: `#/components/schemas/${escapeToken(name)}` };
  };
  const rewritten = mapSchemasIn(document, pointIntoComponents) as OpenApiDocument;
  if (names.size === 0) return document;
  const rewrittenSchemas = (rewritten.components as { schemas?: Schema } | undefined)?.schemas ?? {};
  for (let ref = pending.shift(); ref !== undefined; ref = pending.shift()) {
    schemas[names.get(ref) as string] = mapSchema(valueAt(document, ref.slice(1)), pointIntoComponents);
  }
  const hoisted = Object.fromEntries([...names.values()].map((name) => [name, schemas[name]]));
  return { ...rewritten, components: { ...components, schemas: { ...rewrittenSchemas, ...hoisted } } };
}

/** One schema in canonical 3.1; `before` lifts an `allOf` part that says "or null" while it still reads so. */
const canonicalSchema: SchemaVisit = Object.assign(canonicalOne, { before: liftNullablePart });

/** A `$ref` to a whole component schema, which needs no hoisting. */
const COMPONENT_SCHEMA = /^#\/components\/schemas\/[^/]+$/;

function canonicalOne(schema: Schema): Schema {
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
