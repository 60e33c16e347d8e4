/**
 * `npm run test:busy [-- --load N]`: the whole vitest suite on a machine kept busy, as CI's may be.
 * It starts N processes (default: one per core) that spin for as long as the suite runs, so every
 * test shares the cores with work it does not control; then it prints the suite's result and how
 * long it took. Timeouts and timing assertions must hold here as they do on an idle machine.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { load: { type: "string" } } });
const load = Number(values.load ?? availableParallelism());
if (!Number.isSafeInteger(load) || load < 0) throw new Error(`--load takes a whole number, got ${values.load}`);

const spinners: ChildProcess[] = Array.from({ length: load }, () =>
  spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }),
);
const stop = () => {
  for (const spinner of spinners) spinner.kill("SIGKILL");
};
process.on("exit", stop);

const started = performance.now();
// Its own process group, so a stop reaches vitest and its workers, not only npx.
const suite = spawn("npx", ["vitest", "run"], { stdio: "inherit", detached: true });
// Killed or interrupted, the spinners go too: left behind, they would load the machine for good.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stop();
    if (suite.pid !== undefined) process.kill(-suite.pid, signal);
    process.exit(128 + (signal === "SIGINT" ? 2 : 15));
  });
}
const code = await new Promise<number>((resolve) => suite.on("close", (exit) => resolve(exit ?? 1)));
stop();
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`\nvitest run with ${load} spinning process(es) beside it: exit ${code}, ${seconds} s`);
process.exit(code);
