/**
 * `node --import tsx bench/overhead.ts [small|nulls|large] [BASELINE]`: one call's latency through
 * sudo-images against plain openapi-fetch, in one process with the bench server, the clients taking
 * turns (a batch each, 15 rounds; 20 rounds of 3 calls for `large`), so a busy machine slows them
 * alike; prints each one's median and its ratio to openapi-fetch. `BASELINE`, another checkout's
 * `src/index.ts`, adds that client as a third: a change measured against the code before it.
 */
import createClient from "openapi-fetch";
import type { paths } from "../src/generated/schema.js";
import { createImagesClient } from "../src/index.js";
import { sequential } from "./load.mjs";
import { startBenchServer } from "./server.js";

type Create = typeof createImagesClient;
const [shape = "small", baseline] = process.argv.slice(2);
const REQUEST = { prompt: "a lighthouse at dusk", model: "gpt-image-1", n: 4 };
const PATH = "/v1/images/generations";
const server = await startBenchServer();
const headers = { "x-shape": shape };
const sudo = (create: Create) => {
  // gpt-image-1 is shut down: the client warns once; the warning is not what is measured.
  const client = create({ apiKey: "sk-bench", baseUrl: server.url, headers, onWarning: () => {} });
  return () => client.generate(REQUEST);
};
const plain = createClient<paths>({ baseUrl: server.url, headers: { authorization: "Bearer sk-bench", ...headers } });
const clients: Record<string, () => Promise<unknown>> = {
  "openapi-fetch": async () => (await plain.POST(PATH, { body: REQUEST })).data,
  "sudo-images": sudo(createImagesClient),
};
if (baseline) clients.baseline = sudo(((await import(baseline)) as { createImagesClient: Create }).createImagesClient);

const [batch, rounds] = shape === "large" ? [3, 20] : [200, 15];
const times: Record<string, number[]> = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
for (const call of Object.values(clients)) await sequential(call, batch);
for (let round = 0; round < rounds; round++) {
  for (const [name, call] of Object.entries(clients)) times[name]?.push(...(await sequential(call, batch)));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const floor = median(times["openapi-fetch"] ?? []);
console.log(`${shape}: median latency, ${rounds} interleaved rounds of ${batch} calls`);
for (const [name, values] of Object.entries(times)) {
  console.log(
    `${name.padEnd(14)} ${(median(values) * 1000).toFixed(0).padStart(8)} µs  ${(median(values) / floor).toFixed(2)}x`,
  );
}
await server.close();
