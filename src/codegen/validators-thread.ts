import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { SchemaSet } from "./json-schema.js";
import { syntaxError } from "./syntax-check.js";
import { type CompiledValidators, compileValidators } from "./validators.js";
import type { Warn } from "./warn.js";

/** What the validators are compiled from: the schema set, and the tables metadata sets on each validator by schema name. */
export interface ValidatorsJob {
  set: SchemaSet;
  tables: ReadonlyMap<string, Record<string, unknown>>;
}

/** What the worker thread posts back: `compileValidators`' result, with its warnings as data. */
export interface CompiledAside extends CompiledValidators {
  warnings: [pointer: string, message: string][];
}

/** The validators being compiled: `result` hands them over, `stop` ends a compile still running. */
export interface CompilingValidators {
  /**
   * The compiled module (known to parse) and the schemas left unchecked; the compile's warnings
   * are said through `warn` here, in the order they were found, so they stand where they stood
   * when the compile ran between the types and the metadata.
   */
  result(warn: Warn): Promise<CompiledValidators>;
  /** Ends the worker thread if there is one (a run that failed elsewhere leaves none); resolves once it has. */
  stop(): Promise<void>;
}

/**
 * Below this many characters of schemas (`set.defs` as JSON), the validators are compiled on the
 * main thread when `result` is asked for: a worker costs its start and a second load of Ajv
 * (about 0.2 s of CPU), which a small spec's compile does not repay.
 */
export const WORKER_FROM_CHARS = 400_000;

/**
 * The worker's module. Found beside this one's folder, not in it: from `dist/`, this code is in a
 * chunk (`dist/chunks/`), the worker an entry of its own (`dist/codegen/`), and both are one level
 * deep. From the TypeScript sources (tests, `node --import tsx`), it is the `.ts` file.
 */
const WORKER = new URL(
  `../codegen/validators-worker.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`,
  import.meta.url,
);

/**
 * From this many bytes of spec file on, the worker thread is started before the spec is read
 * (`earlyValidatorsThread`), so that its start (loading Ajv, a tenth of Stripe's compile) overlaps
 * the reading. Every corpus spec this large has schemas over `WORKER_FROM_CHARS`; Jira's 1.8 MB
 * has 283,000 characters and stays on the main thread. A multi-file spec's root file is small: its
 * thread starts when its schemas are known.
 */
export const EARLY_FROM_BYTES = 2_000_000;

/**
 * A worker thread for the validators, started now and waiting for its job, when `specPath` is a
 * file of `EARLY_FROM_BYTES` or more; else `undefined`. Whoever starts it ends it
 * (`terminate()`), whatever happens to the run.
 */
export function earlyValidatorsThread(specPath: string, worker: URL = WORKER): Worker | undefined {
  let bytes: number;
  try {
    bytes = statSync(specPath).size;
  } catch {
    // Not this module's to say: the spec's reading says why it cannot be read.
    return undefined;
  }
  return bytes >= EARLY_FROM_BYTES ? startWorker(worker) : undefined;
}

/** Where `compileValidatorsAside` compiles. */
export interface HowToCompile {
  /** In a worker thread. @default for schemas of `WORKER_FROM_CHARS` or more */
  aside?: boolean | undefined;
  /** The module a thread started for the job runs (a test gives one that fails). @default the generator's worker */
  worker?: URL | undefined;
  /** A thread started before the spec was read (`earlyValidatorsThread`): used if `aside`, else ended. */
  early?: Worker | undefined;
}

/**
 * Starts compiling the validators of `job`: in a worker thread for a large spec (`early`, when one
 * was started before the spec was read), so that the main thread writes the types and metadata
 * meanwhile (on two cores, the compile's time comes off the run's), else on the main thread when
 * `result` is asked for (and `early`, not needed, is ended).
 */
export function compileValidatorsAside(job: ValidatorsJob, how: HowToCompile = {}): CompilingValidators {
  const { aside = JSON.stringify(job.set.defs).length >= WORKER_FROM_CHARS, worker = WORKER, early } = how;
  if (!aside) {
    void early?.terminate();
    return {
      result: async (warn) => parsed(compileValidators(job.set, warn, (name) => job.tables.get(name) ?? {})),
      stop: async () => {},
    };
  }
  const thread = early ?? startWorker(worker);
  const answer = new Promise<CompiledAside>((resolve, reject) => {
    thread.once("message", resolve);
    thread.once("error", reject);
    thread.once("exit", (code) => reject(new Error(`the validators' worker thread stopped (exit code ${code})`)));
  });
  // A run that fails before it asks for the result must not leave an unhandled rejection behind.
  answer.catch(() => {});
  // Structured-cloned: Stripe's set is 2.3 MB, about 80 ms.
  thread.postMessage(job);
  const stop = async () => {
    await thread.terminate();
  };
  return {
    async result(warn) {
      try {
        const { warnings, ...compiled } = await answer;
        for (const [pointer, message] of warnings) warn(pointer, message);
        return parsed(compiled);
      } finally {
        await stop();
      }
    },
    stop,
  };
}

/**
 * A worker thread running `file`, which takes its job from its first message. A `.ts` file is
 * loaded through tsx's API, which only the TypeScript sources run with: a worker does not inherit
 * the main thread's module hooks on Node 20.
 */
function startWorker(file: URL): Worker {
  if (!file.pathname.endsWith(".ts")) return new Worker(file);
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(file.href)}, ${JSON.stringify(file.href)}));`;
  return new Worker(boot, { eval: true });
}

/** `compiled`, once its code is known to parse; else an error naming the first syntax error's line. */
function parsed(compiled: CompiledValidators): CompiledValidators {
  if (compiled.compiles) return compiled;
  const error = syntaxError("validators.ts", compiled.code);
  if (error !== undefined) throw new Error(`the compiled validators do not parse (${error})`);
  return compiled;
}
