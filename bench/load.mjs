// Load shapes shared by the benchmarks: plain JavaScript, so bench/child.mjs runs it with bare node.

/** Runs `call` `count` times one after another; resolves to the sorted durations in ms. */
export async function sequential(call, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/** Runs `call` `total` times with `inFlight` at once; resolves to calls per second. */
export async function throughput(call, total, inFlight = 64) {
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started++;
      await call();
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return total / ((performance.now() - start) / 1000);
}
