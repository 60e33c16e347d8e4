import { describe, expect, it } from "vitest";
import { limiter } from "../../src/http/concurrency.js";

/** A promise and the function that settles it (Node 20 has no Promise.withResolvers). */
function gate(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe("limiter", () => {
  it("runs at most max at once, in order, handing each freed slot to the next in line", async () => {
    const limit = limiter(2);
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, gate);
    const runs = gates.map((gate, index) =>
      limit.run(async () => {
        started.push(index);
        await gate.promise;
        return index;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    gates[1]?.resolve();
    await runs[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
  });

  it("takes a waiting task out of the queue when its signal aborts, without losing a slot", async () => {
    const limit = limiter(1);
    const first = gate();
    const running = limit.run(() => first.promise);
    const controller = new AbortController();
    const reason = new Error("cancelled");
    const waiting = limit.run(async () => "never", controller.signal);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    first.resolve();
    await running;
    expect(await limit.run(async () => "next")).toBe("next");
  });
});
