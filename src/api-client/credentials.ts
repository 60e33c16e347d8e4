import { currentKey, keysFor } from "../http/auth.js";
import { type CredentialParts, credentialsFor } from "../http/credentials.js";
import type { ClientSettings } from "./options.js";
import type { ClientRoute } from "./spec.js";

/** What one request carries for its operation's security: where the key goes, and the key to scrub. */
export interface Credential {
  parts: CredentialParts | undefined;
  key: string | undefined;
}

const NOTHING: Credential = { parts: undefined, key: undefined };

/**
 * The key placed as the operation's security requirements say (`credentialsFor`): an operation
 * that needs none sends none and needs no key; one that needs a key gets it by the key source's
 * rules (missing, malformed, or bound for plain http to another host: a `ConfigurationError`
 * before anything is sent). A scheme no key can stand for (mutual TLS) sends nothing. `url` is
 * where the request goes: a call's own `baseUrl` may send it elsewhere than the client's.
 */
export function credentialFor(settings: ClientSettings, route: ClientRoute, url: string): Credential {
  const requirements = route.security ?? [];
  if (requirements.length === 0 || requirements.some((names) => names.length === 0)) return NOTHING;
  const key = currentKey(keysFor(settings.keys, settings.baseUrl, url, settings.allowInsecureHttp));
  if (key === undefined) return NOTHING;
  const parts = credentialsFor(settings.spec.securitySchemes, requirements, key);
  return parts === undefined ? NOTHING : { parts, key };
}

/** `url` with the credential's query parameters set (the URL shown in messages is taken before this). */
export function withCredentialQuery(url: string, parts: CredentialParts | undefined): string {
  const entries = Object.entries(parts?.query ?? {});
  if (entries.length === 0) return url;
  const target = new URL(url);
  for (const [name, value] of entries) target.searchParams.set(name, value);
  return target.href;
}

/** `headers` (changed in place) with the credential's headers set and its cookies added to `cookie`. */
export function withCredentialHeaders(headers: Headers, parts: CredentialParts | undefined): Headers {
  for (const [name, value] of Object.entries(parts?.headers ?? {})) headers.set(name, value);
  const cookies = Object.entries(parts?.cookies ?? {}).map(([name, value]) => `${name}=${value}`);
  if (cookies.length > 0) headers.set("cookie", [headers.get("cookie"), ...cookies].filter(Boolean).join("; "));
  return headers;
}
