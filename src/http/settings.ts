import { ConfigurationError } from "../errors.js";
import { displayUrl } from "./secrets.js";
import { MAX_TIMER_MS } from "./timeout.js";

/** The default API root; `/v1/images/generations` is appended to it. */
export const DEFAULT_BASE_URL = "https://sudoapp.dev/api";

/**
 * A timeout as the caller meant it: `Infinity` is "no timeout"; anything else must be a whole
 * number of milliseconds from 1 to 2^31 − 1 (a longer timer would fire at once in every runtime).
 */
export function checkTimeout(value: number, option: string): number {
  if (value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value >= 1 && value <= MAX_TIMER_MS)) {
    return value;
  }
  throw new ConfigurationError(
    `${option} must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}, or Infinity for none; got ${String(value)}`,
  );
}

/** A count or size that must be a whole number of at least `min` (and finite). */
export function checkWhole(value: number, option: string, min: number): number {
  if (Number.isSafeInteger(value) && value >= min) return value;
  throw new ConfigurationError(`${option} must be a whole number of at least ${min}; got ${String(value)}`);
}

/** One of `choices`, else a `ConfigurationError` that lists them. */
export function checkChoice<T extends string>(value: T, option: string, choices: readonly T[]): T {
  if (choices.includes(value)) return value;
  const listed = choices.map((choice) => JSON.stringify(choice)).join(" or ");
  throw new ConfigurationError(`${option} must be ${listed}; got ${JSON.stringify(String(value))}`);
}

/**
 * A header value the caller gave (`headers`, `idempotencyKey`): a line break or a NUL would make
 * `fetch` fail with an error that repeats the value (a credential, perhaps), and retried; refused
 * here instead, without repeating it.
 */
export function checkHeaderValue(value: string, option: string): string {
  if (typeof value === "string" && !/[\r\n\0]/.test(value)) return value;
  throw new ConfigurationError(
    `${option} must be a string without line breaks or NUL characters (the value is not shown here)`,
  );
}

/** Every value of a `headers` option, checked by `checkHeaderValue`. */
export function checkHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  for (const [name, value] of Object.entries(headers ?? {}))
    checkHeaderValue(value, `headers[${JSON.stringify(name)}]`);
  return { ...headers };
}

/**
 * The API root: an absolute `http:` or `https:` URL without query or fragment (paths are appended
 * to it), with trailing slashes removed.
 */
export function checkBaseUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`${source} is not an absolute URL: ${JSON.stringify(displayUrl(value))}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigurationError(`${source} must be an http or https URL; got ${url.protocol}`);
  }
  if (url.username !== "" || url.password !== "") {
    // fetch refuses such URLs outright; saying so here keeps the password out of every later message.
    throw new ConfigurationError(`${source} must not hold a user name or password; send credentials as headers`);
  }
  if (url.search !== "" || url.hash !== "") {
    throw new ConfigurationError(`${source} must not have a query or fragment (paths are appended to it)`);
  }
  return value.replace(/\/+$/, "");
}
