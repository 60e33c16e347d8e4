import { afterEach, describe, expect, it, vi } from "vitest";
import { sleep } from "../../src/http/sleep.js";
import { MAX_TIMER_MS } from "../../src/http/timeout.js";

afterEach(() => {
  vi.useRealTimers();
});

/** Whether `promise` has settled, read without waiting for it. */
function settled(promise: Promise<unknown>): () => boolean {
  let done = false;
  promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  return () => done;
}

describe("sleep", () => {
  it.each([2 ** 31, 2 ** 40, Number.MAX_SAFE_INTEGER])(
    "waits the longest a timer can for %i ms, instead of firing at once as an overflowed timer does",
    async (ms) => {
      vi.useFakeTimers();
      const done = settled(sleep(ms));
      await vi.advanceTimersByTimeAsync(60 * 60 * 1000);
      expect(done()).toBe(false);
      await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
      expect(done()).toBe(true);
    },
  );

  it("still ends a long wait when the signal aborts", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const waiting = sleep(2 ** 40, controller.signal);
    controller.abort(new Error("cancelled"));
    await expect(waiting).rejects.toThrow("cancelled");
  });
});
