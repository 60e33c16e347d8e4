import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { valueAt } from "../runtime/json-pointer.js";
import type { DocumentedAnswer, SecurityScheme } from "../runtime/types.js";
import { operationAnswers } from "./answers.js";
import { bannerFor } from "./banner.js";
import { bodyTypesText, typesNamed } from "./body-types.js";
import { toCanonical31 } from "./canonical.js";
import { apiKeyEnvFor, clientImportFor, clientModule, defaultServerUrl } from "./client-module.js";
import { commentText, literal, propertyKey, table } from "./code-text.js";
import { collectGarbage } from "./collect-garbage.js";
import { reachedDefs, type SchemaSet, toSchemaSet } from "./json-schema.js";
import { patternWords } from "./pattern-words.js";
import { conditionalRules, ruleLifecycles } from "./rules.js";
import { runtimeModule, runtimeSources } from "./runtime-copy.js";
import { securitySchemes } from "./security.js";
import { selectOperations } from "./select-operations.js";
import { nullableShapes } from "./shapes.js";
import { displayPath, loadSpec, type RefPolicy, SpecError, type SpecRead, warningCount } from "./spec-source.js";
import { emitTypes } from "./types-emitter.js";
import { bodySchemaNames, validatedSchemaNames, validatorNames } from "./validators.js";
import { type CompilingValidators, compileValidatorsAside, earlyValidatorsThread } from "./validators-thread.js";
import type { Warn } from "./warn.js";
import type { GeneratedFiles } from "./write-files.js";

export type { SpecRead } from "./spec-source.js";
export { type GeneratedFiles, type WriteOptions, WriteRefusal, writeFiles } from "./write-files.js";

/** What to generate from a spec. */
export interface GenerateOptions {
  /** Only these operations (by operationId) and the schemas they reach. @default every operation */
  operations?: readonly string[] | undefined;
  /** The folder the files are for; it decides the default `runtime`. @default "src/generated" */
  out?: string | undefined;
  /**
   * The module generated code imports the runtime from. Without it, the runtime is written into the
   * folder as `runtime.ts` (so the folder needs nothing at run time), except for a folder inside
   * this package's own `src/` (decided from where the generator is installed, not the working
   * folder), which imports the runtime's sources there.
   * @default "./runtime.js", with runtime.ts written beside the other files
   */
  runtime?: string | undefined;
  /** Where the spec's `$ref`s may lead: by default only to files in the spec's own folder. */
  refs?: RefPolicy | undefined;
  /**
   * Also write `bodySchemas`: each body's JSON Schema with its examples, for tools that plan
   * requests or fill answers from the spec (this package's `verifyServer` and mock server read
   * them). A large spec's are megabytes that an app never runs.
   * @default true for a folder inside this package's `src/`, false elsewhere
   */
  bodySchemas?: boolean | undefined;
  /**
   * The environment variable the folder's `createClient` reads its key from.
   * @default from the spec's title: `Directus` → `DIRECTUS_API_KEY` (see `apiKeyEnvFor`)
   */
  apiKeyEnv?: string | undefined;
  /** Told each phase as it starts, with how many things it handles (`compiling 452 validators`), for a progress line. */
  onProgress?: ((phase: string) => void) | undefined;
}

/**
 * Everything `npm run generate` writes, computed in memory from one spec: nothing is written
 * here, so a broken spec leaves the output folder as it was. The document is rewritten once into
 * canonical 3.1 (`toCanonical31`) and every file is made from that one form. `read` lists every
 * file the spec was made of (its `$ref`ed files too), each with the digest of what was parsed.
 */
export async function generateFiles(
  specPath: string,
  options: GenerateOptions = {},
): Promise<{ files: GeneratedFiles; warnings: string[]; client: ClientDefaults; read: readonly SpecRead[] }> {
  const { files, lint, found, place, client, read } = await emitFiles(specPath, options);
  options.onProgress?.(`placing ${found.length} warnings in the spec`);
  // Placed once the documents and the compiler are garbage: finding a line in a YAML file parses it
  // into a syntax tree, which should not be alive beside them.
  return { files, warnings: [...lint, ...place(found)], client, read };
}

/**
 * Where the folder's `client.ts` takes its key from and sends it by default: both come from the
 * spec (its title, its servers), so the CLI says them, and a spec that names itself after another
 * API cannot route that API's key elsewhere unseen.
 */
export interface ClientDefaults {
  apiKeyEnv: string;
  baseUrl: string | undefined;
}

async function emitFiles(specPath: string, options: GenerateOptions) {
  const early = earlyValidatorsThread(specPath);
  try {
    return await emitWith(specPath, options, early);
  } finally {
    // Ended here whatever happened (a spec that cannot be read, one whose validators compile on this thread).
    await early?.terminate();
  }
}

/** `emitFiles`, with the validators' worker thread when one was started before the spec was read. */
async function emitWith(specPath: string, options: GenerateOptions, early: Worker | undefined) {
  const progress = options.onProgress ?? (() => {});
  progress("reading the spec");
  // A spec large enough for an early thread is linted once its validators are compiling.
  const { document, lint: linting, place, read } = await canonicalSpec(specPath, options, early !== undefined);
  const found: [pointer: string, message: string][] = [];
  const warn: Warn = (pointer, message) => found.push([pointer, message]);
  const set = toSchemaSet(document, { warn });
  const runtime = options.runtime ?? runtimeFor(options.out ?? "src/generated");
  const ownRuntime = runtime === OWN_RUNTIME;
  const banner = bannerFor(specPath);
  // Read by the validators (which share a function only between schemas whose tables are the same)
  // and by the metadata, once each.
  const tables = new Map<string, Record<string, unknown>>();
  const tablesOf = (name: string) => {
    const found = tables.get(name) ?? ruleTables(valueAt(document, (set.places[name] ?? "#").slice(1)));
    tables.set(name, found);
    return found;
  };
  const validated = validatedSchemaNames(set);
  // Started first: on a large spec they compile in a worker thread while this one lints and writes the types.
  const tablesByName = new Map(validated.map((name) => [name, tablesOf(name)]));
  const compiling = compileValidatorsAside({ set, tables: tablesByName }, { early });
  // The document as parsed is garbage now; collected once the validators have their job, not before.
  collectGarbage();
  const withBodySchemas = options.bodySchemas ?? !ownRuntime;
  const [lint, types, validators, metadata] = await whileCompiling(compiling, async () => {
    progress("linting the spec");
    const lint = await linting();
    return emitting(specPath, lint, async () => {
      progress(`writing types for ${count(document.paths)} paths and ${Object.keys(set.defs).length} schemas`);
      const typeText = emitTypes(document, warn);
      collectGarbage();
      progress("writing metadata");
      // The metadata's warnings are said after the validators', as when it was written after them.
      const later: typeof found = [];
      const laterWarn: Warn = (pointer, message) => later.push([pointer, message]);
      const metadata = metadataModule(
        set,
        withBodySchemas ? toSchemaSet(document, { examples: true }) : set,
        runtime,
        tablesOf,
        securitySchemes(document, laterWarn),
        withBodySchemas ? operationAnswers(document, laterWarn) : undefined,
      );
      progress(`compiling ${validated.length} validators`);
      const validators = await compiling.result(warn);
      found.push(...later);
      return [lint, typeText, validators, metadata(validators.unchecked)] as const;
    });
  });
  collectGarbage();
  const client: ClientDefaults = {
    apiKeyEnv: options.apiKeyEnv ?? apiKeyEnvFor((document as { info?: { title?: unknown } }).info?.title),
    baseUrl: defaultServerUrl(document as { servers?: unknown }),
  };
  const files: GeneratedFiles = new Map([
    ["schema.ts", `${banner}\n${types}`],
    [
      "validators.ts",
      `${banner}// @ts-nocheck: Ajv standalone output, typed through metadata.ts.\n${validators.code}\n`,
    ],
    ["metadata.ts", `${banner}\n${metadata}`],
    ["index.ts", `${banner}\n${indexModule(runtime, set.bodyTypes, withBodySchemas)}`],
    ["client.ts", `${banner}\n${clientModule(clientImportFor(runtime), client.apiKeyEnv, client.baseUrl)}`],
  ]);
  if (ownRuntime) files.set("runtime.ts", `${banner}\n${runtimeModule()}`);
  return { files, lint, found, place, client, read };
}

/**
 * The spec as every emitter reads it: loaded (linted later, if `lintLater`), cut to `--operation`s,
 * rewritten into canonical 3.1.
 * The document as parsed is garbage once this returns: a large spec's is hundreds of MB, and only
 * its canonical copy is needed from here on.
 */
async function canonicalSpec(specPath: string, options: GenerateOptions, lintLater: boolean) {
  const loaded = await loadSpec(specPath, options.refs, lintLater);
  const selected = options.operations?.length ? selectOperations(loaded.document, options.operations) : loaded.document;
  return { document: toCanonical31(selected), lint: loaded.lint, place: loaded.place, read: loaded.read };
}

/**
 * The tables set on a body schema's validator, each only when it holds something: `rules`,
 * `lifecycles` (when a rule records one) and `patterns` (when the spec words a pattern).
 */
function ruleTables(schema: unknown): Record<string, unknown> {
  const tables = {
    rules: conditionalRules(schema),
    lifecycles: ruleLifecycles(schema),
    patterns: patternWords(schema),
  };
  return Object.fromEntries(Object.entries(tables).filter(([, table]) => Object.keys(table).length > 0));
}

/** How many entries a table (an object) holds; 0 for anything else. */
function count(table: unknown): number {
  return typeof table === "object" && table !== null ? Object.keys(table).length : 0;
}

/** The runtime a folder imports when it carries its own copy (`runtime.ts`). */
const OWN_RUNTIME = "./runtime.js";

/**
 * A folder inside this package's own `src/` (found from where the generator's code is, never from
 * the working folder: a project may have a `src/runtime/` of its own) is compiled with the
 * runtime's sources there, so it imports them by relative path; any other folder carries its own copy.
 */
function runtimeFor(dir: string): string {
  const runtime = fileURLToPath(runtimeSources());
  const target = realFolder(dir);
  const relative = path.relative(path.dirname(runtime), target);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return OWN_RUNTIME;
  const specifier = path.relative(target, path.join(runtime, "index.js")).split(path.sep).join("/");
  return specifier.startsWith(".") ? specifier : `./${specifier}`;
}

/** `dir` with links resolved as far as it exists (it may not yet), so it compares with this module's real path. */
function realFolder(dir: string): string {
  const absolute = path.resolve(dir);
  const parent = path.dirname(absolute);
  try {
    return realpathSync(absolute);
  } catch {
    return parent === absolute ? absolute : path.join(realFolder(parent), path.basename(absolute));
  }
}

/** What `work` gives; whatever ends it, the validators' compile is stopped (a failed run leaves no worker thread behind). */
async function whileCompiling<T>(compiling: CompilingValidators, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await compiling.stop();
  }
}

/**
 * Runs the emitters. Lint findings are only warnings, so a spec can still hold something an
 * emitter chokes on (an `operationId` that is a number): that becomes one line naming the spec,
 * the emitter's reason and how many warnings there were (the first is seldom the cause).
 */
async function emitting<T>(specPath: string, warnings: string[], emit: () => Promise<T>): Promise<T> {
  try {
    return await emit();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    throw new SpecError(`${displayPath(specPath)}: cannot generate: ${reason}${warningCount(warnings.length)}`);
  }
}

/**
 * `metadata.ts` but for what the validators' compile decides (which schemas it left unchecked),
 * so that it is written while they compile: `set` for the shapes; `annotated`, the same with
 * `examples`, for the request schemas; `rulesOf`, each body schema's conditional rules by name
 * (and their lifecycles, when the spec records any): the tables set on its validator;
 * `schemes`, the document's security schemes as a client or a mock uses them; `answers`,
 * each operation's documented answers with their examples, written with `bodySchemas` (the data a
 * mock or a request planner reads), when given. The text is finished by the `unchecked` body
 * schemas (each bound to the runtime's `unchecked`, which says so when called).
 */
function metadataModule(
  set: SchemaSet,
  annotated: SchemaSet,
  runtime: string,
  rulesOf: (name: string) => Record<string, unknown>,
  schemes: Readonly<Record<string, SecurityScheme>>,
  answers: Record<string, Record<string, DocumentedAnswer>> | undefined,
): (unchecked: ReadonlyMap<string, string>) => string {
  const schemaNames = validatedSchemaNames(set);
  const names = validatorNames(schemaNames);
  const bodies = new Set(bodySchemaNames(set));
  const compiledOf = (name: string) => {
    const exported = names.get(name) as string;
    const rules = rulesOf(name);
    return Object.keys(rules).length === 0
      ? `(generated as unknown as Compiled).${exported}`
      : `/* @__PURE__ */ Object.assign((generated as unknown as Compiled).${exported}, ${literal(rules)} as const)`;
  };
  const compiled = new Map(schemaNames.map((name) => [name, compiledOf(name)]));
  const types = `${answers ? "DocumentedAnswer, JsonSchema, " : ""}SecurityScheme, Shapes, Validator, WireTypes`;
  const tables = `

// Typed here, so that TypeScript never infers a validator: on a large spec that passes its limit on
// control flow analysis, which then stays off for the rest of the program (every later file's types
// go wrong). Each is read as \`generated.name\`, which bundlers resolve to the function itself.
type Compiled = Readonly<Record<keyof typeof generated, Validator>>;

/**
 * Each operation's method, path (a webhook's: \`webhook\`, its name), the schema names of its request
 * and response bodies (JSON, form-encoded or multipart) and of its parameters by location, and the
 * security schemes it asks for (alternatives, each all of its names; \`[]\`: none), by operationId.
 */
export const routes = ${table(set.operations)} as const;

/** How each parameters schema's values are read from wire text (\`parameterValues\`); a parameter not listed is a string. */
export const parameterTypes: Readonly<Record<string, WireTypes>> = ${table(set.parameterTypes)};

/** The spec's security schemes, each as what a client or a mock needs of it. */
export const securitySchemes: Readonly<Record<string, SecurityScheme>> = ${table(schemes)};

/** Nullable fields by schema name (schemas with none, at any depth, are left out). */
export const shapes: Shapes = ${table(nullableShapes(set.defs))};

${answers ? bodySchemasText(annotated, schemaNames, answers) : ""}`;
  return (unchecked) => {
    const validatorOf = (name: string) => {
      const reason = unchecked.get(name);
      return reason === undefined ? (compiled.get(name) as string) : `unchecked(${literal(name)}, ${literal(reason)})`;
    };
    const named = [...bodies].map(
      (name) =>
        `/** Validates a body against the spec's \`${commentText(name)}\` schema. */\nexport const ${names.get(name)}: Validator = ${validatorOf(name)};`,
    );
    // A parameters object's validator is reached through `validators` (by `requestViolations`), never
    // imported alone: an export of its own would be a third of a large spec's metadata for nothing.
    const validators = schemaNames.map(
      (name) => `  ${propertyKey(name)}: ${bodies.has(name) ? names.get(name) : validatorOf(name)},`,
    );
    const runtimeValue = unchecked.size > 0 ? `import { unchecked } from ${JSON.stringify(runtime)};\n` : "";
    return `${runtimeValue}import type { ${types} } from ${JSON.stringify(runtime)};
import * as generated from "./validators.js";${tables}${named.join("\n\n")}

/** A validator for every schema used as a request or response body or as an operation's parameters, by schema name. */
export const validators = {
${validators.join("\n")}
} as const;
`;
  };
}

/**
 * `bodySchemas` and the one `$defs` table they share (a schema many bodies reach is written once),
 * and `answers`.
 */
function bodySchemasText(
  annotated: SchemaSet,
  schemaNames: readonly string[],
  answers: Record<string, Record<string, DocumentedAnswer>>,
): string {
  const bodySchemas = table(
    Object.fromEntries(schemaNames.map((name) => [name, annotated.defs[name] ?? {}])),
    (schema) => `{ ...${literal(schema)}, $defs: defs }`,
  );
  return `/** Every schema a body schema reaches, with its \`examples\`: the \`$defs\` of each entry of \`bodySchemas\`. */
const defs: Readonly<Record<string, JsonSchema>> = ${table(reachedDefs(annotated, schemaNames))};

/**
 * Each request and response body's JSON Schema, and each operation's parameters object's, with its
 * \`examples\` and the \`$defs\` it needs: what \`verifyServer\` plans requests from and the mock
 * server fills its answers from.
 */
export const bodySchemas: Readonly<Record<string, JsonSchema>> = ${bodySchemas};

/**
 * Each operation's documented answers by status (\`"200"\`, \`"4XX"\`, \`"default"\`): the media type
 * (none for an answer without a body) and the named examples: what a mock server answers with.
 */
export const answers: Readonly<Record<string, Readonly<Record<string, DocumentedAnswer>>>> = ${table(answers)};

`;
}

function indexModule(runtime: string, bodyTypes: SchemaSet["bodyTypes"], withBodySchemas: boolean): string {
  const kitData = withBodySchemas ? "answers, bodySchemas, " : "";
  return `import { bindSpec } from ${JSON.stringify(runtime)};
import { shapes, validators } from "./metadata.js";
import type { ${typesNamed(bodyTypes).join(", ")} } from "./schema.js";

export type { Normalized, SpecViolation } from ${JSON.stringify(runtime)};
export { SpecViolationError } from ${JSON.stringify(runtime)};
export { ${kitData}parameterTypes, routes, securitySchemes, shapes, validators } from "./metadata.js";
export type { components, operations, paths, webhooks } from "./schema.js";

/** The name of one of this spec's schemas (\`components.schemas\`). */
export type SchemaName = keyof components["schemas"] & string;
/** The name of a schema used as a request or response body: what \`validate\`, \`normalize\` and \`parse\` take. */
export type BodySchemaName = keyof BodyTypes & string;

${bodyTypesText(bodyTypes)}

/** \`normalize(schemaName, value)\`, \`validate(schemaName, value)\` and \`parse(schemaName, value)\`, bound to this spec. */
export const { normalize, validate, parse } = bindSpec<components["schemas"], BodyTypes>(shapes, validators);
`;
}
