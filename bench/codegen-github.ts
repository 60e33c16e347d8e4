/**
 * `npm run bench:github`: `sudo-images codegen` on GitHub's whole REST spec (13 MB, 900+
 * operations), each figure from its own child process so peak memory is the run's own. The
 * generator runs as installed (the built `dist/`, plain Node), openapi-typescript as its CLI would:
 * - the generator: wall time, peak RSS, output bytes, against openapi-typescript alone on the
 *   same spec in the same way;
 * - a browser bundle (esbuild, minified, gzip -9) that validates and normalizes one schema;
 * - `tsc --strict` on the output, which must be clean (the script fails otherwise).
 * Prints a Markdown table for BENCHMARKS.md.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundleSize } from "../scripts/bundle-size.js";
import { githubSpec } from "../tests/helpers/corpus.js";

const root = path.resolve(import.meta.dirname, "..");
const spec = githubSpec();
const out = mkdtempSync(path.join(tmpdir(), "sudo-images-github-"));

/** Runs `code` (an ES module) in a fresh plain Node; resolves to the JSON it printed last. */
function child(code: string): Record<string, number> {
  // Inside the repository, so its packages resolve.
  const dir = path.join(root, "node_modules/.cache/sudo-images-bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `child-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  const stdout = execFileSync(process.execPath, [file], { cwd: root, encoding: "utf8" });
  return JSON.parse(stdout.trim().split("\n").at(-1) as string) as Record<string, number>;
}

const measured = `
const started = performance.now();
const done = await WORK;
console.log(JSON.stringify({ ms: performance.now() - started, rssMb: process.resourceUsage().maxRSS / 1024, bytes: done }));
`;

const ours = child(
  `import { generateFiles, writeFiles } from ${JSON.stringify(path.join(root, "dist/codegen/index.js"))};
${measured.replace(
  "WORK",
  `generateFiles(${JSON.stringify(spec)}, { out: ${JSON.stringify(out)} }).then(async ({ files }) => {
  await writeFiles(files, ${JSON.stringify(out)});
  return [...files.values()].reduce((bytes, text) => bytes + Buffer.byteLength(text), 0);
})`,
)}`,
);

const theirs = child(
  `import openapiTS, { astToString } from "openapi-typescript";
import { readFileSync } from "node:fs";
${measured.replace(
  "WORK",
  `openapiTS(JSON.parse(readFileSync(${JSON.stringify(spec)}, "utf8"))).then((ast) => Buffer.byteLength(astToString(ast)))`,
)}`,
);

// One schema, validated and normalized, as an app would import it: named exports only.
const metadata = readFileSync(path.join(out, "metadata.ts"), "utf8");
const exported = /export const (validate_full_repository)\b/.exec(metadata)?.[1] ?? "validate_full_repository";
const entry = `import { ${exported} as validate, shapes } from "./metadata.ts";
import { normalizeWith } from "./runtime.ts";
export const read = (body: unknown) => (validate(body) ? normalizeWith(shapes, "full-repository", body) : undefined);`;
const bundled = await bundleSize(entry, out);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log("| GitHub's whole REST spec | sudo-images codegen | openapi-typescript alone |");
console.log("| --- | ---: | ---: |");
console.log(
  `| wall time | ${((ours.ms as number) / 1000).toFixed(1)} s | ${((theirs.ms as number) / 1000).toFixed(1)} s |`,
);
console.log(`| peak RSS | ${ours.rssMb?.toFixed(0)} MB | ${theirs.rssMb?.toFixed(0)} MB |`);
console.log(`| output | ${mb(ours.bytes as number)} | ${mb(theirs.bytes as number)} |`);
console.log(
  `| bundle validating + normalizing \`full-repository\` | ${(bundled.gzipped / 1024).toFixed(1)} kB gzip (${(bundled.minified / 1024).toFixed(0)} kB min) | |`,
);
// The output as a project would compile it: strict, every file from index.ts down.
const tscStarted = performance.now();
const tsc = path.join(root, "node_modules/.bin/tsc");
const flags = ["--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext"];
execFileSync(tsc, [...flags, "index.ts"], { cwd: out, stdio: "inherit" });
console.log(`| \`tsc --strict\` on the output | clean, ${((performance.now() - tscStarted) / 1000).toFixed(1)} s | |`);
rmSync(out, { recursive: true, force: true });
