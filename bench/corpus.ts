/**
 * `npm run bench:corpus`: the generator against openapi-typescript on every spec of the corpus
 * (tests/helpers/corpus.ts), each whole, side by side. Each run is its own child process, each
 * tool through its command line as a user runs it (`sudo-images codegen` from the built `dist/`,
 * `openapi-typescript` from its bin), timed from spawn to exit, with its peak RSS read in the child
 * (`bench/max-rss.mjs`). Each spec gets `--rounds` runs of each tool (default 3), the two
 * alternating so machine noise lands on both; the table shows medians and the ratio, and the
 * script exits 1 when any ratio is over 2.
 *
 *   npm run bench:corpus [-- --rounds N] [-- --only REGEXP]   (REGEXP picks specs by name)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BROKEN_IN_CORPUS, corpusSpecs } from "../tests/helpers/corpus.js";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { rounds: { type: "string", default: "3" }, only: { type: "string" } } });
const rounds = Number(values.rounds);
const TARGET = 2;

interface Run {
  ms: number;
  rssKb: number;
}

/** One child process: `node --import max-rss.mjs ...args`, its wall time and peak RSS. */
function run(args: string[], scratch: string): Promise<Run> {
  const rssFile = path.join(scratch, "rss");
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", path.join(root, "bench/max-rss.mjs"), ...args], {
    cwd: root,
    env: { ...process.env, BENCH_MAX_RSS_FILE: rssFile },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`${args.join(" ")} exited ${code}: ${stderr.trim().split("\n").at(-1)}`));
      else resolve({ ms, rssKb: Number(readFileSync(rssFile, "utf8")) });
    });
  });
}

const tools = {
  ours: (spec: string, out: string) => [
    path.join(root, "dist/cli/bin.js"),
    "codegen",
    "--spec",
    spec,
    "--out",
    out,
    "--force",
  ],
  theirs: (spec: string, out: string) => [
    path.join(root, "node_modules/openapi-typescript/bin/cli.js"),
    spec,
    "-o",
    path.join(out, "schema.ts"),
  ],
};

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] as number;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

const specs = corpusSpecs().filter(
  (spec) => spec.name !== BROKEN_IN_CORPUS && (values.only === undefined || new RegExp(values.only).test(spec.name)),
);
console.log(
  `${specs.length} specs, ${rounds} rounds each, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`,
);
console.log(
  "| spec | size | sudo-images | openapi-typescript | time | sudo-images RSS | openapi-typescript RSS | memory |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
let over = 0;
for (const spec of specs) {
  const scratch = mkdtempSync(path.join(tmpdir(), "sudo-images-bench-corpus-"));
  const measured: Record<keyof typeof tools, Run[]> = { ours: [], theirs: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (["ours", "theirs"] as const) : (["theirs", "ours"] as const);
    for (const tool of order) measured[tool].push(await run(tools[tool](spec.file, path.join(scratch, tool)), scratch));
  }
  rmSync(scratch, { recursive: true, force: true });
  const [ours, theirs] = [measured.ours, measured.theirs].map((runs) => ({
    ms: median(runs.map((one) => one.ms)),
    rssKb: median(runs.map((one) => one.rssKb)),
  })) as [Run, Run];
  const time = ours.ms / theirs.ms;
  const memory = ours.rssKb / theirs.rssKb;
  if (time > TARGET) over++;
  const size = `${(specSize(spec.file) / 1024).toFixed(0)} kB`;
  console.log(
    `| ${spec.name} | ${size} | ${seconds(ours.ms)} | ${seconds(theirs.ms)} | ${time.toFixed(2)}× | ${mb(ours.rssKb)} | ${mb(theirs.rssKb)} | ${memory.toFixed(2)}× |`,
  );
}
console.log(
  over === 0 ? `Every spec within ${TARGET}× openapi-typescript's time.` : `${over} spec(s) over ${TARGET}×.`,
);
process.exitCode = over === 0 ? 0 : 1;

/** The spec's bytes: a multi-file spec's whole folder. */
function specSize(file: string): number {
  return path.basename(file) === "openapi.json" && path.basename(path.dirname(file)).endsWith("-split")
    ? folderSize(path.dirname(file))
    : statSync(file).size;
}

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderSize(full) : statSync(full).size;
  }
  return total;
}
