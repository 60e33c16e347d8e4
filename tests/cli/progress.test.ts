import { afterEach, describe, expect, it, vi } from "vitest";
import { startProgress } from "../../src/cli/progress.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("the CLI's spinner", () => {
  it("shows the seconds elapsed on a terminal, and clears its line when stopped", () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const progress = startProgress({ isTTY: true, write: (text: string) => written.push(text) }, "generating");
    expect(written.at(-1)).toMatch(/generating 0s$/);
    vi.advanceTimersByTime(2_050);
    expect(written.at(-1)).toMatch(/generating 2s$/);
    progress.update("saving");
    expect(written.at(-1)).toMatch(/saving 2s$/);
    progress.stop();
    expect(written.at(-1)).toBe("\r\x1b[2K");
    const count = written.length;
    vi.advanceTimersByTime(1_000);
    expect(written.length).toBe(count);
  });

  it("with `after`, draws nothing for a run that ends sooner, and starts drawing once it has lasted that long", () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const out = { isTTY: true, write: (text: string) => written.push(text) };
    const quick = startProgress(out, "generating", { after: 1_000 });
    vi.advanceTimersByTime(900);
    quick.update("compiling 3 validators");
    quick.stop();
    vi.advanceTimersByTime(2_000);
    expect(written).toEqual([]);
    const slow = startProgress(out, "reading the spec", { after: 1_000 });
    slow.update("compiling 452 validators");
    vi.advanceTimersByTime(1_000);
    expect(written.at(-1)).toMatch(/compiling 452 validators 1s$/);
    slow.stop();
    expect(written.at(-1)).toBe("\r\x1b[2K");
  });

  it("writes nothing where the output is not a terminal", () => {
    const written: string[] = [];
    const progress = startProgress({ isTTY: false, write: (text: string) => written.push(text) }, "generating");
    progress.update("saving");
    progress.stop();
    expect(written).toEqual([]);
  });
});
