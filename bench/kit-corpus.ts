/**
 * `npm run bench:kit`: the contract kit on every spec of the corpus (tests/helpers/corpus.ts) and
 * the published specs fetched for it (tests/fixtures/published/), each whole. Per spec, in a child
 * process of its own (so one spec's modules and memory never weigh on the next): the folder
 * generated in memory as `sudo-images verify --spec` does it, the mock started on it, `verifyServer`
 * run against the mock, and one operation called as a user's code would (a valid request planned
 * by verify, its JSON answer through the folder's `parse`: validated, then normalized). The table
 * says, per spec, its operations, verify's checks and failures, the call, and where the time went;
 * the script exits 1 when under 95 % of the specs have zero failures and a working call.
 *
 *   npm run bench:kit [-- --only REGEXP] [-- --budget N] [-- --failures N]
 *
 * REGEXP picks specs by name; `--budget` is verify's request budget per spec (default 300);
 * `--failures` prints that many failed checks per spec (default 3).
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { writeSpecFolder } from "../src/cli/load-spec-folder.js";
import { MOCK_KEY, startMockServer } from "../src/testing/mock-server.js";
import type { SpecFolder } from "../src/testing/spec-folder.js";
import { describeCheck, plannedRequests, verifyServer } from "../src/testing/verify.js";
import { BROKEN_IN_CORPUS, corpusSpecs } from "../tests/helpers/corpus.js";
import { publishedSpecs } from "../tests/helpers/published-specs.js";
import { type ClientModule, oneCall } from "./kit-call.js";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    only: { type: "string" },
    budget: { type: "string", default: "300" },
    failures: { type: "string", default: "3" },
    child: { type: "string" },
  },
});
const TARGET = 0.95;

/** What one child measured on one spec. */
interface Outcome {
  name: string;
  operations: number;
  checks: number;
  failures: string[];
  failed: number;
  call: string;
  callOk: boolean;
  ms: { generate: number; listen: number; plan: number; verify: number };
  error?: string;
}

const specs = [...corpusSpecs().filter((spec) => spec.name !== BROKEN_IN_CORPUS), ...publishedSpecs()];

/** Runs every spec in a child of its own, one at a time, and prints the table. */
async function parent(): Promise<void> {
  const picked = specs.filter((spec) => values.only === undefined || new RegExp(values.only).test(spec.name));
  console.log(`${picked.length} specs, budget ${values.budget}, ${new Date().toISOString()}, Node ${process.version}`);
  console.log("| spec | operations | checks | failures | call | generate | listen | plan | verify |");
  console.log("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
  const outcomes: Outcome[] = [];
  for (const spec of picked) {
    const outcome = await child(spec.name);
    outcomes.push(outcome);
    const { ms } = outcome;
    console.log(
      `| ${outcome.name} | ${outcome.operations} | ${outcome.checks} | ${outcome.failed} | ${outcome.call} | ${seconds(ms.generate)} | ${seconds(ms.listen)} | ${seconds(ms.plan)} | ${seconds(ms.verify)} |`,
    );
    for (const failure of [...(outcome.error ? [outcome.error] : []), ...outcome.failures])
      console.log(`|   ${failure.slice(0, 300).replaceAll("|", "\\|")} |`);
  }
  const working = outcomes.filter((outcome) => outcome.failed === 0 && outcome.callOk && !outcome.error);
  const share = working.length / Math.max(1, outcomes.length);
  console.log(
    `\n${working.length} of ${outcomes.length} specs (${(share * 100).toFixed(1)} %) have zero failures and a working call; target ${TARGET * 100} %`,
  );
  process.exitCode = share >= TARGET ? 0 : 1;
}

const seconds = (ms: number) => (Number.isNaN(ms) ? "-" : `${(ms / 1000).toFixed(2)} s`);

/** One spec in a child process: its outcome, or the child's last line of stderr as the error. */
function child(name: string): Promise<Outcome> {
  const proc = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(root, "bench/kit-corpus.ts"),
      "--child",
      name,
      "--budget",
      values.budget as string,
      "--failures",
      values.failures as string,
    ],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  proc.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  proc.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve) => {
    proc.on("exit", (code) => {
      const line = stdout.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as Outcome);
      else resolve(crashed(name, `child exited ${code}: ${stderr.trim().split("\n").slice(-3).join(" / ")}`));
    });
  });
}

function crashed(name: string, error: string): Outcome {
  const ms = { generate: Number.NaN, listen: Number.NaN, plan: Number.NaN, verify: Number.NaN };
  return { name, operations: 0, checks: 0, failures: [], failed: 0, call: "-", callOk: false, ms, error };
}

/** Generates, mocks, verifies and calls one spec in this process. */
async function measure(name: string, file: string): Promise<Outcome> {
  const outcome = crashed(name, "");
  delete outcome.error;
  let started = performance.now();
  const lap = () => {
    const ms = performance.now() - started;
    started = performance.now();
    return ms;
  };
  let spec: SpecFolder;
  let client: ClientModule;
  // Written where the folder's runtime and client.ts import this checkout's sources (as the CLI's
  // in-memory folder cannot, from a temporary folder), so the one call goes through its createClient.
  const dir = await mkdtemp(path.join(tmpdir(), "sudo-images-kit-"));
  try {
    const runtime = path.relative(dir, path.join(root, "src/runtime/index.js")).split(path.sep).join("/");
    await writeSpecFolder(file, dir, runtime);
    spec = (await import(pathToFileURL(path.join(dir, "index.js")).href)) as SpecFolder;
    client = (await import(pathToFileURL(path.join(dir, "client.js")).href)) as ClientModule;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    return { ...outcome, error: `generate: ${(error as Error).message}` };
  }
  outcome.ms.generate = lap();
  outcome.operations = Object.keys(spec.routes).length;
  const mock = await startMockServer({ spec, apiKey: MOCK_KEY });
  outcome.ms.listen = lap();
  try {
    const budget = Number(values.budget);
    try {
      plannedRequests({ spec, budget });
    } catch (error) {
      return { ...outcome, error: `plan: ${(error as Error).message}` };
    }
    outcome.ms.plan = lap();
    const report = await verifyServer({ spec, baseUrl: mock.url, apiKey: MOCK_KEY, budget, timeoutMs: 10_000 });
    outcome.ms.verify = lap();
    outcome.checks = report.passed.length + report.failed.length;
    outcome.failed = report.failed.length;
    outcome.failures = report.failed.slice(0, Number(values.failures)).map(describeCheck);
    const call = await oneCall(spec, client.createClient({ baseUrl: mock.url, apiKey: MOCK_KEY, maxRetries: 0 }));
    outcome.call = call.shown;
    outcome.callOk = call.ok;
    return outcome;
  } finally {
    await mock.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (values.child !== undefined) {
  const spec = specs.find((each) => each.name === values.child);
  if (spec === undefined) throw new Error(`no spec named ${values.child}`);
  process.stdout.write(`${JSON.stringify(await measure(spec.name, spec.file))}\n`);
} else {
  await parent();
}
