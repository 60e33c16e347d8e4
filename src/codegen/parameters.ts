import { escapeToken } from "../runtime/json-pointer.js";
import type { ParameterLocation, WireScalar, WireType } from "../runtime/types.js";
import { dict, followed, freeName, isSchema, type Schema } from "./schema-walk.js";
import type { OpenApiDocument } from "./spec-source.js";

/** The schema name of each location's parameters object, for an operation that has parameters there. */
export type OperationParameters = Partial<Record<ParameterLocation, string>>;

/** Where `operationParameters` puts what it makes: the schema set being built, and how its schemas are made. */
export interface ParameterSink {
  document: OpenApiDocument;
  defs: Record<string, Schema>;
  places: Record<string, string>;
  /** Each parameters object's wire types, by its schema name (left out when every parameter is a string). */
  parameterTypes: Record<string, Record<string, WireType>>;
  toJsonSchema: (schema: unknown, place: string) => Schema;
}

const LOCATIONS: readonly ParameterLocation[] = ["path", "query", "header", "cookie"];
/** Header parameters OpenAPI says to ignore: the request's own media types and credentials set them. */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

/** One Parameter Object as written, with the place its schema is warned about from. */
interface Parameter {
  name: string;
  in: ParameterLocation;
  written: Schema;
  place: string;
}

/**
 * An operation's parameters as one object schema per location, added to `sink.defs` as
 * `<operationId>_path`, `_query`, `_header`, `_cookie` (each a free name): `properties` holds each
 * parameter's schema, `required` the required ones (every path parameter). Path-item parameters
 * come first and the operation's replace them by name and location; `$ref`s are followed; header
 * names are lower-case, and `Accept`, `Content-Type` and `Authorization` are left out, as OpenAPI
 * says. Returns the schema names by location, or `undefined` for an operation with no parameters.
 *
 * @example
 * operationParameters(sink, "getPet", "#/paths/~1pets~1{id}/get", item, operation)
 * // { path: "getPet_path", query: "getPet_query" }
 */
export function operationParameters(
  sink: ParameterSink,
  id: string,
  here: string,
  item: Schema,
  operation: Schema,
): OperationParameters | undefined {
  const itemPlace = here.slice(0, here.lastIndexOf("/"));
  const merged = new Map<string, Parameter>();
  for (const parameter of [
    ...parametersOf(sink.document, item.parameters, `${itemPlace}/parameters`),
    ...parametersOf(sink.document, operation.parameters, `${here}/parameters`),
  ]) {
    merged.set(`${parameter.in} ${parameter.name}`, parameter);
  }
  const named: OperationParameters = {};
  for (const location of LOCATIONS) {
    const here = [...merged.values()].filter((parameter) => parameter.in === location);
    if (here.length > 0) named[location] = addLocation(sink, `${id}_${location}`, here);
  }
  return Object.keys(named).length === 0 ? undefined : named;
}

/** One location's parameters as an object schema in `sink.defs`, with its wire types; its name. */
function addLocation(sink: ParameterSink, wanted: string, parameters: Parameter[]): string {
  const properties = dict<Schema>();
  const types = dict<WireType>();
  const required: string[] = [];
  for (const parameter of parameters) {
    const { schema, place, json } = schemaOf(parameter);
    properties[parameter.name] = schema === undefined ? {} : sink.toJsonSchema(schema, place);
    if (parameter.in === "path" || parameter.written.required === true) required.push(parameter.name);
    const type = json ? "json" : wireType(sink.document, schema, parameter);
    if (type !== undefined) types[parameter.name] = type;
  }
  const name = freeName(sink.defs, wanted);
  sink.defs[name] = required.length > 0 ? { type: "object", properties, required } : { type: "object", properties };
  sink.places[name] = parameters[0]?.place ?? "#";
  if (Object.keys(types).length > 0) sink.parameterTypes[name] = types;
  return name;
}

/** The Parameter Objects of a `parameters` list, `$ref`s followed; entries that are no parameter are skipped (lint names them). */
function parametersOf(document: OpenApiDocument, list: unknown, place: string): Parameter[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((written, index): Parameter[] => {
    const value = followed(document, written);
    // A referenced parameter is warned about where it is written: the (first) `$ref`'s target.
    const at = isSchema(written) && typeof written.$ref === "string" ? written.$ref : `${place}/${index}`;
    if (!isSchema(value) || typeof value.name !== "string") return [];
    const location = value.in as ParameterLocation;
    if (!LOCATIONS.includes(location)) return [];
    const name = location === "header" ? value.name.toLowerCase() : value.name;
    if (location === "header" && IGNORED_HEADERS.has(name)) return [];
    return [{ name, in: location, written: value, place: at }];
  });
}

/** A parameter's schema: its `schema`, else the schema of its one `content` entry (then its wire text is that media type). */
function schemaOf({ written, place }: Parameter): { schema: unknown; place: string; json: boolean } {
  if (written.schema !== undefined) return { schema: written.schema, place: `${place}/schema`, json: false };
  const content = isSchema(written.content) ? written.content : {};
  const [mediaType, media] = Object.entries(content)[0] ?? [];
  if (mediaType === undefined || !isSchema(media)) return { schema: undefined, place, json: false };
  const json = /^application\/(.+\+)?json\b/.test(mediaType);
  return { schema: media.schema, place: `${place}/content/${escapeToken(mediaType)}/schema`, json };
}

/**
 * How the runtime reads a parameter's wire text, from its schema's type and its `style` and
 * `explode` (OpenAPI's defaults: `form`, exploded, in a query or cookie; `simple` in a path or
 * header). A string, an object or a style the runtime does not split (`label`, `matrix`,
 * `deepObject`) has none: its text is checked as it came.
 */
function wireType(
  document: OpenApiDocument,
  schema: unknown,
  { written, in: location }: Parameter,
): WireType | undefined {
  const resolved = followed(document, schema);
  const type = typeOf(resolved);
  if (type === "integer" || type === "number" || type === "boolean") return type;
  if (type !== "array" || !isSchema(resolved)) return undefined;
  const itemType = typeOf(followed(document, resolved.items));
  const items: WireScalar | "string" =
    itemType === "integer" || itemType === "number" || itemType === "boolean" ? itemType : "string";
  const style = written.style ?? (location === "query" || location === "cookie" ? "form" : "simple");
  const explode = written.explode ?? style === "form";
  if (style === "simple") return { items, split: "," };
  const delimiter = DELIMITERS[String(style)];
  if (delimiter === undefined) return undefined;
  return explode === true ? { items } : { items, split: delimiter };
}

/** The delimiter of each query style that lists an array's items in one value. */
const DELIMITERS: Readonly<Record<string, string>> = { form: ",", spaceDelimited: " ", pipeDelimited: "|" };

/** A schema's one type other than `null` (canonical 3.1 writes a nullable one as `[T, "null"]`). */
function typeOf(schema: unknown): unknown {
  if (!isSchema(schema)) return undefined;
  const { type } = schema;
  return Array.isArray(type) ? type.find((each) => each !== "null") : type;
}
