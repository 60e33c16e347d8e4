import { lstatSync, realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BaseResolver, type Document, Source } from "@redocly/openapi-core";
import { escapeToken, valueAt } from "../runtime/json-pointer.js";
import { displayPath } from "./display-path.js";
import { specFileDigest, specFileRefusal } from "./spec-file.js";

/** Where a spec's `$ref`s may lead. */
export interface RefPolicy {
  /** Follow `$ref`s to files outside the root spec's folder. @default false */
  allowOutsideRefs?: boolean | undefined;
  /** Fetch `$ref`s to http(s) URLs. @default false */
  allowRemoteRefs?: boolean | undefined;
}

/**
 * A file or URL the resolver read: a file with the SHA-256 of the bytes it parsed, a remote `$ref`
 * (allowed by `allowRemoteRefs`) without one, since what a URL serves can change unseen.
 */
export interface SpecRead {
  ref: string;
  sha256?: string;
}
/**
 * The most values one parsed file may hold once its YAML aliases are expanded: GitHub's whole spec
 * holds about 260,000; an alias bomb of a few hundred bytes holds billions.
 */
const MAX_NODES = 5_000_000;
/** The longest chain of schemas that are nothing but a `$ref` to the next (Redocly recurses once per hop). */
const MAX_REF_HOPS = 100;

/**
 * The one resolver every step of the generator reads a spec through (lint, bundle, drift). A spec is
 * untrusted input, so its `$ref`s stay inside the root spec's folder, compared as real paths (a
 * linked folder inside it cannot lead out), and never reach the network unless a flag allows it;
 * only the files `specFileRefusal` allows are read; and a parsed file whose aliases expand past five million values, or that holds a
 * `__proto__` key (which JavaScript objects cannot carry safely), is refused. Each refusal
 * surfaces as Redocly's "Can't resolve $ref: …" with our reason, at the `$ref` that asked for it.
 */
export class SpecResolver extends BaseResolver {
  readonly #root: string;
  readonly #policy: RefPolicy;
  /** The real path of the spec's folder, found on the first `$ref` to a file. */
  #realRoot: string | undefined;
  /** Every file and URL read, in order: what a cache of the output re-checks (`SpecRead`). */
  readonly read: SpecRead[] = [];

  /** Each text read, by its absolute ref (for `again`). */
  readonly #sources = new Map<string, Source>();
  /** The texts a resolver made by `again` parses without reading, already checked. */
  readonly #replayed: ReadonlyMap<string, Source>;
  readonly #rootSpec: string;

  constructor(rootSpec: string, policy: RefPolicy = {}, replayed: ReadonlyMap<string, Source> = new Map()) {
    super();
    this.#rootSpec = rootSpec;
    this.#root = path.dirname(path.resolve(rootSpec));
    this.#policy = policy;
    this.#replayed = replayed;
  }

  /**
   * A resolver for a second walk of the same spec (lint after bundle, which rewrites the documents
   * it read in place): it parses again the texts this one read, and reads (and lists) none of them
   * again; a file this one did not read, it reads under the same policy.
   */
  again(): SpecResolver {
    return new SpecResolver(this.#rootSpec, this.#policy, new Map([...this.#replayed, ...this.#sources]));
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    const replayed = this.#replayed.get(absoluteRef);
    if (replayed !== undefined) return replayed;
    const source = await this.#load(absoluteRef);
    this.#sources.set(absoluteRef, source);
    return source;
  }

  async #load(absoluteRef: string): Promise<Source> {
    if (/^https?:\/\//i.test(absoluteRef)) {
      if (!this.#policy.allowRemoteRefs)
        throw refusal(`${absoluteRef} is remote; pass --allow-remote-refs to fetch it`);
      this.read.push({ ref: absoluteRef });
      return super.loadExternalRef(absoluteRef);
    }
    this.#checkFile(absoluteRef);
    // Read here, not by Redocly: the digest must be of the very bytes that are parsed.
    const bytes = await readFile(absoluteRef).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`${displayPath(absoluteRef)}: ${unreadable(error.code)}`);
    });
    this.read.push({ ref: absoluteRef, sha256: specFileDigest(bytes) });
    // As Redocly's own read: UTF-8, Windows line ends made plain.
    return new Source(absoluteRef, bytes.toString("utf8").replace(/\r\n/g, "\n"));
  }

  override parseDocument(source: Source, isRoot = false): Document {
    const document = jsonDocument(source, isRoot) ?? super.parseDocument(source, isRoot);
    if (this.#replayed.get(source.absoluteRef) === source) return document;
    const problem = unsafeValue(document.parsed);
    // The root file's name is already at the head of the error; a referenced file's is not.
    if (problem !== undefined) throw refusal(isRoot ? problem : `${displayPath(source.absoluteRef)}: ${problem}`);
    return document;
  }

  #checkFile(file: string): void {
    if (!this.#policy.allowOutsideRefs && !isInside(this.#root, file)) {
      throw refusal(`${displayPath(file)} is outside the spec's folder; pass --allow-outside-refs to read it`);
    }
    const problem = specFileRefusal(attempt(file, () => lstatSync(file)));
    if (problem !== undefined) throw refusal(`${displayPath(file)} ${problem}`);
    if (this.#policy.allowOutsideRefs) return;
    // A folder on the way may be a link (a file itself may not: lstat said so above), so the
    // boundary is drawn between real paths, where no link is left to lead out.
    this.#realRoot ??= attempt(this.#root, () => realpathSync(this.#root));
    const real = attempt(file, () => realpathSync(file));
    if (!isInside(this.#realRoot, real)) {
      throw refusal(
        `${displayPath(file)} leads outside the spec's folder through a symbolic link (to ${displayPath(real)}); pass --allow-outside-refs to read it`,
      );
    }
  }
}

/**
 * `source` parsed by `JSON.parse`, when it is the root or a `.json` file and JSON text (an object):
 * Redocly parses every file with its YAML parser, at a quarter of JSON.parse's speed (GitHub's 13
 * MB: 0.45 s against 0.13 s, and a large spec is parsed twice: bundle, then lint). The value is the
 * same, but for a key written twice, which YAML refuses and JSON.parse takes the last of. Text
 * JSON.parse refuses is left to the YAML parser, which decides.
 */
function jsonDocument(source: Source, isRoot: boolean): Document | undefined {
  if (!(isRoot || source.absoluteRef.endsWith(".json")) || !/^\s*\{/.test(source.body)) return undefined;
  try {
    return { source, parsed: JSON.parse(source.body) };
  } catch {
    return undefined;
  }
}

/** Whether `file` is inside `folder`, as paths are written (no link is followed). */
function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** `look()`, a file system call about `file`, with its failure as a refusal naming the file and the code. */
function attempt<T>(file: string, look: () => T): T {
  try {
    return look();
  } catch (error) {
    throw new Error(`${displayPath(file)}: ${unreadable((error as NodeJS.ErrnoException).code)}`);
  }
}

/** Why a file could not be read, in words (the code too, for a search). */
function unreadable(code: string | undefined): string {
  const words: Record<string, string> = {
    ENOENT: "no such file",
    EISDIR: "a folder, not a file",
    EACCES: "not allowed to read it",
    EPERM: "not allowed to read it",
  };
  return code !== undefined && Object.hasOwn(words, code)
    ? `${words[code]} (${code})`
    : `cannot be read (${code ?? "unknown error"})`;
}

function refusal(message: string): Error {
  return new Error(`refused: ${message}`);
}

/**
 * What makes a parsed file unsafe to hold, or `undefined`: too many values once aliases are
 * expanded (counted by walking every path, so a shared subtree counts each time it is reached), or
 * a `__proto__` key. An explicit stack: a deeply nested file cannot overflow the call stack.
 */
function unsafeValue(root: unknown): string | undefined {
  const hops = new Map<string, number>();
  const stack: [unknown, string][] = [[root, "#"]];
  for (let seen = 0; stack.length > 0; seen++) {
    if (seen > MAX_NODES) return `more than ${MAX_NODES} values once YAML aliases are expanded (an alias bomb?)`;
    const [value, pointer] = stack.pop() as [unknown, string];
    if (typeof value !== "object" || value === null) continue;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && ref.startsWith("#/") && refHops(root, ref, hops) > MAX_REF_HOPS) {
      return `a chain of more than ${MAX_REF_HOPS} $refs from ${pointer}`;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === "__proto__")
        return `a key named "__proto__" at ${pointer}, which JavaScript objects cannot carry safely`;
      stack.push([child, `${pointer}/${escapeToken(key)}`]);
    }
  }
  return undefined;
}

/**
 * How many `$ref` hops lead from `ref` to a value that is not a bare local `$ref` (a cycle ends the
 * count; the linter reports it). Remembered per pointer, so a whole file costs one pass.
 */
function refHops(root: unknown, ref: string, hops: Map<string, number>): number {
  const chain: string[] = [];
  let current: string | undefined = ref;
  let known = 0;
  while (current !== undefined && chain.length <= MAX_REF_HOPS) {
    const remembered = hops.get(current);
    if (remembered !== undefined) {
      known = remembered;
      break;
    }
    chain.push(current);
    const next: unknown = (valueAt(root, current.slice(1)) as { $ref?: unknown } | undefined)?.$ref;
    current = typeof next === "string" && next.startsWith("#/") && !chain.includes(next) ? next : undefined;
  }
  for (let index = chain.length - 1; index >= 0; index--) hops.set(chain[index] as string, ++known);
  return known;
}
