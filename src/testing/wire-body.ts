import { parameterValues, type RawValues } from "../runtime/parameter-values.js";
import type { JsonSchema, WireType, WireTypes } from "../runtime/types.js";
import { nonNullTypes, resolvedSchema } from "./body-schema.js";

/** The request media types whose body is an object sent as named fields. */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** Whether a body of this media type is an object sent as fields (form-encoded or multipart). */
export function isFormType(type: string | undefined): boolean {
  return type !== undefined && FORM_TYPES.test(type);
}

/**
 * The fields an object body is sent as, as OpenAPI's default form encoding writes them: a list
 * repeats its name, an object is JSON text, bytes (a `Blob`, a `Uint8Array`) stay bytes for a
 * multipart file part; `null` and `undefined` are left out.
 */
export function formFields(body: unknown): [name: string, value: string | Blob][] {
  if (typeof body !== "object" || body === null) return [];
  const fields: [string, string | Blob][] = [];
  const one = (name: string, value: unknown) => {
    if (value === null || value === undefined) return;
    if (value instanceof Blob) fields.push([name, value]);
    else if (value instanceof Uint8Array) fields.push([name, new Blob([value as Uint8Array<ArrayBuffer>])]);
    else fields.push([name, typeof value === "object" ? JSON.stringify(value) : String(value)]);
  };
  for (const [name, value] of Object.entries(body))
    for (const each of Array.isArray(value) ? value : [value]) one(name, each);
  return fields;
}

/**
 * A body of `type` (form-encoded or multipart) as it goes on the wire: `URLSearchParams` or
 * `FormData`, each of which `fetch` sends with its own content type (multipart's boundary).
 */
export function encodedForm(type: string, body: unknown): URLSearchParams | FormData {
  const fields = formFields(body);
  if (/^application\/x-www-form-urlencoded\b/i.test(type))
    return new URLSearchParams(fields.map(([name, value]) => [name, typeof value === "string" ? value : ""]));
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

/**
 * A form's fields (`URLSearchParams`, `FormData`) as the object `schema` describes: each field
 * read by its property's type (a number, a boolean, a list, an object from JSON text), as a server
 * decodes a form; a file part stays a `Blob`. What the spec's validator then checks.
 */
export function formObject(fields: RawValues, schema: JsonSchema): Record<string, unknown> {
  return parameterValues(fields, wireTypes(schema), "query");
}

/** How each property of an object schema is read from a form field's text; a string property is not listed. */
function wireTypes(schema: JsonSchema): WireTypes {
  const root = resolvedSchema(schema, schema);
  const properties = (root.properties ?? {}) as Record<string, JsonSchema>;
  const types: Record<string, WireType> = Object.create(null);
  for (const [name, property] of Object.entries(properties)) {
    const resolved = resolvedSchema(property, schema);
    const type = scalarOf(resolved);
    if (nonNullTypes(resolved)[0] === "array") {
      const items = resolvedSchema((resolved.items ?? {}) as JsonSchema, schema);
      types[name] = { items: scalarOf(items) ?? "string" };
    } else if (type !== undefined) types[name] = type;
  }
  return types;
}

function scalarOf(schema: JsonSchema): "integer" | "number" | "boolean" | "json" | undefined {
  const [type] = nonNullTypes(schema);
  if (type === "integer" || type === "number" || type === "boolean") return type;
  return type === "object" || (type === undefined && schema.properties !== undefined) ? "json" : undefined;
}

/**
 * Whether a request's `content-type` is the media type an operation declares for its body
 * (parameters and letter case aside; a declared `*` subtype or `*\/*` takes any).
 */
export function isDeclaredType(declared: string, received: string | undefined): boolean {
  const essence = (type: string) => type.split(";")[0]?.trim().toLowerCase() ?? "";
  const [want, got] = [essence(declared), essence(received ?? "")];
  if (want === "*/*") return got !== "";
  return want.endsWith("/*") ? got.startsWith(want.slice(0, -1)) : got === want;
}

/** A concrete media type a client may send for a declared one: a wildcard made specific. */
export function sentType(declared: string): string {
  return declared.replace(/^\*\/\*/, "application/octet-stream").replace(/\/\*/, "/x-sample");
}

/** A request body as the mock read it: its value, and why its content type is refused, when it is. */
export interface ReadBody {
  /**
   * JSON parsed (`undefined` when it does not parse), a form read into the object its schema
   * describes (`formObject`), `text/*` as text, any other media type as its bytes.
   */
  value: unknown;
  /** The declared media type a body in another one was sent instead of, if so. */
  unsupported?: string | undefined;
}

/**
 * The request body of `route`, read by the media type it declares (`requestType`, else JSON):
 * what the mock validates and hands a plugin. An empty body is not held to a media type.
 */
export async function readRequestBody(
  route: { readonly request?: string; readonly requestType?: string } | undefined,
  schema: JsonSchema | undefined,
  contentType: string | undefined,
  bytes: Buffer,
): Promise<ReadBody> {
  const declared = route?.requestType;
  if (declared === undefined)
    return { value: route?.request === undefined ? bytes.toString("utf8") : parseJson(bytes) };
  if (bytes.length > 0 && !isDeclaredType(declared, contentType)) return { value: undefined, unsupported: declared };
  if (/^application\/x-www-form-urlencoded\b/i.test(declared))
    return { value: formObject(new URLSearchParams(bytes.toString("utf8")), schema ?? {}) };
  if (isFormType(declared)) {
    const form = await new Response(bytes as unknown as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": contentType ?? "" },
    })
      .formData()
      .catch(() => undefined);
    return { value: form === undefined ? undefined : formObject(form as unknown as RawValues, schema ?? {}) };
  }
  return { value: /^text\//i.test(declared) ? bytes.toString("utf8") : bytes };
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
}

/** What a client puts on the wire for a request body: the bytes' source and, unless `fetch` sets it (a form), the content type. */
export interface SentBody {
  body: string | URLSearchParams | FormData | undefined;
  type?: string | undefined;
}

/**
 * `body` as a request of `route` sends it, in the media type it declares: JSON text by default, a
 * form as `encodedForm` writes it, text or bytes (a string) in their declared type.
 */
export function sentBody(route: { readonly requestType?: string }, body: unknown): SentBody {
  const declared = route.requestType;
  if (body === undefined) return { body: undefined };
  if (declared === undefined) return { body: JSON.stringify(body), type: "application/json" };
  if (isFormType(declared)) return { body: encodedForm(declared, body) };
  return { body: typeof body === "string" ? body : JSON.stringify(body), type: sentType(declared) };
}

/**
 * A planned object body of a form route as the server reads it back (`formObject` of what
 * `encodedForm` writes): what the request validator must judge, since a form's values travel as
 * text (`12345` for a string field is its text `"12345"`, which the field takes).
 */
export function formRoundTrip(route: { readonly requestType?: string }, schema: JsonSchema, body: unknown): unknown {
  const declared = route.requestType;
  if (!isFormType(declared) || typeof body !== "object" || body === null) return body;
  return formObject(encodedForm(declared as string, body) as unknown as RawValues, schema);
}
