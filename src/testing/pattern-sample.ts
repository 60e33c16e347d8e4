/**
 * A schema's `pattern` as the validators compile it (Ajv: the `u` flag), or `undefined` for one
 * that does not compile so (ReadMe's `{[0-9a-f]{4}...}` has a lone brace): the caller then leaves
 * the pattern alone rather than failing a whole plan over one field.
 */
export function compiledPattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}

/**
 * The shortest string this reads from `pattern` that matches it: each alternation's first branch,
 * each quantifier's least count, a class's first member that it takes, escapes as a character they
 * stand for. `undefined` when the pattern has what this does not write (a lookaround, a
 * backreference) or what it wrote does not match, so a caller falls back to its own sample.
 *
 * @example
 * patternSample("^AC[0-9a-fA-F]{2}$") // "AC00"
 * patternSample("rdme_\\w+") // "rdme_a"
 */
export function patternSample(pattern: string): string | undefined {
  const regExp = compiledPattern(pattern);
  if (regExp === undefined) return undefined;
  try {
    const reader = new PatternReader(pattern);
    const text = reader.alternation();
    return reader.done() && regExp.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Characters tried, in order, for a class or an escape: the first one it takes is written. */
const CANDIDATES = ["a", "0", "A", "x", "1", "_", "-", ".", " ", "z", "Z", "9", "/", ":", "@", "+", "=", "~"];

const CLASS_ESCAPES: Readonly<Record<string, string>> = { d: "0", w: "a", s: " ", D: "a", W: "-", S: "a" };
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { n: "\n", r: "\r", t: "\t", f: "\f", v: "\v", "0": "\0" };

/** Not writable: a lookaround or backreference, which a sample cannot be read off. */
class Unwritable extends Error {}

/** Reads a pattern left to right, writing the least string each part matches. */
class PatternReader {
  private at = 0;

  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at === this.source.length;
  }

  /** Branches split by `|`: the first one is written, the others are read past. */
  alternation(): string {
    const first = this.sequence();
    while (this.source[this.at] === "|") {
      this.at++;
      this.sequence();
    }
    return first;
  }

  private sequence(): string {
    let text = "";
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      const atom = this.atom();
      text += atom.repeat(this.leastCount());
    }
    return text;
  }

  private atom(): string {
    const char = this.source[this.at++] as string;
    if (char === "^" || char === "$") return "";
    if (char === ".") return "a";
    if (char === "\\") return this.escape();
    if (char === "[") return this.characterClass();
    if (char === "(") return this.group();
    return char;
  }

  private group(): string {
    if (this.source[this.at] === "?") {
      const kind = this.source.slice(this.at, this.at + 3);
      if (kind.startsWith("?:")) this.at += 2;
      else if (kind.startsWith("?<") && kind !== "?<=" && kind !== "?<!")
        this.at = this.source.indexOf(">", this.at) + 1;
      else throw new Unwritable();
    }
    const text = this.alternation();
    if (this.source[this.at++] !== ")") throw new Unwritable();
    return text;
  }

  private escape(): string {
    const char = this.source[this.at++] as string;
    if (Object.hasOwn(CLASS_ESCAPES, char)) return CLASS_ESCAPES[char] as string;
    if (Object.hasOwn(CONTROL_ESCAPES, char)) return CONTROL_ESCAPES[char] as string;
    if (char === "b" || char === "B") return "";
    if (/[1-9k]/.test(char)) throw new Unwritable();
    if (char === "u" || char === "x") {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(this.source.slice(this.at));
      const digits = braced?.[1] ?? this.source.slice(this.at, this.at + (char === "u" ? 4 : 2));
      this.at += braced ? braced[0].length : digits.length;
      return String.fromCodePoint(Number.parseInt(digits, 16));
    }
    return char;
  }

  /** `[...]`: the first candidate the class takes, tried against the class itself. */
  private characterClass(): string {
    const start = this.at - 1;
    while (this.source[this.at] !== "]") {
      if (this.at >= this.source.length) throw new Unwritable();
      if (this.source[this.at] === "\\") this.at++;
      this.at++;
    }
    this.at++;
    const text = this.source.slice(start, this.at);
    const single = new RegExp(`^${text}$`, "u");
    const first = /^\[([^\\^\]])/.exec(text)?.[1];
    const found = [...(first === undefined ? [] : [first]), ...CANDIDATES].find((candidate) => single.test(candidate));
    if (found === undefined) throw new Unwritable();
    return found;
  }

  /** The least count of the quantifier after an atom (1 when there is none); a lazy `?` is read past. */
  private leastCount(): number {
    const rest = this.source.slice(this.at);
    const braces = /^\{(\d+)(,\d*)?\}/.exec(rest);
    let count = 1;
    if (braces) {
      this.at += braces[0].length;
      count = Number(braces[1]);
    } else if (rest[0] === "*" || rest[0] === "?" || rest[0] === "+") {
      this.at++;
      count = rest[0] === "+" ? 1 : 0;
    } else return 1;
    if (this.source[this.at] === "?") this.at++;
    return count;
  }
}
