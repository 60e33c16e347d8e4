/** Runs `call` `count` times one after another; resolves to the sorted durations in ms. */
export function sequential(call: () => Promise<unknown>, count: number): Promise<number[]>;
/** Runs `call` `total` times with `inFlight` at once; resolves to calls per second. */
export function throughput(call: () => Promise<unknown>, total: number, inFlight?: number): Promise<number>;
