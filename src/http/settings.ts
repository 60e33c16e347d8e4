import { ConfigurationError } from "../errors.js";
import { displayUrl } from "./secrets.js";
import { MAX_TIMER_MS } from "./timeout.js";

/** The default API root; `/v1/images/generations` is appended to it. */
export const DEFAULT_BASE_URL = "https://sudoapp.dev/api";

/**
 * A value as a message about a wrong option shows it: a string quoted (and cut short), a number or
 * a flag as it is, anything else by its kind, so a message never reads `[object Object]`.
 */
export function shownValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || value === undefined || ["number", "boolean", "bigint"].includes(typeof value)) {
    return String(value);
  }
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * A flag: `true` or `false` (left out or `null`, `false`). Anything else, such as `"false"` from an
 * environment variable, is refused, never taken as truthy.
 */
export function checkFlag(value: unknown, option: string): boolean {
  if (value == null) return false;
  if (typeof value === "boolean") return value;
  throw new ConfigurationError(`${option} must be true or false; got ${shownValue(value)}`);
}

/** A function the caller hands over (`fetch`, `logger`, a callback), or `undefined` (for `null` too). */
export function checkFunction<T>(value: T | undefined, option: string): T | undefined {
  if (value == null) return undefined;
  if (typeof value === "function") return value;
  throw new ConfigurationError(`${option} must be a function; got ${shownValue(value)}`);
}

/** An object of sub-options (`retry`), or `undefined` (for `null` too). */
export function checkObject<T extends object>(value: T | undefined, option: string): T | undefined {
  if (value == null) return undefined;
  if (typeof value === "object" && !Array.isArray(value)) return value;
  throw new ConfigurationError(`${option} must be an object; got ${shownValue(value)}`);
}

/**
 * An `AbortSignal` (from this realm or another: it is recognized by its shape), or `undefined`
 * for none, which `null` also means (as in fetch's `RequestInit`).
 */
export function checkSignal(value: AbortSignal | null | undefined, option: string): AbortSignal | undefined {
  const signal = value as { aborted?: unknown; addEventListener?: unknown } | null | undefined;
  if (value === undefined || value === null) return undefined;
  if (typeof signal?.aborted === "boolean" && typeof signal.addEventListener === "function") return value;
  throw new ConfigurationError(`${option} must be an AbortSignal; got ${shownValue(value)}`);
}

/**
 * A timeout as the caller meant it: `Infinity` is "no timeout"; anything else must be a whole
 * number of milliseconds from 1 to 2^31 − 1 (a longer timer would fire at once in every runtime).
 */
export function checkTimeout(value: number, option: string): number {
  if (value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value >= 1 && value <= MAX_TIMER_MS)) {
    return value;
  }
  throw new ConfigurationError(
    `${option} must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}, or Infinity for none; got ${shownValue(value)}`,
  );
}

/** A count or size that must be a whole number of at least `min` (and finite). */
export function checkWhole(value: number, option: string, min: number): number {
  if (Number.isSafeInteger(value) && value >= min) return value;
  throw new ConfigurationError(`${option} must be a whole number of at least ${min}; got ${shownValue(value)}`);
}

/** One of `choices`, else a `ConfigurationError` that lists them (`true` is no `"strict"`). */
export function checkChoice<T extends string>(value: unknown, option: string, choices: readonly T[]): T {
  if (choices.includes(value as T)) return value as T;
  const listed = choices.map((choice) => JSON.stringify(choice)).join(" or ");
  throw new ConfigurationError(`${option} must be ${listed}; got ${shownValue(value)}`);
}

/** How strictly a body is held to the spec: throw (`"strict"`), report through `onWarning` and go on (`"warn"`), or not check. */
export type ValidationMode = "strict" | "warn" | "off";
/** Every value `validateRequests` and `validateResponses` take. */
const VALIDATION_MODES: readonly ValidationMode[] = ["strict", "warn", "off"];

/** A `validateRequests` or `validateResponses` option: one of the modes, `"strict"` when not given. */
export function checkValidationMode(value: unknown, option: string): ValidationMode {
  return checkChoice(value ?? "strict", option, VALIDATION_MODES);
}

/**
 * A header value the caller gave (`headers`, `idempotencyKey`): a line break or a NUL would make
 * `fetch` fail with an error that repeats the value (a credential, perhaps), and retried; refused
 * here instead, without repeating it.
 */
export function checkHeaderValue(value: string, option: string): string {
  if (typeof value !== "string" || /[\r\n\0]/.test(value)) {
    throw new ConfigurationError(
      `${option} must be a string without line breaks or NUL characters (the value is not shown here)`,
    );
  }
  if (/[\u0100-\uffff]/.test(value)) {
    throw new ConfigurationError(
      `${option} must hold only Latin-1 characters, as HTTP headers do (the value is not shown here)`,
    );
  }
  return value;
}

/** A header name as RFC 9110 has it (a token). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * A `headers` option in any form `fetch` takes (a `Headers`, an array of pairs, an object; a
 * `Map` too), each name and value checked (`checkHeaderValue`), as one object with lower-case
 * names: so a caller's `Content-Type` is replaced by the client's, not sent beside it.
 */
export function checkHeaders(headers: HeadersInit | undefined): Record<string, string> {
  // A Map keeps the caller's order and takes any name (`__proto__` is a valid token).
  const merged = new Map<string, string>();
  for (const [name, value] of headerPairs(headers)) {
    if (!HEADER_NAME.test(name))
      throw new ConfigurationError(`headers holds ${shownValue(name)}, which is not a header name`);
    checkHeaderValue(value, `headers[${JSON.stringify(name)}]`);
    const lower = name.toLowerCase();
    const before = merged.get(lower);
    merged.set(lower, before === undefined ? value : `${before}, ${value}`);
  }
  return Object.fromEntries(merged);
}

/** The name-value pairs of a `headers` option; anything that holds none is refused. */
function headerPairs(headers: unknown): [string, string][] {
  if (headers == null) return [];
  const wrong = () =>
    new ConfigurationError(
      `headers must be a Headers, an array of [name, value] pairs or an object; got ${shownValue(headers)}`,
    );
  if (typeof headers !== "object" || headers === null) throw wrong();
  if (!(Symbol.iterator in headers)) return Object.entries(headers);
  const pairs = [...(headers as Iterable<unknown>)];
  if (!pairs.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === "string")) throw wrong();
  return pairs as [string, string][];
}

/**
 * What URL parsing drops without a word (a tab or line break anywhere; a control character or space
 * at either end), so the URL requested would not be the one given: `…/api/\r\nx` goes to `/api/x`.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is looked for.
const DROPPED_BY_URL_PARSING = /[\t\n\r]|^[\x00-\x20]|[\x00-\x20]$/;

/**
 * The API root: an absolute `http:` or `https:` URL without query or fragment (paths are appended
 * to it), with trailing slashes removed.
 */
export function checkBaseUrl(given: string | URL, source: string): string {
  if (typeof given !== "string" && !(given instanceof URL)) {
    throw new ConfigurationError(`${source} must be a string or a URL; got ${shownValue(given)}`);
  }
  const value = String(given);
  if (DROPPED_BY_URL_PARSING.test(value)) {
    throw new ConfigurationError(
      `${source} holds a tab, a line break or white space at an end; check how it was pasted`,
    );
  }
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
