import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { isEnvName } from "../codegen/client-module.js";
import type { ClientDefaults, GeneratedFiles } from "../codegen/index.js";
import { groupWarnings } from "../codegen/warning-groups.js";
import { oneLine } from "../http/shown-text.js";
import { outFolderProblem } from "./out-folder.js";
import { type Output, startProgress } from "./progress.js";
import { stderrLine } from "./stderr-line.js";

/**
 * The packages the generator needs, which a client-only install does not bring (optional peers).
 * openapi-typescript is not one: dist/ carries it with its own TypeScript 5 (scripts/bundle-dist.ts),
 * so the project's TypeScript, 5 or 7, is never the generator's.
 */
const CODEGEN_PACKAGES = ["ajv@8", "@redocly/openapi-core@1"];

/** How many warnings of each rule are printed without `--verbose`. */
const WARNINGS_SHOWN = 5;

/** A run shorter than this (ms) shows no progress line. */
const PROGRESS_AFTER_MS = 1000;

/** The flags of `sudo-images codegen`, and `npm run generate`'s defaults for this repository. */
export interface CodegenDefaults {
  spec?: string | undefined;
  out?: string | undefined;
  /** What `--check` tells a user to run when the folder is stale. */
  regenerate: string;
  /** The environment variable the folder's client reads its key from, when `--api-key-env` is not given. */
  apiKeyEnv?: string | undefined;
}

const FLAGS = {
  spec: { type: "string" },
  out: { type: "string" },
  operation: { type: "string", multiple: true, default: [] as string[] },
  runtime: { type: "string" },
  "api-key-env": { type: "string" },
  "body-schemas": { type: "boolean" },
  check: { type: "boolean", default: false },
  force: { type: "boolean", default: false },
  verbose: { type: "boolean", default: false },
  "allow-outside-refs": { type: "boolean", default: false },
  "allow-remote-refs": { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** `sudo-images codegen --help`. */
const CODEGEN_HELP = `Usage: sudo-images codegen --spec FILE --out DIR [options]

Compiles an OpenAPI 3.0 or 3.1 spec into a folder of TypeScript: types (openapi-typescript),
ahead-of-time validators (Ajv) and nullable normalization, with the small runtime they need
written beside them (no dependency at run time).

  --spec FILE             the spec (JSON or YAML)
  --out DIR               the folder to write (made if missing)
  --operation ID          only this operation and what it reaches (repeatable)
  --runtime M             import the runtime from M instead of writing runtime.ts
  --api-key-env NAME      the environment variable client.ts's createClient() reads the key
                          from (default: from the spec's title, such as DIRECTUS_API_KEY)
  --body-schemas          also write each body's JSON Schema with its examples (bodySchemas),
                          for tools that plan requests or fill answers from them
  --check                 write nothing; exit 1 naming the files that are stale
  --force                 replace files in DIR that the generator did not write (links too:
                          the link is replaced, never written through)
  --verbose               print every warning: without it, the first ${WARNINGS_SHOWN} of each rule, and lint's
                          style findings (a missing summary, licence, …) as one line of counts
  --allow-outside-refs    follow $refs to files outside the spec's folder
  --allow-remote-refs     fetch $refs to http(s) URLs

Needs ${CODEGEN_PACKAGES.join(", ")} (npm install --save-dev …).
Exit codes: 0 written (or up to date), 1 the spec cannot be generated, --check found stale files
or DIR cannot be written, 2 bad arguments or a file in DIR the generator did not write (--force).`;

/**
 * `sudo-images codegen` (and `npm run generate` in this repository, with its defaults): one
 * generator run, printed as one line per outcome and the first warnings. Resolves to the exit code.
 */
export async function codegenCommand(
  argv: string[],
  stdout: Output,
  stderr: Output,
  defaults: CodegenDefaults = { regenerate: "sudo-images codegen" },
): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof FLAGS }>>["values"];
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, strict: true }));
  } catch (error) {
    return fail(stderr, 2, `${(error as Error).message.split("\n")[0]} (see sudo-images codegen --help)`);
  }
  if (values.help) return print(stdout, CODEGEN_HELP);
  const spec = values.spec ?? defaults.spec;
  // A spec of one's own never lands in a default folder (this package's own client, in a clone).
  const out = values.out ?? (values.spec === undefined ? defaults.out : undefined);
  if (spec === undefined || out === undefined) {
    return fail(
      stderr,
      2,
      `codegen needs --spec and --out${values.spec ? " (a spec of your own is never written into a default folder)" : ""}`,
    );
  }
  const apiKeyEnv = values["api-key-env"] ?? (values.spec === undefined ? defaults.apiKeyEnv : undefined);
  if (apiKeyEnv !== undefined && !isEnvName(apiKeyEnv)) {
    return fail(
      stderr,
      2,
      `--api-key-env must be an environment variable's name (letters, digits, _); got ${JSON.stringify(oneLine(apiKeyEnv, 60) ?? "")}`,
    );
  }
  const generator = await loadGenerator();
  if (typeof generator === "string") return fail(stderr, 1, generator);
  // A large spec takes many seconds: on a terminal, a line says which phase it is in.
  const progress = startProgress(stderr, "codegen: starting", { after: PROGRESS_AFTER_MS });
  try {
    const { files, warnings, client } = await generator
      .generateFiles(spec, {
        operations: values.operation,
        out,
        runtime: values.runtime,
        apiKeyEnv,
        bodySchemas: values["body-schemas"],
        refs: { allowOutsideRefs: values["allow-outside-refs"], allowRemoteRefs: values["allow-remote-refs"] },
        onProgress: (phase) => progress.update(`codegen: ${phase}`),
      })
      .finally(() => progress.stop());
    reportWarnings(stderr, spec, warnings, values.verbose);
    if (!values.check) {
      const code = await write(stdout, stderr, files, out, generator, values.force);
      if (code === 0) print(stdout, clientLine(client));
      return code;
    }
    const stale = await staleFiles(files, out);
    if (stale.length === 0) return print(stdout, `${out}/ is up to date with ${spec}.`);
    return fail(
      stderr,
      1,
      `Generated code is not up to date with ${spec}: ${stale.join(", ")}. Run \`${defaults.regenerate}\`.`,
    );
  } catch (error) {
    if (error instanceof generator.SpecError) return fail(stderr, 1, error.message);
    throw error;
  }
}

type Generator = typeof import("../codegen/index.js") & typeof import("../codegen/spec-source.js");

/**
 * Where the folder's client takes its key from and sends it, said once: both come from the spec,
 * which may name itself after another API (a spec titled "OpenAI" would read OPENAI_API_KEY).
 */
function clientLine({ apiKeyEnv, baseUrl }: ClientDefaults): string {
  const where =
    baseUrl === undefined ? "to the baseUrl you give it" : `to ${oneLine(baseUrl, 120) ?? ""} unless given a baseUrl`;
  return `client.ts reads its key from ${apiKeyEnv} (--api-key-env to change it) and sends it ${where}`;
}

/** The generator, or the one line that says what to install when its packages are missing. */
async function loadGenerator(): Promise<Generator | string> {
  try {
    const [index, source] = await Promise.all([import("../codegen/index.js"), import("../codegen/spec-source.js")]);
    return { ...index, ...source };
  } catch (error) {
    const missing = /Cannot find (?:package|module) '([^']+)'/.exec((error as Error).message)?.[1];
    if (missing === undefined) throw error;
    return `codegen needs ${missing}, which is not installed: npm install --save-dev ${CODEGEN_PACKAGES.join(" ")}`;
  }
}

/**
 * Writes the folder. A file there the generator did not write is a refusal (exit 2, as bad
 * arguments are: `--force` lifts it); a folder the system will not let us write is exit 1.
 */
async function write(
  stdout: Output,
  stderr: Output,
  files: GeneratedFiles,
  out: string,
  generator: Generator,
  force: boolean,
): Promise<number> {
  try {
    await generator.writeFiles(files, out, { force });
  } catch (error) {
    if (error instanceof generator.WriteRefusal) return fail(stderr, 2, `refused: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string") return fail(stderr, 1, outFolderProblem(out, error));
    throw error;
  }
  return print(stdout, `Wrote ${[...files.keys()].map((name) => path.join(out, name)).join(", ")}`);
}

/**
 * Real specs break lint rules; say so once, grouped by rule: what changed the output first (a
 * body left unchecked, a keyword dropped), then the spec's faults, each with its first few lines,
 * then lint's style findings as one line of counts. `--verbose` lists every line of every rule.
 */
function reportWarnings(stderr: Output, spec: string, warnings: string[], verbose: boolean): void {
  if (warnings.length === 0) return;
  stderr.write(`${warnings.length} warning(s) about ${spec} (the spec is still generated):\n`);
  const groups = groupWarnings(warnings);
  const style = groups.filter((group) => group.kind === "style" && !verbose);
  for (const group of groups.filter((candidate) => !style.includes(candidate))) {
    stderr.write(`  ${oneLine(group.rule, 200)} (${group.lines.length})${group.what ? `: ${group.what}` : ""}\n`);
    const shown = verbose ? group.lines : group.lines.slice(0, WARNINGS_SHOWN);
    for (const warning of shown) stderr.write(`    ${oneLine(warning, 2000)}\n`);
    if (shown.length < group.lines.length) stderr.write(`    … and ${group.lines.length - shown.length} more\n`);
  }
  if (style.length === 0) return;
  const counts = style.map((group) => `${group.rule} ${group.lines.length}`).join(", ");
  const total = style.reduce((sum, group) => sum + group.lines.length, 0);
  stderr.write(`  ${total} style findings (${counts}): --verbose lists them\n`);
}

/** Files whose text differs, that are missing, or that no longer come out of the spec. */
async function staleFiles(files: GeneratedFiles, dir: string): Promise<string[]> {
  const present = await readdir(dir).catch(() => [] as string[]);
  const stale: string[] = [];
  for (const [name, text] of files) {
    const current = await readFile(path.join(dir, name), "utf8").catch(() => undefined);
    if (current === undefined) stale.push(`${path.join(dir, name)} (missing)`);
    else if (current !== text) stale.push(`${path.join(dir, name)} (differs)`);
  }
  for (const name of present) if (!files.has(name)) stale.push(`${path.join(dir, name)} (not generated by the spec)`);
  return stale;
}

function print(out: Output, text: string): number {
  out.write(`${text}\n`);
  return 0;
}

function fail(err: Output, code: number, text: string): number {
  err.write(stderrLine(text));
  return code;
}
