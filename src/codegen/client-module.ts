import { commentText, literal } from "./code-text.js";

/** An environment variable's name as shells take it. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The environment variable a folder's client reads its key from, by default: the spec's title in
 * capitals, words joined by `_`, a trailing `API` dropped, then `_API_KEY` (`Directus` →
 * `DIRECTUS_API_KEY`, `Swagger Petstore API` → `SWAGGER_PETSTORE_API_KEY`); `API_KEY` when the
 * title gives no such name.
 */
export function apiKeyEnvFor(title: unknown): string {
  const words = (typeof title === "string" ? title : "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  if (words.at(-1) === "API") words.pop();
  const name = [...words, "API_KEY"].join("_");
  return /^[A-Z_]/.test(name) ? name : "API_KEY";
}

/** Whether `name` can be an environment variable's name (what `--api-key-env` takes). */
export function isEnvName(name: string): boolean {
  return ENV_NAME.test(name);
}

/**
 * The spec's first absolute http(s) server URL, its `{variables}` filled with their defaults: the
 * folder's default `baseUrl`. `undefined` when no server has one (a relative `/api`, say).
 */
export function defaultServerUrl(document: { servers?: unknown }): string | undefined {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  for (const server of servers as { url?: unknown; variables?: Record<string, { default?: unknown }> }[]) {
    if (typeof server?.url !== "string") continue;
    const url = server.url.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
      const value = server.variables?.[name]?.default;
      return typeof value === "string" ? value : whole;
    });
    // Visible ASCII only: a control character (an escape sequence) is no URL to send a key to.
    if (/^https?:\/\/[\x21-\x7a|~]+$/i.test(url) && URL.canParse(url)) return url.replace(/\/+$/, "");
  }
  return undefined;
}

/**
 * The module a folder's `client.ts` imports `createSpecClient` from: beside the runtime's sources
 * when the folder imports those by a relative path (inside this package), else the package's
 * `sudo-images/client` entry.
 */
export function clientImportFor(runtime: string): string {
  const own = /^(\.{1,2}\/.*)runtime\/index\.js$/.exec(runtime);
  return own ? `${own[1]}api-client/index.js` : "sudo-images/client";
}

/**
 * `client.ts`: `createClient(options)`, `createSpecClient` bound to the folder's data and its
 * defaults (the key's environment variable, the server URL). Kept out of `index.ts`, which needs
 * nothing at run time.
 */
export function clientModule(from: string, apiKeyEnv: string, baseUrl: string | undefined): string {
  const server = baseUrl === undefined ? "undefined" : literal(baseUrl);
  return `import { createSpecClient, type SpecClient, type SpecClientOptions } from ${JSON.stringify(from)};
import { parameterTypes, routes, securitySchemes, shapes, validators } from "./metadata.js";
import type { paths } from "./schema.js";

/** The environment variable \`createClient\` reads the API key from when no \`apiKey\` is given. */
export const API_KEY_ENV = ${literal(apiKeyEnv)};

/** The API root \`createClient\` sends to when no \`baseUrl\` is given${baseUrl === undefined ? " (the spec names none: give one)" : `: ${commentText(baseUrl)}`}. */
export const DEFAULT_BASE_URL: string | undefined = ${server};

/**
 * An openapi-fetch client for this spec, typed by its \`paths\`: requests checked, the key placed
 * as each operation's security scheme says, answers validated and normalized.
 *
 * @example
 * const client = createClient(); // reads the key from API_KEY_ENV
 */
export function createClient(options: SpecClientOptions = {}): SpecClient<paths> {
  return createSpecClient<paths>(
    { routes, validators, parameterTypes, securitySchemes, shapes, apiKeyEnv: API_KEY_ENV, baseUrl: DEFAULT_BASE_URL },
    options,
  );
}
`;
}
