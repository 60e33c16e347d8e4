import { generateFiles } from "./codegen/index.js";
import { mkdir, writeFile } from "node:fs/promises";
const spec = "node_modules/@octokit/openapi/generated/api.github.com.json";
const ops = process.argv.slice(2);
const t = performance.now();
const { files, warnings } = await generateFiles(spec, { runtime: "sudo-images/spec", operations: ops });
let size = 0; await mkdir("/tmp/gh", { recursive: true });
for (const [n, text] of files) { size += text.length; await writeFile(`/tmp/gh/${n}`, text); }
console.log(`${ops.length || "all"} ops: ${Math.round(performance.now() - t)} ms, warnings ${warnings.length}, out ${size}`);
