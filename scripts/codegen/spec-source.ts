import path from "node:path";
import type { NormalizedProblem } from "@redocly/openapi-core";
import { bundle, createConfig, getLineColLocation, lint } from "@redocly/openapi-core";

/** A spec that cannot be generated from; `message` is one line naming the file and place. */
export class SpecError extends Error {
  override name = "SpecError";
}

/** A parsed, linted OpenAPI document with every external `$ref` pulled in. */
export type OpenApiDocument = Record<string, unknown> & { openapi: string };

/**
 * Lints `specPath` with Redocly's `recommended` ruleset and bundles it.
 * Lint errors (not warnings) fail: a spec the linter rejects generates nothing.
 */
export async function loadSpec(specPath: string): Promise<{ document: OpenApiDocument; warnings: string[] }> {
  const config = await createConfig({ extends: ["recommended"] });
  let problems: NormalizedProblem[];
  try {
    problems = await lint({ ref: specPath, config });
  } catch (error) {
    throw new SpecError(readFailure(specPath, error));
  }
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more lint error(s))` : "";
    throw new SpecError(`${describeProblem(errors[0] as NormalizedProblem)}${more}`);
  }
  const { bundle: bundled } = await bundle({ ref: specPath, config, dereference: false });
  return {
    document: bundled.parsed as OpenApiDocument,
    warnings: problems.map(describeProblem),
  };
}

function describeProblem(problem: NormalizedProblem): string {
  const location = problem.location[0];
  if (!location) return `${problem.ruleId}: ${problem.message}`;
  const { start } = getLineColLocation(location);
  const file = path.relative(process.cwd(), location.source.absoluteRef);
  return `${file}:${start.line}:${start.col}: ${problem.message} [${problem.ruleId}] at ${location.pointer}`;
}

function readFailure(specPath: string, error: unknown): string {
  const file = path.relative(process.cwd(), specPath);
  if (error instanceof Error) {
    // Redocly's YamlParseError carries the 1-based line and column of the fault.
    const { line, col } = error as { line?: number; col?: number };
    const where = line ? `${file}:${line}:${col ?? 1}` : file;
    const reason = error.message.split("\n")[0]?.replace(/ in "[^"]*" \(\d+:\d+\)/, "");
    return `${where}: cannot read spec: ${reason}`;
  }
  return `${file}: cannot read spec: ${String(error)}`;
}
