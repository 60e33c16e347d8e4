// One measurement of one client, in a process of its own: node bench/child.mjs <client> <kind> <baseUrl>
// Prints one JSON object on stdout.
import { CLIENTS } from "./clients.mjs";
import { sequential, throughput } from "./load.mjs";

const [name, kind, baseUrl] = process.argv.slice(2);
const client = CLIENTS[name];

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const kinds = {
  async import() {
    const start = performance.now();
    await import(client.entry);
    return { ms: performance.now() - start };
  },
  async latency() {
    const call = await client.create(baseUrl, "small");
    await sequential(call, 200);
    const times = await sequential(call, 2000);
    return { medianUs: quantile(times, 0.5) * 1000, p99Us: quantile(times, 0.99) * 1000 };
  },
  async throughput() {
    const call = await client.create(baseUrl, "small");
    await throughput(call, 500);
    return { reqPerSec: await throughput(call, 5000) };
  },
  async nulls() {
    const call = await client.create(baseUrl, "nulls");
    await sequential(call, 200);
    const times = await sequential(call, 1000);
    return { medianUs: quantile(times, 0.5) * 1000 };
  },
  async large() {
    const call = await client.create(baseUrl, "large");
    await sequential(call, 3);
    const times = await sequential(call, 30);
    return { medianMs: quantile(times, 0.5), peakRssMb: process.resourceUsage().maxRSS / 1024 };
  },
};

process.stdout.write(`${JSON.stringify(await kinds[kind]())}\n`);
