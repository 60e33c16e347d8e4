import type { SecurityScheme } from "../runtime/types.js";

/**
 * Where a credential goes on a request: header values by lower-case name, query parameters and
 * cookies by name. What a client adds to a request, what verify sends (right or wrong), and what
 * a mock expects to find: one rule for every door.
 */
export interface CredentialParts {
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly cookies: Readonly<Record<string, string>>;
}

/** What a request carries where a credential can be, as a server reads it. */
export interface CarriedParts {
  /** Header values by lower-case name. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly cookies: Readonly<Record<string, string | undefined>>;
}

/** Whether a request carries the one credential a scheme asks for. */
export type CredentialCheck = "right" | "wrong" | "missing";

const NONE: CredentialParts = { headers: {}, query: {}, cookies: {} };

/**
 * The one credential `key` as `scheme` sends it, or `undefined` when the scheme cannot carry a
 * key (mutual TLS, or an http scheme other than bearer and basic, such as digest). A basic
 * scheme's key is `user:password` (a key without a colon is a user name with no password).
 *
 * @example
 * credentialFor({ type: "apiKey", in: "query", name: "api_key" }, "k1")
 * // { headers: {}, query: { api_key: "k1" }, cookies: {} }
 */
export function credentialFor(scheme: SecurityScheme, key: string): CredentialParts | undefined {
  if (scheme.type === "apiKey") {
    const where = scheme.in === "header" ? "headers" : scheme.in === "query" ? "query" : "cookies";
    return { ...NONE, [where]: { [scheme.in === "header" ? scheme.name.toLowerCase() : scheme.name]: key } };
  }
  if (scheme.type !== "http") return undefined;
  if (scheme.scheme === "bearer") return { ...NONE, headers: { authorization: `Bearer ${key}` } };
  if (scheme.scheme === "basic") return { ...NONE, headers: { authorization: `Basic ${base64(key)}` } };
  return undefined;
}

/**
 * What a request to an operation carries for `key`, by the operation's security requirements
 * (alternatives, each a list of scheme names that must all be given): the first alternative every
 * scheme of which can carry a key, each in a place of its own (basic and bearer together cannot
 * both be the one `Authorization`), each scheme given the same key. No requirement, or an empty
 * alternative, needs nothing (`NONE`); `undefined` when no alternative can carry a key.
 *
 * @example
 * credentialsFor(schemes, [["oauth"], ["apiKey"]], "k1") // the first of the two a key can stand for
 */
export function credentialsFor(
  schemes: Readonly<Record<string, SecurityScheme>>,
  requirements: readonly (readonly string[])[],
  key: string,
): CredentialParts | undefined {
  if (requirements.length === 0 || requirements.some((names) => names.length === 0)) return NONE;
  for (const names of requirements) {
    const parts = names.map((name) => {
      const scheme = Object.hasOwn(schemes, name) ? schemes[name] : undefined;
      return scheme === undefined ? undefined : credentialFor(scheme, key);
    });
    // Two schemes of one alternative in one place (basic and bearer both in Authorization) cannot
    // both be sent: no request meets that alternative.
    if (parts.every((part) => part !== undefined) && !collide(parts)) return parts.reduce(merged, NONE);
  }
  return undefined;
}

/**
 * Whether a request carries `key` as `scheme` sends it: `"right"`, `"wrong"` (something else where
 * the credential goes) or `"missing"`. A scheme that cannot carry a key is `"right"`: a mock has
 * nothing to check it by.
 */
export function carriedCredential(scheme: SecurityScheme, carried: CarriedParts, key: string): CredentialCheck {
  const wanted = credentialFor(scheme, key);
  if (wanted === undefined) return "right";
  const checks = [
    ...Object.entries(wanted.headers).map(([name, value]) => compare(first(carried.headers[name]), value, name)),
    ...Object.entries(wanted.query).map(([name, value]) => compare(carried.query[name], value)),
    ...Object.entries(wanted.cookies).map(([name, value]) => compare(carried.cookies[name], value)),
  ];
  return checks.includes("missing") ? "missing" : checks.includes("wrong") ? "wrong" : "right";
}

/** One place's value against the wanted one; an `Authorization` of another scheme is missing, not wrong. */
function compare(got: string | undefined, wanted: string, header?: string): CredentialCheck {
  if (got === undefined || got === "") return "missing";
  if (header === "authorization" && got.split(" ")[0]?.toLowerCase() !== wanted.split(" ")[0]?.toLowerCase()) {
    return "missing";
  }
  return got === wanted ? "right" : "wrong";
}

/** Whether two of `parts` put a value in the same place (a header, a query parameter, a cookie). */
function collide(parts: readonly CredentialParts[]): boolean {
  const places = parts.flatMap((part) => [
    ...Object.keys(part.headers).map((name) => `header ${name}`),
    ...Object.keys(part.query).map((name) => `query ${name}`),
    ...Object.keys(part.cookies).map((name) => `cookie ${name}`),
  ]);
  return new Set(places).size < places.length;
}

function first(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === "string" || value === undefined ? value : value[0];
}

/** Two requests' credentials as one: what both carry (the second's value where both use one place). */
export function merged(a: CredentialParts, b: CredentialParts): CredentialParts {
  return {
    headers: { ...a.headers, ...b.headers },
    query: { ...a.query, ...b.query },
    cookies: { ...a.cookies, ...b.cookies },
  };
}

/** `text` as UTF-8, in base64: `btoa` alone takes only Latin-1, and `Buffer` is not in a browser. */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
