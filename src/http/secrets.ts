import { ConfigurationError } from "../errors.js";
import { spellingsOf } from "./key-spellings.js";

/** What an API key may hold: visible ASCII, as a header value must; no spaces, newlines or NULs. */
const KEY_SHAPE = /^[\x21-\x7e]+$/;
/** A whole `Authorization` value (`Bearer <token>`): two runs of visible ASCII, one space between. */
const HEADER_VALUE_SHAPE = /^[\x21-\x7e]+ [\x21-\x7e]+$/;
/**
 * Header names that carry credentials, whatever the vendor calls them: a name that holds one of
 * these words anywhere (`Proxy-Authorization`, `X-Authorization`, `Set-Cookie`, `X-Api-Key`).
 */
const CREDENTIAL_HEADER = /authorization|cookie|api[-_]?key|token|secret|password/i;
const REDACTED = "[redacted]";

/**
 * The key, checked once before anything is sent. A key with a newline, a NUL or a space (a pasted
 * environment variable) would otherwise reach `fetch`, whose error repeats the header value; this
 * error never repeats the key, only what is wrong with it and where it came from. With
 * `wholeHeader` (an API whose scheme takes the whole `Authorization` value), one space between two
 * visible parts is the value's own (`Bearer <token>`).
 */
export function checkedKey(key: string, source: string, wholeHeader = false): string {
  if (typeof key !== "string") {
    throw new ConfigurationError(
      `The API key from ${source} must be a string, not a ${typeof key} (the key is not shown here)`,
    );
  }
  if (KEY_SHAPE.test(key) || (wholeHeader && HEADER_VALUE_SHAPE.test(key))) return key;
  if (key === "") throw new ConfigurationError(`The API key from ${source} is empty`);
  const what = /[\r\n]/.test(key)
    ? "a line break"
    : key.includes("\0")
      ? "a NUL character"
      : /\s/.test(key)
        ? "white space"
        : "a character outside printable ASCII";
  throw new ConfigurationError(
    `The API key from ${source} holds ${what}; check how it was pasted (the key is not shown here).`,
  );
}

/**
 * `text` with every occurrence of `secret` replaced by `[redacted]`, in each spelling a server may
 * echo it in (as it is, URL-encoded, base64, JSON-escaped: see `Spellings`): for anything a server sends back
 * (`Incorrect API key provided: sk-…`). The text is returned as it is when nothing matches.
 */
export function scrub(text: string, secret: string | undefined): string {
  if (!secret || !isScrubbable(secret)) return text;
  const { exact, encoded } = spellingsOf(secret);
  let scrubbed = text;
  for (const { text: spelling, mark } of exact) {
    if ((mark === undefined || scrubbed.includes(mark)) && scrubbed.includes(spelling))
      scrubbed = scrubbed.replaceAll(spelling, REDACTED);
  }
  // Base64 never holds a % or a backslash, so an answer of megabytes of it is not searched a second
  // time; `includes` scans 8 MB several times faster than a character-class test does.
  return hasEscape(scrubbed) || scrubbed.includes("%") ? scrubbed.replace(encoded, REDACTED) : scrubbed;
}

/**
 * `error` with `secret` scrubbed from its message and its causes' (see `scrub`), `depth` causes
 * deep (a cycle ends there): a copy of the same name where any held it, else `error` itself (text
 * thrown as it is, scrubbed). For an error of a `fetch` the caller gave,
 * which may quote what it was asked to send (a header, a URL with a query key) and becomes the
 * `cause` of an error of ours, which `console.error` prints whole.
 */
export function scrubError(error: unknown, secret: string | undefined, depth = 3): unknown {
  if (!(error instanceof Error)) return typeof error === "string" ? scrub(error, secret) : error;
  const message = scrub(error.message, secret);
  const cause = depth ? scrubError(error.cause, secret, depth - 1) : error.cause;
  return message === error.message && cause === error.cause
    ? error
    : Object.assign(new Error(message, cause === undefined ? {} : { cause }), { name: error.name });
}

/**
 * A body's text scrubbed (see `scrub`), and scrubbed of what JSON parsing makes of it too: `\/`
 * (PHP writes every slash so) or `\u0073` turn back into the key in whoever parses the body. The
 * body is parsed only when it holds an escape that can make a character of the key; then, if a
 * string or a property name of the parsed value holds the key, the text becomes that value,
 * scrubbed, as JSON again. Text that is not JSON stays as it is: nothing parses it.
 */
export function scrubAnswer(text: string, secret: string | undefined): string {
  const scrubbed = scrub(text, secret);
  if (!secret || !isScrubbable(secret) || !hasEscape(scrubbed) || !spellingsOf(secret).escapes.test(scrubbed))
    return scrubbed;
  let changed = false;
  const clean = (value: string) => {
    const result = scrub(value, secret);
    changed ||= result !== value;
    return result;
  };
  try {
    // A byte-order mark is dropped by Response.json() and Response.text(), so a body parsed by them has none.
    const parsed: unknown = JSON.parse(scrubbed.replace(/^\uFEFF/, ""), (_name, value: unknown) =>
      typeof value === "string" ? clean(value) : renamed(value, clean),
    );
    return changed ? JSON.stringify(parsed) : scrubbed;
  } catch (error) {
    // Nested too deep to walk (a RangeError): none of it can be shown safely.
    return error instanceof RangeError ? REDACTED : scrubbed;
  }
}

/** Whether `text` holds a backslash: every JSON escape starts with one, and most answers hold none. */
function hasEscape(text: string): boolean {
  return text.includes("\\");
}

/** `value` with each own property name passed through `clean` (an object JSON parsing just made). */
function renamed(value: unknown, clean: (name: string) => string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    const cleaned = clean(name);
    if (cleaned === name) continue;
    // Defined, not assigned: a name such as __proto__ stays a plain property.
    Object.defineProperty(record, cleaned, {
      value: record[name],
      enumerable: true,
      writable: true,
      configurable: true,
    });
    delete record[name];
  }
  return value;
}

/**
 * Whether a key can be told apart from ordinary text. Answers are scrubbed whole, base64 images
 * included, so a short key made only of base64 characters (`mock`, `test`) would be cut out of
 * prompts and, by chance, out of megabytes of image data. A key of 12 characters or more (real
 * ones are 40+), or of 4 or more with a character base64 never holds (`sk-1`), is scrubbed.
 */
function isScrubbable(secret: string): boolean {
  return secret.length >= 12 || (secret.length >= 4 && !/^[A-Za-z0-9+/=]+$/.test(secret));
}

/**
 * A copy of `headers` with the key scrubbed from every value: a server that echoes the key in a
 * header (`x-debug-auth: Bearer sk-…`) must not put it on an error's `headers`.
 */
export function scrubHeaders(headers: Headers, secret: string | undefined): Headers {
  const copy = new Headers();
  for (const [name, value] of headers) copy.append(name, scrub(value, secret));
  return copy;
}

/** A URL as messages and logs show it: any `user:password@` replaced, so a password never prints. */
export function displayUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, `$1${REDACTED}@`);
}

/** Whether a header of this name carries a credential (see `CREDENTIAL_HEADER`). */
function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADER.test(name);
}

/**
 * A copy of `headers` with every credential-bearing value redacted: what a request log may keep. A
 * value's auth scheme stays (`Bearer [redacted]`), so a test can still see which scheme arrived.
 * `named` adds headers a spec names for its keys (lower-case), whatever they are called.
 */
export function withoutCredentials<T>(
  headers: Record<string, T>,
  named: readonly string[] = [],
): Record<string, T | string> {
  const redact = (value: T) => {
    const scheme = /^(Bearer|Basic|Token) /i.exec(String(value))?.[1];
    return scheme ? `${scheme} ${REDACTED}` : REDACTED;
  };
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      isCredentialHeader(name) || named.includes(name.toLowerCase()) ? redact(value) : value,
    ]),
  );
}

/**
 * Headers as a log shows them: every credential-bearing one (`Authorization`, `Proxy-Authorization`,
 * `Cookie`, `X-Api-Key`, `X-Session-Token` and the like) redacted.
 */
export function redactedHeaders(headers: Headers | Record<string, string>): string {
  const entries = headers instanceof Headers ? [...headers] : Object.entries(headers);
  return entries.map(([name, value]) => `${name}: ${isCredentialHeader(name) ? REDACTED : value}`).join(", ");
}
