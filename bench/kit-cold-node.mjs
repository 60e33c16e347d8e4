/**
 * The kit's cold start on plain Node (no tsx, the built `dist/`), on a folder written beforehand by
 * `bench/write-spec-folder.ts`: importing the folder, importing `sudo-images/testing`, the mock
 * listening, and verify planning every request of every operation. One process, one round: run it
 * several times (`npm run bench:kit-cold-node` does three).
 *
 *   node bench/kit-cold-node.mjs DIR
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = process.argv[2];
if (dir === undefined) throw new Error("usage: kit-cold-node.mjs DIR");
const at = [performance.now()];
const folder = await import(pathToFileURL(path.resolve(dir, "index.js")).href);
at.push(performance.now());
const { startMockServer, plannedRequests } = await import("../dist/testing/index.js");
at.push(performance.now());
const mock = await startMockServer({ spec: folder });
at.push(performance.now());
await mock.close();
const plan = plannedRequests({ spec: folder, budget: 10_000_000 });
at.push(performance.now());
const ms = (from, to) => Math.round(at[to] - at[from]);
console.log(
  `import folder ${ms(0, 1)} ms, import kit ${ms(1, 2)} ms, listen ${ms(2, 3)} ms: cold start ${ms(0, 3)} ms; ` +
    `plan every request ${ms(3, 4)} ms (${plan.length} requests)`,
);
