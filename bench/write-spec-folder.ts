/**
 * Writes a spec's generated folder as plain JavaScript into a directory (GitHub's whole REST spec
 * unless `--spec FILE`), as a user who ran `sudo-images codegen` has it: what
 * `bench/kit-cold-node.mjs` then imports on plain Node.
 *
 *   node --import tsx bench/write-spec-folder.ts DIR [--spec FILE]
 */
import { parseArgs } from "node:util";
import { writeSpecFolder } from "../src/cli/load-spec-folder.js";
import { githubSpec } from "../tests/helpers/corpus.js";

const { values, positionals } = parseArgs({ options: { spec: { type: "string" } }, allowPositionals: true });
const [dir] = positionals;
if (dir === undefined) throw new Error("usage: write-spec-folder.ts DIR [--spec FILE]");
const started = performance.now();
await writeSpecFolder(values.spec ?? githubSpec(), dir);
console.log(`${dir}: written in ${Math.round(performance.now() - started)} ms`);
