/**
 * `npm run bench:kit-cold`: the kit's cold start on GitHub's whole REST spec (13 MB, 3.0, 1,000+
 * operations), each figure from a fresh child process, `--rounds` times (default 3), medians:
 *
 * - `sudo-images mock --spec` as the CLI does it: the folder generated in memory, transpiled and
 *   imported (`loadSpecFolder`), then the mock listening: codegen dominates, so it is split out;
 * - the kit alone, on a folder generated once beforehand (as a user who ran `sudo-images codegen`
 *   has it): importing the folder, the mock listening, and verify planning every request of every
 *   operation (`plannedRequests` with no budget to stop it).
 *
 *   npm run bench:kit-cold [-- --rounds N] [-- --spec FILE]
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { loadSpecFolder, writeSpecFolder } from "../src/cli/load-spec-folder.js";
import { startMockServer } from "../src/testing/mock-server.js";
import type { SpecFolder } from "../src/testing/spec-folder.js";
import { plannedRequests } from "../src/testing/verify.js";
import { githubSpec } from "../tests/helpers/corpus.js";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    spec: { type: "string" },
    child: { type: "string" },
    folder: { type: "string" },
  },
});
const spec = values.spec ?? githubSpec();
/** Every request the plan holds: no budget cuts the planning short. */
const WHOLE_PLAN = 10_000_000;

type Figures = Record<string, number>;

/** Milliseconds `work` takes, and what it gave. */
async function timed<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

/** The CLI's way: generate in memory, import, listen. */
async function viaCli(): Promise<Figures> {
  const [load, { spec: folder }] = await timed(() => loadSpecFolder(spec, { stderr: process.stderr, cache: false }));
  const [listen, mock] = await timed(() => startMockServer({ spec: folder }));
  await mock.close();
  return { "generate + transpile + import": load, listen, "cold start": load + listen };
}

/** The kit alone, on a folder already written: import, listen, plan. */
async function kitAlone(folderDir: string): Promise<Figures> {
  const [load, folder] = await timed(
    async () => (await import(pathToFileURL(path.join(folderDir, "index.js")).href)) as SpecFolder,
  );
  const [listen, mock] = await timed(() => startMockServer({ spec: folder }));
  await mock.close();
  const [plan, requests] = await timed(() => plannedRequests({ spec: folder, budget: WHOLE_PLAN }));
  return {
    import: load,
    listen,
    "import + listen": load + listen,
    "plan every request": plan,
    requests: requests.length,
  };
}

function child(args: string[]): Promise<Figures> {
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench/kit-cold-start.ts"), ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  proc.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  return new Promise((resolve, reject) =>
    proc.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(stdout.trim().split("\n").at(-1) as string)) : reject(new Error(`exit ${code}`)),
    ),
  );
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] as number;

async function parent(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "sudo-images-kit-cold-"));
  try {
    await writeSpecFolder(spec, dir);
    const runs: Figures[] = [];
    for (let round = 0; round < Number(values.rounds); round++)
      runs.push({ ...(await child(["--child", "cli"])), ...(await child(["--child", "kit", "--folder", dir])) });
    console.log(
      `${path.basename(spec)}, ${runs.length} rounds, medians, ${new Date().toISOString()}, Node ${process.version}`,
    );
    console.log("| figure | median | runs |");
    console.log("| --- | ---: | --- |");
    for (const name of Object.keys(runs[0] ?? {})) {
      const each = runs.map((run) => run[name] as number);
      const shown = (value: number) => (name === "requests" ? String(value) : `${(value / 1000).toFixed(2)} s`);
      console.log(`| ${name} | ${shown(median(each))} | ${each.map(shown).join(", ")} |`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (values.child === "cli") process.stdout.write(`${JSON.stringify(await viaCli())}\n`);
else if (values.child === "kit") process.stdout.write(`${JSON.stringify(await kitAlone(values.folder as string))}\n`);
else await parent();
