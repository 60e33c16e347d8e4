/**
 * The validators' worker thread, started by `validators-thread.ts` (maybe before the spec is read)
 * and sent a `ValidatorsJob` as its first message: it compiles them and posts back a
 * `CompiledAside` (the module, the unchecked schemas, whether V8 compiles it, and the warnings as
 * data, in the order found). An error thrown here
 * reaches the main thread as the worker's `error` event. It imports nothing that loads TypeScript:
 * a large spec's worker would pay for loading the compiler a second time.
 */
import { parentPort } from "node:worker_threads";
import { compileValidators } from "./validators.js";
import type { CompiledAside, ValidatorsJob } from "./validators-thread.js";

parentPort?.once("message", ({ set, tables }: ValidatorsJob) => {
  const warnings: CompiledAside["warnings"] = [];
  const compiled = compileValidators(
    set,
    (pointer, message) => warnings.push([pointer, message]),
    (name) => tables.get(name) ?? {},
  );
  parentPort?.postMessage({ ...compiled, warnings } satisfies CompiledAside);
});
