import { isJsonType } from "../http/response-body.js";
import { defsName, defsRef, escapeToken, pointerKeys, valueAt } from "../runtime/json-pointer.js";
import type { WireType } from "../runtime/types.js";
import { type OperationParameters, operationParameters } from "./parameters.js";
import { dict, followed, freeName, isSchema, mapSchema, refName, type Schema } from "./schema-walk.js";
import { securityRequirements } from "./security.js";
import { METHODS } from "./select-operations.js";
import type { OpenApiDocument } from "./spec-source.js";
import { UnreadBodies } from "./unread-bodies.js";
import type { Warn } from "./warn.js";

/**
 * Where an operation is: a path's (`path`, the template) or a 3.1 webhook's (`webhook`, its name in
 * `webhooks`). A webhook has no path, so a reader of `routes` never takes one for a URL.
 */
export type OperationPlace = { path: string } | { webhook: string };

/** One operation's bodies, each named by the `$defs` entry that holds its schema. */
export type OperationBodies = OperationPlace & {
  method: string;
  request?: string;
  /**
   * The media type its request body is sent in when that is not JSON: the one `request`'s schema
   * describes (form-encoded or multipart), else the first the spec lists (`application/octet-stream`,
   * `text/plain`: a body checked by its content type alone). Absent for JSON or no body.
   */
  requestType?: string;
  /** status code (or `default`) → schema name; a response with no body a validator reads is left out. */
  responses: Record<string, string>;
  /** status code → the headers its response must carry (`required: true`), lower-case; absent when none. */
  headers?: Record<string, string[]>;
  /** The schema name of each location's parameters object (`parameters.ts`); absent when it has none. */
  parameters?: OperationParameters;
  /** The credentials it asks for: alternatives, each the scheme names that must all be given (`security.ts`). */
  security: string[][];
};

/** The spec's schemas as one JSON Schema 2020-12 document, and which of them each operation uses. */
export interface SchemaSet {
  defs: Record<string, Schema>;
  /** By operationId (else `<method> <path>`, or `webhook <name> <method>` for a webhook). */
  operations: Record<string, OperationBodies>;
  /** Where each `$defs` entry stands in the spec, as a JSON pointer (for warnings). */
  places: Record<string, string>;
  /** Where each body schema's type is among the generated types, by its `$defs` name. */
  bodyTypes: Record<string, BodyType>;
  /** How each parameters object's values are read from wire text, by its `$defs` name (`parameters.ts`). */
  parameterTypes: Record<string, Record<string, WireType>>;
}

/**
 * Where a body's type is in `schema.ts`: a component schema (a body that is only a `$ref` to one),
 * or the media type of one operation's request body or response, under `paths` or `webhooks`.
 */
export type BodyType =
  | { component: string }
  | (OperationPlace & { method: string; body: "requestBody" | { status: string }; mediaType: string });

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
 * Collects component schemas (as `$defs`) and the body schemas of every operation from a 3.1
 * document, those of its `webhooks` too. An inline body schema gets a `$defs` entry named
 * `<operationId>_<request|status>`; one that lives in `components/responses` or
 * `components/requestBodies` gets one entry however many operations point at it
 * (`response_<name>`, `requestBody_<name>`), so it is compiled once. A body is read in the first
 * media type a validator reads (`validatedMediaType`); bodies of other media types only are
 * counted, and said in one warning. Annotations are left out, but for `examples` when asked (the
 * request planner reads them). What cannot be taken as written is said through `warn`, with its
 * place in the spec.
 */
export function toSchemaSet(
  document: OpenApiDocument,
  { examples = false, warn = () => {} }: { examples?: boolean; warn?: Warn } = {},
): SchemaSet {
  const toJsonSchema = (schema: unknown, place: string) => asJsonSchema(schema, examples, warn, place);
  const components = (document.components as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {};
  const defs = dict<Schema>();
  const places = dict<string>();
  for (const [name, schema] of Object.entries(components)) {
    places[name] = `#/components/schemas/${escapeToken(name)}`;
    defs[name] = toJsonSchema(schema, places[name]);
  }
  const shared = new Map<string, string>();
  const operations = dict<OperationBodies>();
  const bodyTypes = dict<BodyType>();
  const parameterTypes = dict<Record<string, WireType>>();
  const sink = { document, defs, places, parameterTypes, toJsonSchema };
  const unread = new UnreadBodies();
  const addOperations = (item: unknown, here: string, where: OperationPlace, idOf: (method: string) => string) => {
    if (!isSchema(item)) return;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isSchema(operation)) continue;
      // operationIds are unique across paths and webhooks (lint refuses a spec that repeats one); a
      // webhook without one goes by `webhook <name> <method>`, which no path's `<method> /path` can be.
      const id = typeof operation.operationId === "string" ? operation.operationId : idOf(method);
      const at = `${here}/${method}`;
      const name = (suffix: string, found: FoundBody, body: "requestBody" | { status: string }) => {
        const wanted = found.component === undefined ? `${id}_${suffix}` : sharedName(found.component);
        const known = found.component === undefined ? undefined : shared.get(found.component);
        if (known !== undefined) return known;
        const named = nameBody(defs, wanted, found, toJsonSchema);
        places[named] ??= found.place;
        bodyTypes[named] ??= Object.hasOwn(components, named)
          ? { component: named }
          : { ...where, method, body, mediaType: found.mediaType };
        if (found.component !== undefined) shared.set(found.component, named);
        return named;
      };
      const security = securityRequirements(document, operation, `${at}/security`, warn);
      const bodies: OperationBodies = { method, ...where, responses: {}, security };
      const request = bodyOf(document, operation.requestBody, `${at}/requestBody`, unread);
      if (request !== undefined) bodies.request = name("request", request, "requestBody");
      const requestType = request?.mediaType ?? firstMediaType(document, operation.requestBody);
      if (requestType !== undefined && !isJsonType(requestType)) bodies.requestType = requestType;
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, unknown>)) {
        const found = bodyOf(document, response, `${at}/responses/${escapeToken(status)}`, unread);
        if (found !== undefined) bodies.responses[status] = name(status, found, { status });
        const headers = requiredHeaders(document, response);
        if (headers.length > 0) bodies.headers = { ...bodies.headers, [status]: headers };
      }
      const parameters = operationParameters(sink, id, at, item, operation);
      if (parameters !== undefined) bodies.parameters = parameters;
      operations[id] = bodies;
    }
  };
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, unknown>)) {
    addOperations(item, `#/paths/${escapeToken(path)}`, { path }, (method) => `${method} ${path}`);
  }
  const webhooks = isSchema(document.webhooks) ? document.webhooks : {};
  for (const [webhook, item] of Object.entries(webhooks)) {
    const here = `#/webhooks/${escapeToken(webhook)}`;
    addOperations(followed(document, item), here, { webhook }, (method) => `webhook ${webhook} ${method}`);
  }
  unread.report(warn);
  return { defs, operations, places, bodyTypes, parameterTypes };
}

/** The names of the headers a response says it always carries (`required: true`), lower-case, following `$ref`s. */
function requiredHeaders(document: OpenApiDocument, responseOrRef: unknown): string[] {
  const response = followed(document, responseOrRef);
  const headers = isSchema(response) && isSchema(response.headers) ? response.headers : {};
  return Object.entries(headers)
    .filter(([, header]) => {
      const resolved = followed(document, header);
      return isSchema(resolved) && resolved.required === true;
    })
    .map(([name]) => name.toLowerCase());
}

/** A body's JSON schema, where it stands in the spec, and the component it came from, if any. */
interface FoundBody {
  schema: unknown;
  place: string;
  mediaType: string;
  component?: string | undefined;
}

/** `response_400` for `#/components/responses/400`, `requestBody_Pet` for `#/components/requestBodies/Pet`. */
function sharedName(component: string): string {
  const [, section, name] = pointerKeys(component.slice(1)) as [string, string, string];
  return `${section === "requestBodies" ? "requestBody" : "response"}_${name}`;
}

/**
 * A body that is a plain reference keeps the component's name; any other gets its own entry,
 * named after `wanted` as an identifier, never taking a name already there. A schema that is not
 * a schema at all (`schema: null`, a string) is read as "any value", with a warning.
 */
function nameBody(
  defs: Record<string, Schema>,
  wanted: string,
  { schema, place }: FoundBody,
  toJsonSchema: (schema: unknown, place: string) => Schema,
): string {
  const name = isSchema(schema) ? refName(schema) : undefined;
  if (name !== undefined && Object.keys(schema as Schema).length === 1) return name;
  const unique = freeName(defs, wanted);
  defs[unique] = toJsonSchema(schema, place);
  return unique;
}

/**
 * The media types whose schema describes the value a validator is given, best first. JSON first:
 * where an operation takes JSON and a form both, the JSON body is what a client sends and a server
 * answers, and its schema is exact (numbers, booleans, nulls and nesting survive JSON, while a
 * form's values travel as text). A form-encoded or multipart body is validated as the object
 * before it is encoded: the value a caller builds and a server decodes.
 */
const VALIDATED_MEDIA_TYPES = [
  /^application\/(.+\+)?json\b/i,
  /^application\/x-www-form-urlencoded\b/i,
  /^multipart\/form-data\b/i,
];

/** The media type of `content` that a validator reads (`VALIDATED_MEDIA_TYPES`' order), if it has one. */
function validatedMediaType(content: Schema): string | undefined {
  const types = Object.keys(content);
  for (const pattern of VALIDATED_MEDIA_TYPES) {
    const found = types.find((type) => pattern.test(type));
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The schema of a request body or response in the media type a validator reads, following `$ref`s.
 * A body that has content only in other media types is told to `unread`.
 */
function bodyOf(
  document: OpenApiDocument,
  bodyOrRef: unknown,
  place: string,
  unread: UnreadBodies,
): FoundBody | undefined {
  let body = bodyOrRef;
  let component: string | undefined;
  let where = place;
  while (isSchema(body) && typeof body.$ref === "string" && body.$ref.startsWith("#/")) {
    component = /^#\/components\/(responses|requestBodies)\/[^/]+$/.test(body.$ref) ? body.$ref : component;
    where = body.$ref;
    body = valueAt(document, body.$ref.slice(1));
  }
  const content = isSchema(body) && isSchema(body.content) ? body.content : undefined;
  if (!content) return undefined;
  const mediaType = validatedMediaType(content);
  if (mediaType === undefined) {
    unread.add(Object.keys(content), `${where}/content`);
    return undefined;
  }
  return {
    schema: (content[mediaType] as Schema).schema,
    mediaType,
    place: `${where}/content/${escapeToken(mediaType)}/schema`,
    component,
  };
}

/** The first media type a request body (or its `$ref`) lists, if any. */
function firstMediaType(document: OpenApiDocument, bodyOrRef: unknown): string | undefined {
  const body = followed(document, bodyOrRef);
  return isSchema(body) && isSchema(body.content) ? Object.keys(body.content)[0] : undefined;
}

/** Keywords of JSON Schema 2019-09 that 2020-12 replaced: they assert nothing here, and are dropped. */
const OLD_DRAFT_KEYWORDS = new Set(["$recursiveRef", "$recursiveAnchor"]);

/**
 * An OpenAPI 3.1 Schema Object as plain JSON Schema 2020-12 that Ajv compiles in strict mode.
 * Written-as-is mistakes that published specs make are mended, not refused: a non-schema is "any
 * value", a `required` list naming a key twice names it once, 2019-09 keywords are dropped; each
 * of the first and last is a warning naming `place`.
 */
function asJsonSchema(schema: unknown, examples: boolean, warn: Warn, place: string): Schema {
  if (!isSchema(schema) && typeof schema !== "boolean") {
    warn(
      place,
      `the schema is ${schema === null ? "null" : `a ${typeof schema}`}, not a schema; any value is accepted there`,
    );
    return {};
  }
  const dropped = new Set<string>();
  const mapped = mapSchema(schema, (node) => {
    const out: Schema = dict();
    for (const [key, value] of Object.entries(node)) {
      if (OLD_DRAFT_KEYWORDS.has(key)) dropped.add(key);
      else if ((!NOT_ASSERTIONS.has(key) || (examples && key === "examples")) && !key.startsWith("x-"))
        out[key] = value;
    }
    if (Array.isArray(out.required)) out.required = [...new Set(out.required)];
    const name = refName(node);
    if (name !== undefined) out.$ref = defsRef(name);
    return withIntegerRange(out);
  }) as Schema;
  if (dropped.size > 0)
    warn(place, `${[...dropped].join(", ")} (JSON Schema 2019-09) dropped; 2020-12 has $dynamicRef instead`);
  return mapped;
}

/** `format: int32` and `int64` become the `minimum`/`maximum` they imply, tightened by any the spec sets. */
function withIntegerRange(schema: Schema): Schema {
  const { format } = schema;
  const range = typeof format === "string" && Object.hasOwn(INT_RANGES, format) ? INT_RANGES[format] : undefined;
  if (!range) return schema;
  const { format: _format, ...rest } = schema;
  const minimum = typeof rest.minimum === "number" ? Math.max(rest.minimum, range[0]) : range[0];
  const maximum = typeof rest.maximum === "number" ? Math.min(rest.maximum, range[1]) : range[1];
  return { ...rest, minimum, maximum };
}

/**
 * Every `$defs` entry that the entries `names` reach through `$ref`s, followed transitively: the
 * `$defs` a reader of those body schemas needs, and nothing else (the request planner of
 * `verifyServer` and the mock server walk them).
 */
export function reachedDefs(set: SchemaSet, names: readonly string[]): Record<string, Schema> {
  const reached = dict<Schema>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isSchema(node)) {
      const ref = typeof node.$ref === "string" ? defsName(node.$ref) : undefined;
      if (ref !== undefined && !Object.hasOwn(reached, ref) && set.defs[ref] !== undefined) {
        reached[ref] = set.defs[ref];
        visit(set.defs[ref]);
      }
      for (const value of Object.values(node)) visit(value);
    }
  };
  for (const name of names) visit(set.defs[name]);
  return reached;
}
