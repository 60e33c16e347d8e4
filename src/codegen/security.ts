import { escapeToken } from "../runtime/json-pointer.js";
import type { SecurityScheme } from "../runtime/types.js";
import { dict, followed, isSchema, type Schema } from "./schema-walk.js";
import type { OpenApiDocument } from "./spec-source.js";
import type { Warn } from "./warn.js";

/**
 * What an operation asks of a caller's credentials: a list of alternatives, each the names of the
 * schemes that must all be given (`[["apiKey", "appId"], ["bearer"]]`); an empty alternative means
 * none is needed, and an empty list that the operation is open. The operation's own `security`
 * wins over the document's. Scopes are left out: neither a client nor a mock can act on them.
 * A name that `components.securitySchemes` lacks is kept, with a warning at `place`.
 *
 * @example
 * securityRequirements(document, { security: [{ petstore_auth: ["write:pets"] }] }, "#/paths/~1pets/post/security")
 * // [["petstore_auth"]]
 */
export function securityRequirements(
  document: OpenApiDocument,
  operation: Schema,
  place: string,
  warn: Warn,
): string[][] {
  const written = Array.isArray(operation.security) ? operation.security : document.security;
  if (!Array.isArray(written)) return [];
  const schemes = isSchema(document.components) ? document.components.securitySchemes : undefined;
  return written.filter(isSchema).map((requirement) => {
    const names = Object.keys(requirement);
    for (const name of names) {
      if (!isSchema(schemes) || !Object.hasOwn(schemes, name))
        warn(place, `security scheme ${JSON.stringify(name)} is not in components.securitySchemes`);
    }
    return names;
  });
}

/**
 * The document's security schemes, each as what a client or a mock needs of it (`SecurityScheme`):
 * an `http` scheme by its lower-case name, an `apiKey` with where it goes and its name (a header's
 * lower-case), OAuth 2 and OpenID Connect as the bearer tokens they yield, mutual TLS as itself.
 * Descriptions, URLs and flows are left out. A scheme that says too little to be used (no `name`,
 * an unknown `type`) is left out with a warning naming its place.
 *
 * @example
 * securitySchemes({ components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } } }, warn)
 * // { key: { type: "apiKey", in: "header", name: "x-key" } }
 */
export function securitySchemes(document: OpenApiDocument, warn: Warn): Record<string, SecurityScheme> {
  const components = isSchema(document.components) ? document.components : {};
  const written = isSchema(components.securitySchemes) ? components.securitySchemes : {};
  const schemes = dict<SecurityScheme>();
  for (const [name, schemeOrRef] of Object.entries(written)) {
    const place = `#/components/securitySchemes/${escapeToken(name)}`;
    const scheme = usable(followed(document, schemeOrRef));
    if (typeof scheme === "string") warn(place, `security scheme left out: ${scheme}`);
    else schemes[name] = scheme;
  }
  return schemes;
}

const API_KEY_PLACES = ["header", "query", "cookie"];

/** A Security Scheme Object as a `SecurityScheme`, or why it cannot be one. */
function usable(scheme: unknown): SecurityScheme | string {
  if (!isSchema(scheme)) return "it is not an object";
  switch (scheme.type) {
    case "http":
      return typeof scheme.scheme === "string" && scheme.scheme !== ""
        ? { type: "http", scheme: scheme.scheme.toLowerCase() }
        : "an http scheme needs its `scheme` (bearer, basic, …)";
    case "apiKey": {
      const where = scheme.in;
      if (typeof where !== "string" || !API_KEY_PLACES.includes(where) || typeof scheme.name !== "string")
        return "an apiKey scheme needs `in` (header, query or cookie) and `name`";
      const name = where === "header" ? scheme.name.toLowerCase() : scheme.name;
      return { type: "apiKey", in: where as "header" | "query" | "cookie", name };
    }
    case "oauth2":
    case "openIdConnect":
      return { type: "http", scheme: "bearer" };
    case "mutualTLS":
      return { type: "mutualTLS" };
    default:
      return `its type ${JSON.stringify(String(scheme.type))} is none of http, apiKey, oauth2, openIdConnect, mutualTLS`;
  }
}
