/**
 * Where JSON pointers stand in a JSON text, found in one pass over the text without building a
 * tree: on a spec of 13 MB, parsing the text into Redocly's YAML syntax tree to place a few
 * thousand warnings took longer than the lint that found them. The answer is the place Redocly's
 * `getLineColLocation` gives (the start of the value, or of its key with `onKey`; the nearest
 * value the text has when the pointer leads past it; the first of two equal keys), so a warning
 * reads the same either way.
 */

/** A pointer to place: `#/a/b`, and whether to point at its key rather than its value. */
export interface JsonPlace {
  pointer: string;
  onKey: boolean;
}

/** One step of the pointers asked for, with where the text has it once the pass has found it. */
interface Step {
  next: Map<string, Step>;
  value?: number;
  key?: number;
}

/**
 * The offset where each of `places` is in `text`, in order; `undefined` when `text` is not a
 * single JSON value (a YAML file, say), which the caller places another way.
 *
 * @example
 * jsonOffsets('{"a": [1, 2]}', [{ pointer: "#/a/1", onKey: false }]) // [10]
 */
export function jsonOffsets(text: string, places: readonly JsonPlace[]): number[] | undefined {
  const root: Step = { next: new Map() };
  const paths = places.map(({ pointer }) => segments(pointer));
  for (const path of paths) {
    let step = root;
    for (const segment of path) {
      const child = step.next.get(segment) ?? { next: new Map() };
      step.next.set(segment, child);
      step = child;
    }
  }
  const scanner = new Scanner(text);
  try {
    scanner.space();
    root.value = scanner.at;
    scanner.value(root);
    if (scanner.space() < text.length) return undefined;
  } catch (error) {
    if (error === NOT_JSON) return undefined;
    throw error;
  }
  return places.map(({ onKey }, index) => offsetOf(root, paths[index] as string[], onKey));
}

/** The deepest step of `path` the text has: its value's offset, or its key's with `onKey` (an array item has none). */
function offsetOf(root: Step, path: readonly string[], onKey: boolean): number {
  let found = root;
  for (const segment of path) {
    const child = found.next.get(segment);
    if (child?.value === undefined) break;
    found = child;
  }
  return (onKey ? found.key : undefined) ?? (found.value as number);
}

/** `#/a~1b/c` as `["a/b", "c"]`; `#/` (the root's "" key, which no spec has) as `[""]`. */
function segments(pointer: string): string[] {
  return pointer
    .slice(2)
    .split("/")
    .map((token) => decodeURIComponentSafe(token).replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Redocly's pointers are URI fragments; one that does not decode is matched as written. */
function decodeURIComponentSafe(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

/** Thrown where the text is not JSON; `jsonOffsets` answers `undefined`. */
const NOT_JSON = Symbol("not JSON");

const QUOTE = 34;
const BACKSLASH = 92;

/** A cursor over JSON text that records the places of the steps it is given and skips the rest. */
class Scanner {
  at = 0;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  /** Moves past white space; the new offset. */
  space(): number {
    const text = this.#text;
    let at = this.at;
    for (let code = text.charCodeAt(at); code === 32 || code === 10 || code === 13 || code === 9; ) {
      code = text.charCodeAt(++at);
    }
    this.at = at;
    return at;
  }

  /** The value at the cursor, whose place is `step`'s: its members are followed where `step` goes on. */
  value(step: Step): void {
    const open = step.next.size === 0 ? undefined : this.#text.charCodeAt(this.at);
    if (open === 123) this.#members(step);
    else if (open === 91) this.#items(step);
    else this.skip();
  }

  #members(step: Step): void {
    this.at++;
    if (this.#close(125)) return;
    for (;;) {
      this.space();
      const keyAt = this.at;
      const key = this.#string();
      this.space();
      this.#expect(58);
      this.space();
      this.#enter(step.next.get(key), keyAt);
      this.space();
      if (this.#close(125)) return;
      this.#expect(44);
    }
  }

  #items(step: Step): void {
    this.at++;
    if (this.#close(93)) return;
    for (let index = 0; ; index++) {
      this.space();
      this.#enter(step.next.get(String(index)), undefined);
      this.space();
      if (this.#close(93)) return;
      this.#expect(44);
    }
  }

  /** The value at the cursor as `child`'s (the first of two equal keys keeps its place), or skipped. */
  #enter(child: Step | undefined, keyAt: number | undefined): void {
    if (child === undefined || child.value !== undefined) {
      this.skip();
      return;
    }
    child.value = this.at;
    child.key = keyAt;
    this.value(child);
  }

  /** Moves past one value of any kind, counting brackets and passing over strings. */
  skip(): void {
    const text = this.#text;
    let depth = 0;
    do {
      const code = text.charCodeAt(this.at);
      if (code === QUOTE) {
        this.#passString();
        continue;
      }
      if (code === 123 || code === 91) depth++;
      else if (code === 125 || code === 93) depth--;
      else if (Number.isNaN(code)) throw NOT_JSON;
      else if (depth === 0) {
        this.#scalar();
        return;
      }
      this.at++;
    } while (depth > 0);
  }

  /** Moves past a number, `true`, `false` or `null`. */
  #scalar(): void {
    const text = this.#text;
    const start = this.at;
    let at = start;
    for (let code = text.charCodeAt(at); isScalarCode(code); ) code = text.charCodeAt(++at);
    if (at === start) throw NOT_JSON;
    this.at = at;
  }

  /** The string at the cursor, decoded, and the cursor past it. */
  #string(): string {
    const start = this.at;
    this.#passString();
    const raw = this.#text.slice(start + 1, this.at - 1);
    if (!raw.includes("\\")) return raw;
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      throw NOT_JSON;
    }
  }

  /** Moves past the string at the cursor: to the first quote after it that no backslash escapes. */
  #passString(): void {
    const text = this.#text;
    if (text.charCodeAt(this.at) !== QUOTE) throw NOT_JSON;
    let at = this.at + 1;
    for (;;) {
      const end = text.indexOf('"', at);
      if (end === -1) throw NOT_JSON;
      let slashes = 0;
      while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
      at = end + 1;
      if (slashes % 2 === 0) break;
    }
    this.at = at;
  }

  #close(code: number): boolean {
    this.space();
    if (this.#text.charCodeAt(this.at) !== code) return false;
    this.at++;
    return true;
  }

  #expect(code: number): void {
    if (this.#text.charCodeAt(this.at) !== code) throw NOT_JSON;
    this.at++;
  }
}

/** A character of a number or of `true`, `false`, `null`. */
function isScalarCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 97 && code <= 122) ||
    code === 45 ||
    code === 43 ||
    code === 46 ||
    code === 69
  );
}
