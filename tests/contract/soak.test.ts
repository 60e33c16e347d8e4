import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createImagesClient, SudoImagesError } from "../../src/index.js";
import { play, VALID_BODY } from "../helpers/fault-server.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";

const CALLS = 2000;
const IN_FLIGHT = 32;
const FAULT_RATE = 0.2;
/**
 * Of the faulty attempts, those that never answer: each holds a worker for the whole timeout, which
 * is generous (1 s) so that on a busy machine no answer that does come is taken for a stall.
 */
const STALL_RATE = 0.01;

/** mulberry32: a seeded PRNG, so the same faults land on the same attempts every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

let server: TestServer;
/** Every Idempotency-Key seen, and those executed: a retry of an executed key replays its answer. */
const keysSeen = new Set<string>();
const executed = new Set<string>();
let replays = 0;

beforeAll(async () => {
  const random = seeded(2026);
  server = await startTestServer((seen, res) => {
    const key = String(seen.headers["idempotency-key"]);
    keysSeen.add(key);
    const roll = random();
    if (roll < FAULT_RATE / 4) return play("reset", res);
    if (roll < FAULT_RATE / 2) return play("503", res);
    if (roll < FAULT_RATE / 2 + STALL_RATE) return play("stall", res);
    if (executed.has(key)) replays++;
    else executed.add(key);
    // Executed, then the answer is lost on the way: the retry must not execute again.
    if (roll < FAULT_RATE) return play("reset-mid-body", res);
    sendJson(res, 200, VALID_BODY);
  });
});
afterAll(() => server.close());

it(`settles ${CALLS} calls at ${IN_FLIGHT} in flight with 20% faulty attempts, never executing a key twice, without leaking`, async () => {
  const client = createImagesClient({
    apiKey: "sk-soak",
    baseUrl: server.url,
    timeoutMs: 1000,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    // The client's own limit (4 by default) would queue the workers: 32 really in flight.
    maxConcurrency: IN_FLIGHT,
  });
  const request = { prompt: "soak", model: "gpt-image-2" };
  const run = async () => {
    const outcomes = { ok: 0, typed: 0, other: [] as unknown[] };
    let next = 0;
    const worker = async () => {
      while (next < CALLS) {
        next++;
        await client.generate(request).then(
          () => outcomes.ok++,
          (error: unknown) => (error instanceof SudoImagesError ? outcomes.typed++ : outcomes.other.push(error)),
        );
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    return outcomes;
  };

  await run(); // warm-up: JIT, sockets and caches settle before the heap is measured
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  keysSeen.clear();
  executed.clear();
  replays = 0;
  const outcomes = await run();
  collectGarbage();
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;

  expect(outcomes.other).toEqual([]);
  expect(outcomes.ok + outcomes.typed).toBe(CALLS);
  expect(outcomes.ok).toBeGreaterThan(CALLS * 0.95);
  // One key per call across all its attempts: retries after an execution were replayed, not re-run.
  expect(keysSeen.size).toBe(CALLS);
  expect(executed.size).toBeLessThanOrEqual(CALLS);
  expect(replays).toBeGreaterThan(0);
  expect(heapGrowth).toBeLessThan(8 * 1024 * 1024);
}, 120_000);
