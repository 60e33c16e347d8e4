import { valueAt } from "../../src/spec/json-pointer.js";
import { dict, freeName, isSchema, mapSchema, refName, type Schema } from "./schema-walk.js";
import { METHODS } from "./select-operations.js";
import type { OpenApiDocument } from "./spec-source.js";

/** One operation's bodies, each named by the `$defs` entry that holds its schema. */
export interface OperationBodies {
  method: string;
  path: string;
  request?: string;
  /** status code (or `default`) → schema name; a response with no JSON body is left out. */
  responses: Record<string, string>;
}

/** The spec's schemas as one JSON Schema 2020-12 document, and which of them each operation uses. */
export interface SchemaSet {
  defs: Record<string, Schema>;
  operations: Record<string, OperationBodies>;
}

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  // JSON numbers past 2^53 are not exact in JavaScript; that is the range a client can honour.
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
/**
 * Keywords the validators leave out: OpenAPI's own (Ajv's strict mode rejects them) and
 * annotations, which assert nothing and would only add bytes to the compiled code.
 */
const NOT_ASSERTIONS = new Set([
  "discriminator",
  "xml",
  "externalDocs",
  "example",
  "title",
  "description",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
]);

/**
 * Collects component schemas (as `$defs`) and the JSON body schemas of every operation from a 3.1
 * document. An inline body schema gets a `$defs` entry named `<operationId>_<request|status>`.
 * Annotations are left out, but for `examples` when asked (the request planner reads them).
 */
export function toSchemaSet(document: OpenApiDocument, { examples = false } = {}): SchemaSet {
  const toJsonSchema = (schema: unknown) => asJsonSchema(schema, examples);
  const components = (document.components as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {};
  const defs = dict<Schema>();
  for (const [name, schema] of Object.entries(components)) defs[name] = toJsonSchema(schema);
  const operations = dict<OperationBodies>();
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Schema | undefined;
      if (!operation) continue;
      const id = typeof operation.operationId === "string" ? operation.operationId : `${method} ${path}`;
      const name = (suffix: string, schema: unknown) => nameBody(defs, `${id}_${suffix}`, schema, toJsonSchema);
      const bodies: OperationBodies = { method, path, responses: {} };
      const request = jsonSchemaOf(document, operation.requestBody);
      if (request !== undefined) bodies.request = name("request", request);
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, unknown>)) {
        const schema = jsonSchemaOf(document, response);
        if (schema !== undefined) bodies.responses[status] = name(status, schema);
      }
      operations[id] = bodies;
    }
  }
  return { defs, operations };
}

/**
 * A body that is a plain reference keeps the component's name; an inline one gets its own entry,
 * named `<operationId>_<request|status>` as an identifier (an operation with no id is named by its
 * method and path) and never taking a component's name.
 */
function nameBody(
  defs: Record<string, Schema>,
  fallback: string,
  schema: unknown,
  toJsonSchema: (schema: unknown) => Schema,
): string {
  const name = isSchema(schema) ? refName(schema) : undefined;
  if (name !== undefined && Object.keys(schema as Schema).length === 1) return name;
  const unique = freeName(defs, fallback);
  defs[unique] = toJsonSchema(schema);
  return unique;
}

/** The `application/json` (or `+json`) schema of a request body or response, following `$ref`s. */
function jsonSchemaOf(document: OpenApiDocument, bodyOrRef: unknown): unknown {
  const body = resolveLocal(document, bodyOrRef);
  const content = isSchema(body) && isSchema(body.content) ? body.content : undefined;
  if (!content) return undefined;
  const mediaType = Object.keys(content).find((type) => /^application\/(.+\+)?json\b/.test(type));
  return mediaType === undefined ? undefined : (content[mediaType] as Schema).schema;
}

function resolveLocal(document: OpenApiDocument, node: unknown): unknown {
  let current = node;
  while (isSchema(current) && typeof current.$ref === "string" && current.$ref.startsWith("#/")) {
    current = valueAt(document, current.$ref.slice(1));
  }
  return current;
}

/** An OpenAPI 3.1 Schema Object as plain JSON Schema 2020-12 that Ajv compiles in strict mode. */
function asJsonSchema(schema: unknown, examples: boolean): Schema {
  return mapSchema(schema, (node) => {
    const out: Schema = dict();
    for (const [key, value] of Object.entries(node)) {
      if ((!NOT_ASSERTIONS.has(key) || (examples && key === "examples")) && !key.startsWith("x-")) out[key] = value;
    }
    const name = refName(node);
    if (name !== undefined) out.$ref = `#/$defs/${name}`;
    return withIntegerRange(out);
  }) as Schema;
}

/** `format: int32` and `int64` become the `minimum`/`maximum` they imply, tightened by any the spec sets. */
function withIntegerRange(schema: Schema): Schema {
  const range = typeof schema.format === "string" ? INT_RANGES[schema.format] : undefined;
  if (!range) return schema;
  const { format: _format, ...rest } = schema;
  const minimum = typeof rest.minimum === "number" ? Math.max(rest.minimum, range[0]) : range[0];
  const maximum = typeof rest.maximum === "number" ? Math.min(rest.maximum, range[1]) : range[1];
  return { ...rest, minimum, maximum };
}

/**
 * The JSON Schema of one `$defs` entry, standalone: with a `$defs` of its own holding every entry
 * it reaches, so a reader needs nothing else (the request planner of `verifyServer` walks it).
 */
export function standaloneSchema(set: SchemaSet, name: string): Schema {
  const reached = dict<Schema>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isSchema(node)) {
      const ref = typeof node.$ref === "string" && node.$ref.startsWith("#/$defs/") ? node.$ref.slice(8) : undefined;
      if (ref !== undefined && !Object.hasOwn(reached, ref) && set.defs[ref] !== undefined) {
        reached[ref] = set.defs[ref];
        visit(set.defs[ref]);
      }
      for (const value of Object.values(node)) visit(value);
    }
  };
  const root = set.defs[name] ?? {};
  visit(root);
  return Object.keys(reached).length === 0 ? root : { ...root, $defs: reached };
}
