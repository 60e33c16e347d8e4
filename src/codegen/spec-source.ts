import type { NormalizedProblem } from "@redocly/openapi-core";
import {
  bundle,
  createConfig,
  getAstNodeByPointer,
  getLineColLocation,
  lint,
  Source as RedoclySource,
} from "@redocly/openapi-core";
import { displayPath } from "./display-path.js";
import { type JsonPlace, jsonOffsets } from "./json-locator.js";
import { ownKeysPlugin } from "./redocly-own-keys.js";
import { type RefPolicy, type SpecRead, SpecResolver } from "./spec-resolver.js";

export { displayPath } from "./display-path.js";

export type { RefPolicy, SpecRead } from "./spec-resolver.js";

/** A spec that cannot be generated from; `message` is one line naming the file and place. */
export class SpecError extends Error {
  override name = "SpecError";
}

/** A parsed OpenAPI 3.0 or 3.1 document with every external `$ref` pulled in. */
export type OpenApiDocument = Record<string, unknown> & { openapi: string };

/**
 * Rules of `recommended` the generator leaves off: they validate every example against its schema
 * with a second Ajv, a third of the time on GitHub's spec, to warn of what the generated code never
 * reads. `npm run lint:spec` keeps them for this repository's own spec.
 */
const CODEGEN_RULES = { "no-invalid-media-type-examples": "off", "no-invalid-schema-examples": "off" } as const;

/** Lint rules whose findings make a spec impossible to generate from, not merely untidy. */
const FATAL_RULES = new Set(["no-unresolved-refs"]);

/**
 * Reads, bundles and lints (Redocly's `recommended` ruleset) `specPath`. Real specs break lint
 * rules all the time, so a finding is a warning (one line each, `file:line:col: message [rule] at
 * #/pointer`). Only what leaves nothing to generate from is a `SpecError`: a file that cannot be
 * read or parsed, a `$ref` that does not resolve, a document that is not OpenAPI 3.0 or 3.1.
 *
 * With `lintLater`, the lint is left for `lint()` to run when the caller has something to do
 * beside it (the generator, its validators' worker): on a large spec it is the longest part of
 * this. The spec is then bundled first, and the lint parses the texts read again (`again`), since
 * the bundle rewrites the documents it read in place; a spec the bundle found a fault in, or whose
 * version is wrong, is linted here, so that a fatal finding is said before anything else. Without
 * it, the lint runs first on the documents as read, and the bundle walks the same ones.
 */
export async function loadSpec(specPath: string, policy: RefPolicy = {}, lintLater = false): Promise<LoadedSpec> {
  const config = await createConfig({ extends: ["recommended"], rules: CODEGEN_RULES, plugins: [ownKeysPlugin] });
  // One resolver reads each file once and checks it against the policy.
  const resolver = new SpecResolver(specPath, policy);
  const lintWith = (reader: SpecResolver) => {
    // Let go once the lint has started: the resolver's documents are garbage when it ends.
    let unread: SpecResolver | undefined = reader;
    let linted: Promise<string[]> | undefined;
    return () => {
      linted ??= lintFindings(specPath, config, unread as SpecResolver);
      unread = undefined;
      return linted;
    };
  };
  const lintFirst = lintLater ? undefined : lintWith(resolver);
  await lintFirst?.();
  const { bundle: bundled, problems: faults } = await readOrRefuse(specPath, () =>
    bundle({ ref: specPath, config, dereference: false, externalRefResolver: resolver }),
  );
  // Made now, not when it runs: the resolver holds the bundled documents, which must not stay alive until then.
  const lint = lintFirst ?? lintWith(resolver.again());
  const document = bundled.parsed as Record<string, unknown>;
  const version = document.openapi;
  if (faults.length > 0) await lint();
  if (typeof version !== "string" || !/^3\.[01]\./.test(version)) {
    const found = version ?? (document.swagger ? `swagger ${String(document.swagger)}` : "no version");
    const count = (await lint()).length;
    throw new SpecError(
      `${displayPath(specPath)}: not an OpenAPI 3.0 or 3.1 document (${String(found)})${warningCount(count)}`,
    );
  }
  // Only the file's text is kept for `place`: lint's sources hold what their warnings were placed
  // with, which must not stay alive during the emit.
  const { absoluteRef, body, mimeType } = bundled.source;
  const place: Placer = (found) => {
    const source = new RedoclySource(absoluteRef, body, mimeType);
    const places = lineCols(
      source,
      found.map(([pointer]) => ({ pointer, onKey: false })),
    );
    return found.map(
      ([pointer, message], index) =>
        `${displayPath(specPath)}:${(places[index] as LineCol).line}:${(places[index] as LineCol).col}: ${message} at ${pointer}`,
    );
  };
  return { document: document as OpenApiDocument, lint, place, read: resolver.read };
}

/**
 * What `loadSpec` read: the document, lint's warnings (linted on the first call: a `SpecError` when
 * a finding is fatal), how to say where something in it is, and every file (and URL) it was made from.
 */
export interface LoadedSpec {
  document: OpenApiDocument;
  lint: () => Promise<string[]>;
  place: Placer;
  read: readonly SpecRead[];
}

/**
 * Warnings about places of the spec (`[pointer, message]`), each as one line, the way lint's read:
 * `file:line:col: message at #/pointer` (the line of the nearest node the file has). All at once:
 * a JSON file is read through once for every place.
 */
export type Placer = (found: readonly (readonly [pointer: string, message: string])[]) => string[];

/** The tail of a fatal line: how many warnings the spec also has, which `--verbose` lists. */
export function warningCount(count: number): string {
  return count > 0 ? ` (and ${count} warning(s) about the spec; --verbose lists them)` : "";
}

/**
 * Every finding of Redocly's `recommended` ruleset, one line each: the standard this repository
 * holds its own spec to (`npm run lint:spec` wants none).
 */
export async function lintSpec(specPath: string): Promise<string[]> {
  const config = await createConfig({ extends: ["recommended"], plugins: [ownKeysPlugin] });
  const problems = await lintProblems(specPath, config, new SpecResolver(specPath));
  return problemLines(problems);
}

function lintProblems(specPath: string, config: Awaited<ReturnType<typeof createConfig>>, resolver: SpecResolver) {
  return readOrRefuse(specPath, () => lint({ ref: specPath, config, externalRefResolver: resolver }));
}

/** Lint's findings as warning lines; a `SpecError` (the first, and how many more) when one is fatal. */
async function lintFindings(
  specPath: string,
  config: Awaited<ReturnType<typeof createConfig>>,
  resolver: SpecResolver,
): Promise<string[]> {
  const problems = await lintProblems(specPath, config, resolver);
  const fatal = problems.filter((problem) => FATAL_RULES.has(problem.ruleId));
  if (fatal.length === 0) return problemLines(problems);
  const more = fatal.length > 1 ? ` (and ${fatal.length - 1} more)` : "";
  throw new SpecError(`${problemLines(fatal.slice(0, 1))[0]}${more}${warningCount(problems.length - fatal.length)}`);
}

/** What `read` (a walk of the spec by Redocly) gives, or a `SpecError` saying why the spec cannot be read. */
async function readOrRefuse<T>(specPath: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new SpecError(readFailure(specPath, error));
  }
}

/** Each problem as one line, `file:line:col: message [rule] at #/pointer`, placed a file at a time. */
function problemLines(problems: readonly NormalizedProblem[]): string[] {
  const bySource = new Map<Source, number[]>();
  problems.forEach((problem, index) => {
    const source = problem.location[0]?.source;
    if (source !== undefined) bySource.set(source, [...(bySource.get(source) ?? []), index]);
  });
  const lines = problems.map((problem) => `${problem.ruleId}: ${problem.message}`);
  for (const [source, indexes] of bySource) {
    const locations = indexes.map((index) => problems[index]?.location[0] as Location);
    const places = lineCols(
      source,
      locations.map((location) => ({ pointer: location.pointer ?? "#/", onKey: !!location.reportOnKey })),
    );
    indexes.forEach((problemIndex, index) => {
      const problem = problems[problemIndex] as NormalizedProblem;
      const { line, col } = places[index] as LineCol;
      const file = displayPath(source.absoluteRef);
      lines[problemIndex] =
        `${file}:${line}:${col}: ${problem.message} [${problem.ruleId}] at ${locations[index]?.pointer}`;
    });
  }
  return lines;
}

type Location = NormalizedProblem["location"][number];
type Source = Location["source"];
interface LineCol {
  line: number;
  col: number;
}

/**
 * Where each of `places` is in `source`, as Redocly's `getLineColLocation` says (the line and
 * column of the nearest node the file has), without its walk from the top of the file for each:
 * GitHub's spec has thousands of findings in 13 MB. A JSON file is read through once for all of
 * them (`jsonOffsets`); any other is parsed into Redocly's syntax tree, once.
 */
function lineCols(source: Source, places: readonly JsonPlace[]): LineCol[] {
  const offsets = jsonOffsets(source.body, places) ?? yamlOffsets(source, places);
  const starts = [0];
  for (let index = source.body.indexOf("\n"); index !== -1; index = source.body.indexOf("\n", index + 1)) {
    starts.push(index + 1);
  }
  return offsets.map((offset) => lineColAt(starts, offset - 1));
}

/** Where each of `places` is in a YAML file, by Redocly's syntax tree of it, parsed once. */
function yamlOffsets(source: Source, places: readonly JsonPlace[]): number[] {
  if (places.length === 0) return [];
  // Redocly parses the file on its first placing and keeps the tree; from then on no parser is needed.
  getLineColLocation({ source, pointer: "#/", reportOnKey: false });
  const ast = source.getAst((() => undefined) as unknown as Parameters<Source["getAst"]>[0]);
  return places.map(({ pointer, onKey }) => getAstNodeByPointer(ast as never, pointer, onKey)?.startPosition ?? 1);
}

/** The line of `position` (by the offsets where lines start) and the column after it, as Redocly counts. */
function lineColAt(starts: readonly number[], position: number): LineCol {
  let [low, high] = [0, starts.length - 1];
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= position) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, col: position - (starts[low] as number) + 2 };
}

function readFailure(specPath: string, error: unknown): string {
  const file = displayPath(specPath);
  if (!(error instanceof Error)) return `${file}: cannot read spec: ${String(error)}`;
  if (error.message === "Unsupported specification") return `${file}: not an OpenAPI 3.0 or 3.1 document`;
  // Redocly's YamlParseError carries the 1-based line and column of the fault.
  const { line, col } = error as { line?: number; col?: number };
  const where = line ? `${file}:${line}:${col ?? 1}` : file;
  const reason = error.message.split("\n")[0]?.replace(/ in "[^"]*" \(\d+:\d+\)/, "");
  return `${where}: cannot read spec: ${reason}`;
}
