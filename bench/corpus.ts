/**
 * `npm run bench:corpus`: the generator on every spec of the corpus (tests/helpers/corpus.ts),
 * one at a time in this process, as a Markdown table for BENCHMARKS.md: spec size, paths,
 * generate time, output size, warnings. `--full-github` adds GitHub's whole REST spec.
 */
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import { generateFiles } from "../src/codegen/index.js";
import { BROKEN_IN_CORPUS, type CorpusSpec, corpusSpecs } from "../tests/helpers/corpus.js";

const specs = corpusSpecs();
if (process.argv.includes("--full-github")) {
  const github = specs.at(-1) as CorpusSpec;
  specs.push({ ...github, name: "github api.github.com.json (whole)", operations: [] });
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

// The first generation pays for loading openapi-typescript and TypeScript (about 1 s); not a spec's cost.
await generateFiles(path.resolve("openapi/sudo-images.yaml"));
console.log("| spec | size | paths | operations taken | generate | output | warnings |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const spec of specs.filter((candidate) => candidate.name !== BROKEN_IN_CORPUS)) {
  const document = parseYaml(await readFile(spec.file, "utf8")) as { paths?: object };
  const started = performance.now();
  const { files, warnings } = await generateFiles(spec.file, {
    runtime: "sudo-images/runtime",
    operations: spec.operations,
  });
  const elapsed = performance.now() - started;
  const output = [...files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const taken = spec.operations.length === 0 ? "all" : String(spec.operations.length);
  console.log(
    `| ${spec.name} | ${kb(statSync(spec.file).size)} | ${Object.keys(document.paths ?? {}).length} | ${taken} | ${elapsed.toFixed(0)} ms | ${kb(output)} | ${warnings.length} |`,
  );
}
