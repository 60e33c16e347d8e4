/**
 * `npm run bench:spec-client`: a typed call through a generated folder's client (`createSpecClient`,
 * with its defaults: requests checked, answers validated and normalized, retries and timeouts on)
 * against plain openapi-fetch on the same server, in one process, the two alternating call by call
 * so a noisy moment on a shared machine lands on both. Small answers and 8 MB ones (four 2 MB
 * base64 strings). Run after `npm run build` (it measures dist/, as users get it).
 */
import createClient from "openapi-fetch";
import type * as SpecClientModule from "../src/api-client/index.js";
import type * as GeneratedModule from "../src/generated/index.js";
import type { paths } from "../src/generated/schema.js";
import { startBenchServer } from "./server.js";

// dist/ as users get it, built by `npm run build` first; imported by a computed name so that
// typechecking a fresh clone (no dist/ yet) does not depend on it.
const dist = (file: string) => new URL(`../dist/${file}`, import.meta.url).href;
const { createSpecClient } = (await import(dist("api-client/index.js"))) as typeof SpecClientModule;
const { parameterTypes, routes, securitySchemes, shapes, validators } = (await import(
  dist("generated/index.js")
)) as typeof GeneratedModule;

const REQUEST = { prompt: "a lighthouse at dusk", model: "gpt-image-2", n: 4 } as const;
const KEY = "sk-bench";
const SPEC = { routes, validators, parameterTypes, securitySchemes, shapes, apiKeyEnv: "SUDO_API_KEY" };

/** The calls of one shape, each client's, as functions that make one call. */
function calls(baseUrl: string, shape: string) {
  const raw = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${KEY}`, "x-shape": shape } });
  const spec = createSpecClient<paths>(SPEC, { apiKey: KEY, baseUrl, headers: { "x-shape": shape } });
  return {
    "openapi-fetch": async () => (await raw.POST("/v1/images/generations", { body: REQUEST })).data,
    "sudo-images/client": async () => (await spec.POST("/v1/images/generations", { body: REQUEST })).data,
  };
}

/** Median milliseconds of each client over `rounds` alternating calls, after `warmup` of each. */
async function alternating(clients: Record<string, () => Promise<unknown>>, warmup: number, rounds: number) {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
  for (let round = 0; round < warmup + rounds; round++) {
    for (const [name, call] of Object.entries(clients)) {
      const started = performance.now();
      await call();
      if (round >= warmup) times[name]?.push(performance.now() - started);
    }
  }
  return Object.fromEntries(
    Object.entries(times).map(([name, list]) => [name, list.sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0]),
  );
}

const server = await startBenchServer();
try {
  const small = await alternating(calls(server.url, "small"), 500, 4000);
  const large = await alternating(calls(server.url, "large"), 5, 60);
  const row = (label: string, figures: Record<string, number>, unit: number, digits: number) => {
    const floor = figures["openapi-fetch"] ?? 1;
    const cells = Object.values(figures).map((value) => (value * unit).toFixed(digits));
    return `| ${label} | ${cells.join(" | ")} | ${((figures["sudo-images/client"] ?? 0) / floor).toFixed(2)}x |`;
  };
  console.log(`Node ${process.version}; medians of alternating calls in one process.\n`);
  console.log("| figure | openapi-fetch | sudo-images/client | ratio |\n| --- | ---: | ---: | ---: |");
  console.log(row("small: median latency (µs), 4,000 calls each", small, 1000, 0));
  console.log(row("large (4 × 2 MB b64_json): median ms, 60 calls each", large, 1, 1));
} finally {
  await server.close();
}
