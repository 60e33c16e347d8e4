/**
 * `npm run bench:layers`: where sudo-images' cost over openapi-fetch goes, in one process (server
 * and client together, so no scheduling between processes blurs small differences). Throughput
 * at 64 in flight, 4 rounds of 4,000 calls, median per variant.
 */
import createClient from "openapi-fetch";
import type { paths } from "../src/generated/schema.js";
import { createImagesClient } from "../src/index.js";
import { throughput } from "./load.mjs";
import { startBenchServer } from "./server.js";

const server = await startBenchServer();
const REQUEST = { prompt: "a lighthouse at dusk", model: "gpt-image-1" };
const PATH = "/v1/images/generations";
const plain = createClient<paths>({ baseUrl: server.url, headers: { authorization: "Bearer k", "x-shape": "small" } });
const sudo = (options = {}) =>
  createImagesClient({ apiKey: "k", baseUrl: server.url, headers: { "x-shape": "small" }, ...options });

const variants: Record<string, () => Promise<unknown>> = {
  "openapi-fetch": async () => (await plain.POST(PATH, { body: REQUEST })).data,
  "+ AbortController and timer": async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 600_000);
    try {
      return (await plain.POST(PATH, { body: REQUEST, signal: controller.signal })).data;
    } finally {
      clearTimeout(timer);
    }
  },
  "+ Idempotency-Key header": async () =>
    (await plain.POST(PATH, { body: REQUEST, headers: { "Idempotency-Key": crypto.randomUUID() } })).data,
  "sudo-images, validation off, no retries": (
    (client) => () =>
      client.generate(REQUEST)
  )(sudo({ validateResponses: "off", maxRetries: 0 })),
  "sudo-images (defaults)": (
    (client) => () =>
      client.generate(REQUEST)
  )(sudo()),
};

const runs: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
for (let round = 0; round < 4; round++) {
  for (const [name, call] of Object.entries(variants)) {
    await throughput(call, 500);
    runs[name]?.push(await throughput(call, 4000));
  }
}
const floor = runs["openapi-fetch"] ?? [];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
for (const [name, values] of Object.entries(runs)) {
  console.log(
    `${name.padEnd(42)} ${median(values).toFixed(0).padStart(6)} req/s  ${(median(values) / median(floor)).toFixed(2)}x`,
  );
}
await server.close();
