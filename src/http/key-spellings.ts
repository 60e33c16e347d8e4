/**
 * The ways a server writes a key back by accident, worked out once per key: what `scrub` cuts out.
 *
 * - as it is, in text or a header;
 * - URL-encoded (an error that quotes the request URL): any character as `%XX`, hex in either case;
 * - base64, standard or URL alphabet, at each of the three offsets a key can sit at in the encoded
 *   text (a header dump of `Authorization: Bearer …`); only the characters that the key alone
 *   decides are matched, so the text around it does not matter;
 * - JSON string escapes (`\/`, `\u0073`): cut out where they stand, since a person reads
 *   `sk-…\/…` in a header or a request id as the key; and, since parsing a body turns them back
 *   into the key (or a base64 spelling of it), what is parsed is scrubbed too (see `scrubAnswer`);
 *   `escapes` says when that can be.
 *
 * Other encodings (hex, reversed, split, compressed) are not looked for: no server writes a
 * credential that way by accident, and one that means to show it can always find another.
 */
export interface Spellings {
  /** The key and its base64 spellings, each cut out where it occurs. */
  readonly exact: readonly ExactSpelling[];
  /** The key with any of its characters percent-encoded or JSON-escaped (global: for `replace`). */
  readonly encoded: RegExp;
  /** A JSON escape that decodes to a character of some spelling: only a body holding one needs parsing. */
  readonly escapes: RegExp;
}

/** One spelling searched for as it is. */
export interface ExactSpelling {
  readonly text: string;
  /**
   * A character of `text` outside the base64 alphabet (the bulk of a large answer), if it has one:
   * text without it cannot hold the spelling, and a one-character search of 8 MB takes a fraction of
   * a millisecond where a search for a short key takes ten.
   */
  readonly mark: string | undefined;
}

/** The characters of standard base64: all but a few bytes of an answer that holds images. */
const BASE64_TEXT = /[A-Za-z0-9+/=]/;

/**
 * The shortest key whose base64 spellings are cut out: 12 characters make a match of 15 base64
 * characters or more (90 bits), which megabytes of image data will not hold by chance.
 */
const MIN_BASE64_KEY = 12;

/** The printable characters JSON may write as a backslash and themselves. */
const JSON_SHORT_ESCAPED = ["/", '"', "\\"];

let cached: { secret: string; spellings: Spellings } | undefined;

/** The spellings of `secret`, worked out on first use (a client keeps one key, so one is cached). */
export function spellingsOf(secret: string): Spellings {
  if (cached?.secret !== secret) cached = { secret, spellings: worked(secret) };
  return cached.spellings;
}

function worked(secret: string): Spellings {
  const exact = [secret, ...(secret.length >= MIN_BASE64_KEY ? base64Spellings(secret) : [])];
  const encoded = new RegExp([...secret].map(encodedCharacter).join(""), "g");
  const characters = new Set([...exact.join(""), "%", ..."0123456789abcdefABCDEF"]);
  const marked = [...new Set(exact)].map((text) => ({ text, mark: [...text].find((char) => !BASE64_TEXT.test(char)) }));
  return { exact: marked, encoded, escapes: escapesOf(characters) };
}

/** A pattern for one character of a key: itself, `%XX`, `\u00XX` (hex in either case), or `\/`, `\"`, `\\`. */
function encodedCharacter(char: string): string {
  const spellings = [escapeRegExp(char), `%${anyCaseHex(char)}`, `\\\\u00${anyCaseHex(char)}`];
  if (JSON_SHORT_ESCAPED.includes(char)) spellings.push(`\\\\${escapeRegExp(char)}`);
  return `(?:${spellings.join("|")})`;
}

/** The part of `secret`'s base64 that `secret` alone decides, at byte offsets 0, 1 and 2, in both alphabets. */
function base64Spellings(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  return [0, 1, 2].flatMap((offset) => {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = btoa(String.fromCharCode(...padded));
    // Character i holds bits 6i to 6i + 5: those wholly inside the key's bits are the key's own.
    const core = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * padded.length) / 6));
    return [core, core.replaceAll("+", "-").replaceAll("/", "_")];
  });
}

/**
 * A pattern for the JSON escapes that decode to one of `characters`: `\uXXXX` (hex in any case),
 * and `\/`, `\"` or `\\` when the character is among them. Escapes of anything else (`\n`, `\"` in
 * a prompt, `\u00e9` from Python's `ensure_ascii`) cannot make a key, so such a body is not parsed twice.
 */
function escapesOf(characters: Set<string>): RegExp {
  const alternatives = [...characters].map((char) => `u00${hex(char)}`);
  for (const char of JSON_SHORT_ESCAPED) if (characters.has(char)) alternatives.push(escapeRegExp(char));
  return new RegExp(`\\\\(?:${alternatives.join("|")})`, "i");
}

/** The character's two hex digits, each letter matching either case: `2[fF]`. */
function anyCaseHex(char: string): string {
  return hex(char).replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
}

function hex(char: string): string {
  return char.charCodeAt(0).toString(16).padStart(2, "0");
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}
