import { ConfigurationError, MissingApiKeyError } from "../errors.js";
import type { SecurityScheme } from "../runtime/types.js";
import { readEnv } from "./environment.js";
import { isLoopbackHost } from "./hosts.js";
import { checkedKey } from "./secrets.js";
import { checkFlag } from "./settings.js";

/** Where the key comes from and where it may go, resolved once per client. */
export interface KeySource {
  /** The key passed to the client; else the variable `envName` is read at each call, so a rotated key is used. */
  apiKey: string | undefined;
  /**
   * The environment variable a key is read from when `apiKey` is not given, such as `SUDO_API_KEY`;
   * none for a door whose key must be given (verify of another spec: an ambient Sudo key must never
   * go to that spec's server).
   */
  envName: string | undefined;
  /** What the caller called, for the message when there is no key, such as `createImagesClient()`. */
  creator: string;
  /** `apiKey` once it passed `checkedKey` (set by the first call), so later calls skip the check. */
  checkedApiKey?: string | undefined;
  /** A page behind a proxy of its own sends no key, and that is fine. */
  required: boolean;
  /** The key may be a whole `Authorization` value, `Bearer <token>` (see `takesWholeHeader`). */
  wholeHeader?: boolean | undefined;
  /** The URL the key would be sent to is plain http to a host that is not loopback. */
  insecureTarget: string | undefined;
}

/**
 * The key for the next request, checked before anything is sent: a missing key, a key with a line
 * break or a NUL, or a key about to go over plain http to another host is a `ConfigurationError`
 * (which never repeats the key). `undefined` when no key is needed.
 */
export function currentKey(source: KeySource): string | undefined {
  if (source.checkedApiKey !== undefined && source.insecureTarget === undefined) return source.checkedApiKey;
  const { apiKey, envName } = source;
  // `null` is left out, as for every option: the environment's key is read.
  const fromEnv = apiKey == null && envName !== undefined ? readEnv(envName) : undefined;
  const key = apiKey ?? fromEnv;
  if (key === undefined) {
    if (!source.required) return undefined;
    const env = envName === undefined ? "" : `set the ${envName} environment variable or `;
    throw new MissingApiKeyError(`No API key: ${env}pass \`apiKey\` to ${source.creator}.`);
  }
  if (source.insecureTarget !== undefined) {
    throw new ConfigurationError(
      `Refusing to send the API key in clear text to http://${source.insecureTarget}: use https, or set allowInsecureHttp: true (the CLI's --allow-insecure-http).`,
    );
  }
  // A key from the environment is read, so checked, at each call: a rotated key is used.
  if (apiKey == null) return checkedKey(key, envName ?? "the environment", source.wholeHeader);
  source.checkedApiKey = checkedKey(key, "the apiKey option", source.wholeHeader);
  return source.checkedApiKey;
}

/**
 * Whether a spec's key may be a whole `Authorization` value: some scheme is an API key in that
 * header (Directus's is), which goes as written, so the key holds its own `Bearer ` (one space).
 */
export function takesWholeHeader(schemes: Readonly<Record<string, SecurityScheme>>): boolean {
  return Object.values(schemes).some(
    (scheme) => scheme.type === "apiKey" && scheme.in === "header" && scheme.name.toLowerCase() === "authorization",
  );
}

/** The `Authorization` value that carries the key, the one way every door sends it. */
export function bearer(key: string): string {
  return `Bearer ${key}`;
}

/**
 * The host an http URL would send the key to in clear text, or `undefined` when that is safe:
 * https, a loopback host (`localhost`, `127.x.x.x`, `[::1]`, exactly), or `allowInsecureHttp`,
 * which must be `true` (`"false"` from an environment variable is a `ConfigurationError`, not truthy).
 */
export function insecureTarget(url: string, allowInsecureHttp: boolean | undefined): string | undefined {
  if (checkFlag(allowInsecureHttp, "allowInsecureHttp") || !url.startsWith("http:")) return undefined;
  const { hostname, host } = new URL(url);
  return isLoopbackHost(hostname) ? undefined : host;
}

/**
 * The key source for one request to `url`: `keys` as they are when it goes under the client's API
 * root, else judged again for plain http, since a call's own `baseUrl` (an option of
 * openapi-fetch's) may send it elsewhere: the key never goes in clear text to a host that is not
 * loopback, whichever option named it.
 */
export function keysFor(
  keys: KeySource,
  apiRoot: string,
  url: string,
  allowInsecureHttp: boolean | undefined,
): KeySource {
  if (url === apiRoot || url.startsWith(`${apiRoot}/`) || url.startsWith(`${apiRoot}?`)) return keys;
  return { ...keys, insecureTarget: insecureTarget(url, allowInsecureHttp) };
}
