import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { whenAborted } from "../../src/http/signals.js";
import { sleep } from "../../src/http/sleep.js";
import { withTimeout } from "../../src/http/timeout.js";
import { usePlayServer } from "../helpers/play-server.js";

describe("whenAborted: one listener per signal, however many wait", () => {
  it("calls every waiter still waiting, and leaves no listener behind", () => {
    const controller = new AbortController();
    const called: string[] = [];
    const stopA = whenAborted(controller.signal, () => called.push("a"));
    whenAborted(controller.signal, () => called.push("b"));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    stopA();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort();
    expect(called).toEqual(["b"]);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("removes its listener when the last waiter stops", () => {
    const controller = new AbortController();
    const stops = [whenAborted(controller.signal, () => {}), whenAborted(controller.signal, () => {})];
    for (const stop of stops) stop();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    const again: string[] = [];
    whenAborted(controller.signal, () => again.push("again"));
    controller.abort();
    expect(again).toEqual(["again"]);
  });
});

describe("sleep", () => {
  it("rejects at once with the reason of a signal that is already aborted", async () => {
    const reason = new Error("cancelled before");
    await expect(sleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it("rejects with the reason when the signal aborts during the wait, and lets go of the signal", async () => {
    const controller = new AbortController();
    const reason = new Error("cancelled during");
    const waiting = sleep(60_000, controller.signal);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("resolves after the wait and lets go of the signal", async () => {
    const controller = new AbortController();
    await expect(sleep(1, controller.signal)).resolves.toBeUndefined();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

describe("withTimeout lets go of its timer", () => {
  const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

  it.each([
    ["succeeds", () => Promise.resolve("done")],
    ["fails", () => Promise.reject(new Error("failed"))],
  ])("when the attempt %s", async (_what, attempt) => {
    const before = timers();
    const settled = withTimeout(attempt, 600_000, undefined, () => "the attempt");
    expect(timers()).toBe(before + 1);
    await settled.catch(() => {});
    expect(timers()).toBe(before);
  });

  it("and sets none for Infinity", async () => {
    const before = timers();
    const settled = withTimeout(
      async () => "done",
      Number.POSITIVE_INFINITY,
      undefined,
      () => "the attempt",
    );
    expect(timers()).toBe(before);
    await expect(settled).resolves.toBe("done");
  });
});

describe("with a server that plays each test's part", () => {
  const { request, client } = usePlayServer();

  describe("one AbortSignal shared by many calls", () => {
    it("leaves no listener behind and raises no MaxListenersExceededWarning", async () => {
      const warnings: Error[] = [];
      const onWarning = (warning: Error) => warnings.push(warning);
      process.on("warning", onWarning);
      try {
        const controller = new AbortController();
        const calls = Array.from({ length: 25 }, () =>
          client("slow", { maxRetries: 1 }).generate(request, { signal: controller.signal }),
        );
        expect(getEventListeners(controller.signal, "abort").length).toBeLessThanOrEqual(1);
        await Promise.all(calls);
        expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
        await new Promise((resolve) => setImmediate(resolve));
        expect(warnings.filter((warning) => warning.name === "MaxListenersExceededWarning")).toEqual([]);
      } finally {
        process.off("warning", onWarning);
      }
    });
  });
});
