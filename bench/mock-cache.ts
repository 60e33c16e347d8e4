/**
 * `npm run bench:mock-cache`: `sudo-images mock --spec` started from the built CLI on plain Node
 * (`node dist/cli/bin.js`), twice per round on GitHub's whole REST spec (13 MB) unless `--spec FILE`:
 * the first start into an empty cache folder (it generates the folder and keeps it), the second
 * from that cache. Each figure is from spawning the process to its "listening" line on stdout;
 * each round has a cache folder of its own (`SUDO_IMAGES_CACHE_DIR`), removed after.
 *
 *   npm run bench:mock-cache [-- --rounds N] [-- --spec FILE]
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CACHE_DIR_ENV } from "../src/cli/cache-folder.js";
import { githubSpec } from "../tests/helpers/corpus.js";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: { rounds: { type: "string", default: "3" }, spec: { type: "string" } },
});
const spec = values.spec ?? githubSpec();

/** Milliseconds from spawning `mock --spec` until it prints that it listens; the process is stopped then. */
function start(cacheDir: string): Promise<number> {
  const started = performance.now();
  const proc = spawn(process.execPath, [path.join(root, "dist/cli/bin.js"), "mock", "--spec", spec, "--port", "0"], {
    cwd: root,
    env: { ...process.env, [CACHE_DIR_ENV]: cacheDir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  let listening: number | undefined;
  return new Promise((resolve, reject) => {
    proc.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (listening !== undefined || !stdout.includes("listening on")) return;
      listening = performance.now() - started;
      proc.kill("SIGTERM");
    });
    proc.once("exit", (code) =>
      listening === undefined ? reject(new Error(`mock exited ${code} before listening`)) : resolve(listening),
    );
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`${path.basename(spec)}, ${new Date().toISOString()}, Node ${process.version}`);
console.log("| round | first start (generate, keep) | second start (cached) | load average (1 min) |");
console.log("| --- | ---: | ---: | ---: |");
for (let round = 1; round <= Number(values.rounds); round++) {
  const cacheDir = await mkdtemp(path.join(tmpdir(), "sudo-images-bench-cache-"));
  try {
    const first = await start(cacheDir);
    const second = await start(cacheDir);
    console.log(`| ${round} | ${seconds(first)} | ${seconds(second)} | ${loadavg()[0]?.toFixed(1)} |`);
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}
