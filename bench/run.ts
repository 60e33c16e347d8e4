/**
 * `npm run bench`: sudo-images beside raw fetch, plain openapi-fetch and the openai SDK, in one
 * run, each client in child processes of its own. Prints a table of figures and ratios to raw
 * fetch, and writes bench/results/latest.json. See BENCHMARKS.md for a recorded run.
 */
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { bundleSize, GENERATE_ONLY } from "../scripts/bundle-size.js";
import { startBenchServer } from "./server.js";

const exec = promisify(execFile);
const here = import.meta.dirname;
const CLIENT_NAMES = ["fetch", "openapi-fetch", "sudo-images/client", "openai", "sudo-images"] as const;
type Name = (typeof CLIENT_NAMES)[number];
type Figures = Record<string, number>;

async function child(name: Name, kind: string, url: string): Promise<Figures> {
  const { stdout } = await exec(process.execPath, [path.join(here, "child.mjs"), name, kind, url], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Figures;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const BUNDLES: Record<Name, string> = {
  fetch: `export const run = async () => JSON.parse(await (await fetch("/v1/images/generations", { method: "POST", body: "{}" })).text());`,
  "openapi-fetch": `import createClient from "openapi-fetch"; const c = createClient({ baseUrl: "/" }); export const run = () => c.POST("/v1/images/generations", { body: {} });`,
  openai: `import OpenAI from "openai"; const c = new OpenAI({ apiKey: "k", dangerouslyAllowBrowser: true }); export const run = () => c.images.generate({ prompt: "p", model: "m" });`,
  "sudo-images": GENERATE_ONLY,
  "sudo-images/client": `import { createSpecClient } from "./src/api-client/index.js"; import { routes, validators, parameterTypes, securitySchemes, shapes } from "./src/generated/index.js"; const c = createSpecClient({ routes, validators, parameterTypes, securitySchemes, shapes, apiKeyEnv: "K" }, { baseUrl: "https://x.example" }); export const run = () => c.POST("/v1/images/generations", { body: { prompt: "p", model: "m" } });`,
};

const ROUNDS = 3;
const KINDS = ["latency", "throughput", "nulls", "large"] as const;

/**
 * Every timed figure is the median of ROUNDS rounds, and each round measures the clients one after
 * another, so a noisy moment on the machine lands on all of them rather than on one.
 */
async function measureAll(url: string): Promise<Record<Name, Figures>> {
  const runs = Object.fromEntries(CLIENT_NAMES.map((name) => [name, [] as Figures[]])) as Record<Name, Figures[]>;
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of CLIENT_NAMES) {
      process.stderr.write(`round ${round}/${ROUNDS}: ${name}…\n`);
      const figures: Figures = {};
      for (const kind of KINDS) Object.assign(figures, prefixed(kind, await child(name, kind, url)));
      runs[name].push(figures);
    }
  }
  const results = {} as Record<Name, Figures>;
  for (const name of CLIENT_NAMES) {
    const imports: number[] = [];
    for (let i = 0; i < 10; i++) imports.push((await child(name, "import", url)).ms as number);
    const keys = Object.keys(runs[name][0] ?? {});
    results[name] = Object.fromEntries(keys.map((key) => [key, median(runs[name].map((run) => run[key] as number))]));
    results[name].coldImportMs = median(imports);
    results[name].bundleGzipBytes = (await bundleSize(BUNDLES[name])).gzipped;
  }
  return results;
}

function prefixed(kind: string, figures: Figures): Figures {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [`${kind}.${key}`, value]));
}

const ROWS: [keyof Figures & string, string, number][] = [
  ["latency.medianUs", "small: median latency (µs), 2,000 sequential", 0],
  ["latency.p99Us", "small: p99 latency (µs)", 0],
  ["throughput.reqPerSec", "small: throughput (req/s), 64 in flight, 5,000 calls", 0],
  ["nulls.medianUs", "nulls: median latency (µs), 1,000 sequential", 0],
  ["large.medianMs", "large (4 × 2 MB b64_json): median ms per call", 1],
  ["large.peakRssMb", "large: peak RSS (MB)", 0],
  ["coldImportMs", "cold import (ms), median of 10 processes", 1],
  ["bundleGzipBytes", "browser bundle, generate only (bytes, min+gzip)", 0],
];

function table(results: Record<Name, Figures>): string {
  const header = `| figure | ${CLIENT_NAMES.join(" | ")} |\n| --- |${" ---: |".repeat(CLIENT_NAMES.length)}`;
  const lines = ROWS.map(([key, label, digits]) => {
    const floor = results.fetch[key] as number;
    const cells = CLIENT_NAMES.map((name) => {
      const value = results[name][key] as number;
      return name === "fetch" ? value.toFixed(digits) : `${value.toFixed(digits)} (${(value / floor).toFixed(2)}x)`;
    });
    return `| ${label} | ${cells.join(" | ")} |`;
  });
  return `${header}\n${lines.join("\n")}`;
}

const server = await startBenchServer();
try {
  const results = await measureAll(server.url);
  const machine = `${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const output = table(results);
  console.log(
    `${machine}\nMedians of ${ROUNDS} interleaved rounds; ratios are to raw fetch + JSON.parse in the same run.\n\n${output}`,
  );
  await mkdir(path.join(here, "results"), { recursive: true });
  await writeFile(
    path.join(here, "results/latest.json"),
    `${JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2)}\n`,
  );
} finally {
  await server.close();
}
