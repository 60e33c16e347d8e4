import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
/** tsx's loader by file URL, so a script run from any directory (a temp project) finds it. */
const TSX = pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href;

/** How a child process ended: its exit code (0 when it succeeded) and everything it printed. */
export interface Ended {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where and how to run a script: the directory (the repo root by default), extra variables, a deadline. */
export interface ScriptOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeout?: number;
}

/**
 * What one child process of this repository's scripts may take, start to exit: Node, tsx and the
 * package load in about a second; on a two-core machine busy with other work, and beside the other
 * processes of a concurrent suite, ten times that and more (measured: 20 s at a load of 20).
 */
const PROCESS_MS = 60_000;

/**
 * A test's timeout from the child processes it runs one after another (each `PROCESS_MS`), so a
 * slow machine makes a test slow, never failed. Processes run at once count as one.
 *
 * @example
 * it("runs the CLI twice", async () => { ... }, processTimeout(2));
 */
export function processTimeout(processes: number): number {
  return processes * PROCESS_MS;
}

/**
 * Runs one of this repository's TypeScript entry points (`src/cli/bin.ts`, `scripts/generate.ts`;
 * an absolute path runs a copy's) as a child process, the way `npm run` does: plain Node with tsx's loader. (tsx's own binary
 * starts a second Node process to do the same, a quarter of a second more per run.) Resolves
 * however the script ends.
 *
 * @example
 * const { code, stdout } = await runScript("src/cli/bin.ts", ["--version"]);
 */
export function runScript(script: string, args: string[], options: ScriptOptions = {}): Promise<Ended> {
  return run(process.execPath, ["--import", TSX, path.resolve(root, script), ...args], {
    cwd: options.cwd ?? root,
    env: options.env ?? process.env,
    timeout: options.timeout ?? 0,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: Ended) => error,
  );
}
