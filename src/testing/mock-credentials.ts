import type { IncomingHttpHeaders } from "node:http";
import { type CarriedParts, type CredentialCheck, carriedCredential } from "../http/credentials.js";
import { cookiePairs } from "../runtime/cookie-header.js";
import type { SecurityScheme } from "../runtime/types.js";
import type { MockRefusal } from "./mock-reply.js";
import type { SpecFolder } from "./spec-folder.js";

/** Stands for "any key" when the mock holds none: only whether something is in the scheme's place counts. */
const ANY_KEY = "any";

/** What a request carries where credentials go, as `carriedCredential` reads it: headers, the query's and cookies' first values. */
export function carriedParts(headers: IncomingHttpHeaders, query: URLSearchParams): CarriedParts {
  const cookieLines = headers.cookie === undefined ? [] : [headers.cookie].flat();
  const cookies: Record<string, string> = Object.create(null);
  for (const [name, value] of cookiePairs(cookieLines)) cookies[name] ??= value;
  const queryValues: Record<string, string> = Object.create(null);
  for (const [name, value] of query) queryValues[name] ??= value;
  return { headers, query: queryValues, cookies };
}

/**
 * Whether a request carries what `operationId`'s security requirements ask: `"right"` when the
 * operation is open (no requirement, or an empty alternative) or some alternative's schemes all
 * carry `key` as `carriedCredential` says (with no `key`, any non-empty credential in each
 * scheme's place); else `"wrong"` when something stands where one of them puts a credential,
 * else `"missing"`. A scheme the folder does not describe, or one that cannot carry a key
 * (mutual TLS), has nothing to check it by and counts as carried.
 */
export function operationCredential(
  spec: SpecFolder,
  operationId: string,
  carried: CarriedParts,
  key: string | undefined,
): CredentialCheck {
  const requirements = spec.routes[operationId]?.security ?? [];
  if (requirements.length === 0 || requirements.some((names) => names.length === 0)) return "right";
  const checks = requirements.map((names) =>
    names.map((name) => {
      const scheme = schemeOf(spec, name);
      if (scheme === undefined) return "right";
      const found = carriedCredential(scheme, carried, key ?? ANY_KEY);
      return key === undefined && found === "wrong" ? "right" : found;
    }),
  );
  if (checks.some((alternative) => alternative.every((check) => check === "right"))) return "right";
  return checks.flat().includes("wrong") ? "wrong" : "missing";
}

/**
 * The spec's refusal of a request whose credentials are `check`: a missing one is the
 * operation's 401 (its 403 when it documents only that), a wrong one its 403 when it documents
 * one, else 401. The message says where the operation's first alternative puts each credential.
 */
export function credentialRefusal(
  spec: SpecFolder,
  operationId: string,
  check: Exclude<CredentialCheck, "right">,
): MockRefusal {
  const route = spec.routes[operationId];
  const answers = spec.answers && Object.hasOwn(spec.answers, operationId) ? spec.answers[operationId] : undefined;
  const documented = new Set([...Object.keys(route?.responses ?? {}), ...Object.keys(answers ?? {})]);
  const forbidden = check === "wrong" ? documented.has("403") : !documented.has("401") && documented.has("403");
  const places = (route?.security?.[0] ?? []).map((name) => placeOf(schemeOf(spec, name), name)).join(" and ");
  return {
    status: forbidden ? 403 : 401,
    message: `${check === "wrong" ? "Invalid" : "Missing"} credentials: send ${places}`,
    type: forbidden ? "permission_error" : "authentication_error",
  };
}

function schemeOf(spec: SpecFolder, name: string): SecurityScheme | undefined {
  const schemes = spec.securitySchemes ?? {};
  return Object.hasOwn(schemes, name) ? schemes[name] : undefined;
}

/** Where a scheme puts its credential, in words; spec names JSON-quoted. */
function placeOf(scheme: SecurityScheme | undefined, name: string): string {
  if (scheme?.type === "apiKey") {
    const where = scheme.in === "header" ? "header" : scheme.in === "query" ? "query parameter" : "cookie";
    return `the key in ${where} ${JSON.stringify(scheme.name)}`;
  }
  if (scheme?.type === "http" && (scheme.scheme === "bearer" || scheme.scheme === "basic"))
    return `Authorization: ${scheme.scheme === "bearer" ? "Bearer <key>" : "Basic <user:password>"}`;
  return `the credential of ${JSON.stringify(name)}`;
}
