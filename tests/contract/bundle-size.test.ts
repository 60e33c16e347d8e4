import { describe, expect, it } from "vitest";
import { bundleSize, GENERATE_ONLY, GENERATE_ONLY_LITE } from "../../scripts/bundle-size.js";

/**
 * The gzipped budget of a browser bundle that creates a client and calls generate, from each entry
 * point that has one. BENCHMARKS.md explains the numbers: the compiled validators are most of the
 * core's; `sudo-images/lite` is the same generate path without the spec checks. Raise one only with
 * a measurement in BENCHMARKS.md that says why.
 */
const ENTRIES = [
  { entry: "core", code: GENERATE_ONLY, budget: 16_230, checked: true },
  { entry: "lite", code: GENERATE_ONLY_LITE, budget: 8_780, checked: false },
];

/** Nothing a browser bundle may hold: Node built-ins, dependencies, the testing kit, the CLI, file helpers. */
const NOT_FOR_BROWSERS = /^node:|pngjs|image-size|^node_modules\/|^src\/(testing\/|cli\/|(files|node)\.ts$)/;
/** The spec checks: what the core's generate path is wired with and lite's is not. */
const SPEC_CHECKS = [
  "src/fan-out.ts",
  "src/generated/validators.ts",
  "src/model-lifecycle.ts",
  "src/runtime/responses.ts",
  "src/runtime/rule-list.ts",
  "src/spec-checks.ts",
];

describe.each(ENTRIES)("the $entry entry's browser bundle", ({ code, budget, checked }) => {
  it(`stays within ${budget} bytes gzipped`, async () => {
    const { gzipped } = await bundleSize(code);
    expect(gzipped).toBeLessThanOrEqual(budget);
  });

  it("pulls in no Node built-in, no dependency, nothing of the testing kit, the CLI or the file helpers", async () => {
    const { inputs } = await bundleSize(code);
    // openapi-fetch is reached only through createRawClient, which a generate-only app leaves out.
    expect(inputs.filter((input) => NOT_FOR_BROWSERS.test(input))).toEqual([]);
    expect(inputs).toContain("src/client.ts");
  });

  it(`holds the spec checks ${checked ? "whole" : "not at all"}`, async () => {
    const { inputs } = await bundleSize(code);
    expect(inputs.filter((input) => SPEC_CHECKS.includes(input)).sort()).toEqual(checked ? SPEC_CHECKS : []);
  });
});

describe("bundleSize", () => {
  it("fails the build when the core reaches for a Node built-in", async () => {
    await expect(bundleSize(`import { readFile } from "node:fs/promises"; export const f = readFile;`)).rejects.toThrow(
      /node:fs\/promises/,
    );
  });
});
