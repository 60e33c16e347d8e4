import { type CredentialParts, credentialFor, credentialsFor, merged } from "../http/credentials.js";
import type { SecurityScheme } from "../runtime/types.js";
import type { SpecFolder } from "./spec-folder.js";
import type { PlannedRequest } from "./verify-plan.js";

/** The key `auth` checks send as a wrong one: no server issued it. */
export const WRONG_KEY = "sk-sudo-images-verify-not-a-real-key";

const NONE: CredentialParts = { headers: {}, query: {}, cookies: {} };

/**
 * The schemes of the first of an operation's security alternatives whose every scheme can carry a
 * key (`credentialsFor`'s choice): what verify sends with each request and takes away, or gets
 * wrong, one scheme at a time. Empty for an open operation (no requirement, or an empty
 * alternative) and for one no key can stand for (mutual TLS alone).
 */
export function usableAlternative(spec: SpecFolder, operationId: string): readonly string[] {
  const requirements = spec.routes[operationId]?.security ?? [];
  if (requirements.some((names) => names.length === 0)) return [];
  const schemes = spec.securitySchemes ?? {};
  return requirements.find((names) => credentialsFor(schemes, [names], WRONG_KEY) !== undefined) ?? [];
}

/**
 * Where a planned request carries a credential, and what: a valid or invalid one carries `key`
 * wherever the operation's schemes put it (`credentialsFor`); an `auth` one takes its scheme's
 * credential away (`key: "none"`) or puts `WRONG_KEY` there (`"wrong"`), every scheme of the
 * usable alternative when it names none, the others still carrying `key`. Nothing without a key.
 */
export function plannedCredentials(
  spec: SpecFolder,
  planned: PlannedRequest,
  key: string | undefined,
): CredentialParts {
  const schemes = spec.securitySchemes ?? {};
  const requirements = spec.routes[planned.operationId]?.security ?? [];
  if (planned.key === undefined) return key === undefined ? NONE : (credentialsFor(schemes, requirements, key) ?? NONE);
  const parts = usableAlternative(spec, planned.operationId).map((name) => {
    const scheme = schemes[name] as SecurityScheme;
    const tested = planned.scheme === undefined || planned.scheme === name;
    const sent = tested ? (planned.key === "wrong" ? WRONG_KEY : undefined) : key;
    return sent === undefined ? NONE : (credentialFor(scheme, sent) ?? NONE);
  });
  return parts.reduce(merged, NONE);
}
