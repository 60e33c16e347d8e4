import { generateFiles } from "./src/codegen/index.js";
import { githubSpec } from "./tests/helpers/corpus.js";
const t = performance.now();
const { files } = await generateFiles(githubSpec(), { out: "/tmp/gh-out" });
for (const [n, text] of files) console.log(n, Buffer.byteLength(text));
console.log(performance.now() - t, process.resourceUsage().maxRSS / 1024);
import { writeFileSync } from "node:fs";
writeFileSync("/tmp/gh-validators.ts", files.get("validators.ts") as string);
writeFileSync("/tmp/gh-metadata.ts", files.get("metadata.ts") as string);
