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
import { ownKeysPlugin } from "./redocly-own-keys.js";
import { type RefPolicy, SpecResolver } from "./spec-resolver.js";

export { displayPath } from "./display-path.js";

export type { RefPolicy } from "./spec-resolver.js";

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
 * Reads, lints (Redocly's `recommended` ruleset) and bundles `specPath`. Real specs break lint
 * rules all the time, so a finding is a warning (one line each, `file:line:col: message [rule] at
 * #/pointer`). Only what leaves nothing to generate from is a `SpecError`: a file that cannot be
 * read or parsed, a `$ref` that does not resolve, a document that is not OpenAPI 3.0 or 3.1.
 */
export async function loadSpec(specPath: string, policy: RefPolicy = {}): Promise<LoadedSpec> {
  const config = await createConfig({ extends: ["recommended"], rules: CODEGEN_RULES, plugins: [ownKeysPlugin] });
  // One resolver for lint and bundle: each file is read and checked once, by the same rules.
  const resolver = new SpecResolver(specPath, policy);
  const problems = await lintProblems(specPath, config, resolver);
  const fatal = problems.filter((problem) => FATAL_RULES.has(problem.ruleId));
  if (fatal.length > 0) {
    const more = fatal.length > 1 ? ` (and ${fatal.length - 1} more)` : "";
    throw new SpecError(
      `${problemLine(fatal[0] as NormalizedProblem)}${more}${warningCount(problems.length - fatal.length)}`,
    );
  }
  const { bundle: bundled } = await bundle({
    ref: specPath,
    config,
    dereference: false,
    externalRefResolver: resolver,
  });
  const document = bundled.parsed as Record<string, unknown>;
  const version = document.openapi;
  if (typeof version !== "string" || !/^3\.[01]\./.test(version)) {
    const found = version ?? (document.swagger ? `swagger ${String(document.swagger)}` : "no version");
    throw new SpecError(
      `${displayPath(specPath)}: not an OpenAPI 3.0 or 3.1 document (${String(found)})${warningCount(problems.length)}`,
    );
  }
  // Only the file's text is kept for `place`: lint's source holds the syntax tree its warnings
  // were placed with (hundreds of MB for a large spec), which must not stay alive during the emit.
  // A fresh source parses it again, once, when the first finding is placed.
  const { absoluteRef, body, mimeType } = bundled.source;
  let source: Source | undefined;
  const place: Placer = (pointer, message) => {
    source ??= new RedoclySource(absoluteRef, body, mimeType);
    const { line, col } = lineCol({ source, pointer, reportOnKey: false });
    return `${displayPath(specPath)}:${line}:${col}: ${message} at ${pointer}`;
  };
  return { document: document as OpenApiDocument, warnings: problems.map(problemLine), place };
}

/** What `loadSpec` read: the document, lint's warnings, and how to say where something in it is. */
export interface LoadedSpec {
  document: OpenApiDocument;
  warnings: string[];
  place: Placer;
}

/**
 * A warning about the place `pointer` of the spec as one line, the way lint's read:
 * `file:line:col: message at #/pointer` (the line of the nearest node the file has).
 */
export type Placer = (pointer: string, message: string) => string;

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
  return problems.map(problemLine);
}

async function lintProblems(
  specPath: string,
  config: Awaited<ReturnType<typeof createConfig>>,
  resolver: SpecResolver,
) {
  try {
    return await lint({ ref: specPath, config, externalRefResolver: resolver });
  } catch (error) {
    throw new SpecError(readFailure(specPath, error));
  }
}

function problemLine(problem: NormalizedProblem): string {
  const location = problem.location[0];
  if (!location) return `${problem.ruleId}: ${problem.message}`;
  const { line, col } = lineCol(location);
  const file = displayPath(location.source.absoluteRef);
  return `${file}:${line}:${col}: ${problem.message} [${problem.ruleId}] at ${location.pointer}`;
}

type Location = NormalizedProblem["location"][number];
type Source = Location["source"];
/** Offsets where each line starts, per source: GitHub's spec has thousands of findings in 13 MB. */
const lineStarts = new WeakMap<Source, number[]>();

/**
 * Where a finding is, as Redocly's `getLineColLocation` says, without its walk from the top of the
 * file for each finding. The first call per source goes through it, which parses and keeps the AST.
 */
function lineCol(location: Location): { line: number; col: number } {
  const { source } = location;
  let starts = lineStarts.get(source);
  if (starts === undefined) {
    const { start } = getLineColLocation(location);
    starts = [0];
    for (let index = source.body.indexOf("\n"); index !== -1; index = source.body.indexOf("\n", index + 1)) {
      starts.push(index + 1);
    }
    lineStarts.set(source, starts);
    return start;
  }
  // The AST is kept from the first call, so no parser is needed here.
  const ast = source.getAst((() => undefined) as unknown as Parameters<Source["getAst"]>[0]);
  const node = getAstNodeByPointer(ast as never, location.pointer ?? "#/", !!location.reportOnKey);
  const position = (node?.startPosition ?? 1) - 1;
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
