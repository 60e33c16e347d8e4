import { ConfigurationError } from "../errors.js";

/** What an API key may hold: visible ASCII, as a header value must; no spaces, newlines or NULs. */
const KEY_SHAPE = /^[\x21-\x7e]+$/;
/**
 * Header names that carry credentials, whatever the vendor calls them: a name that holds one of
 * these words anywhere (`Proxy-Authorization`, `X-Authorization`, `Set-Cookie`, `X-Api-Key`).
 */
const CREDENTIAL_HEADER = /authorization|cookie|api[-_]?key|token|secret|password/i;
const REDACTED = "[redacted]";

/**
 * The key, checked once before anything is sent. A key with a newline, a NUL or a space (a pasted
 * environment variable) would otherwise reach `fetch`, whose error repeats the header value; this
 * error never repeats the key, only what is wrong with it and where it came from.
 */
export function checkedKey(key: string, source: string): string {
  if (KEY_SHAPE.test(key)) return key;
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
 * `text` with every occurrence of `secret` replaced by `[redacted]`: for anything a server sends
 * back that may echo the key (`Incorrect API key provided: sk-…`).
 */
export function scrub(text: string, secret: string | undefined): string {
  return secret && isScrubbable(secret) && text.includes(secret) ? text.replaceAll(secret, REDACTED) : text;
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
 */
export function withoutCredentials<T>(headers: Record<string, T>): Record<string, T | string> {
  const redact = (value: T) => {
    const scheme = /^(Bearer|Basic|Token) /i.exec(String(value))?.[1];
    return scheme ? `${scheme} ${REDACTED}` : REDACTED;
  };
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, isCredentialHeader(name) ? redact(value) : value]),
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
