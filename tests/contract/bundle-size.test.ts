import { describe, expect, it } from "vitest";
import { bundleSize, GENERATE_ONLY, GENERATE_ONLY_LITE } from "../../scripts/bundle-size.js";

/**
 * The gzipped budget of a browser bundle that creates a client and calls generate. BENCHMARKS.md
 * explains the number: the compiled validators are most of it; openapi-fetch is no longer in it.
 * Raise it only with a measurement in BENCHMARKS.md that says why.
 */
const BUDGET_GZIP_BYTES = 16_200;
/**
 * The same from `sudo-images/lite`, the generate path without the spec checks: no validator, no
 * fan-out, no model rules. BENCHMARKS.md says what the rest of it is.
 */
const LITE_BUDGET_GZIP_BYTES = 8_750;

/** Nothing a browser bundle may hold: Node built-ins, dependencies, the testing kit, the CLI, file helpers. */
const NOT_FOR_BROWSERS = /^node:|pngjs|image-size|^node_modules\/|^src\/(testing\/|cli\/|(files|node)\.ts$)/;

describe("the core entry's browser bundle", () => {
  it(`stays within ${BUDGET_GZIP_BYTES} bytes gzipped`, async () => {
    const { gzipped } = await bundleSize(GENERATE_ONLY);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it("pulls in no Node built-in, no dependency, nothing of the testing kit, the CLI or the file helpers", async () => {
    const { inputs } = await bundleSize(GENERATE_ONLY);
    // openapi-fetch is reached only through createRawClient, which a generate-only app leaves out.
    expect(inputs.filter((input) => NOT_FOR_BROWSERS.test(input))).toEqual([]);
    expect(inputs).toContain("src/client.ts");
    expect(inputs).toContain("src/generated/validators.ts");
  });

  it("fails the build when the core reaches for a Node built-in", async () => {
    await expect(bundleSize(`import { readFile } from "node:fs/promises"; export const f = readFile;`)).rejects.toThrow(
      /node:fs\/promises/,
    );
  });
});

describe("the lite entry's browser bundle", () => {
  it(`stays within ${LITE_BUDGET_GZIP_BYTES} bytes gzipped`, async () => {
    const { gzipped } = await bundleSize(GENERATE_ONLY_LITE);
    expect(gzipped).toBeLessThanOrEqual(LITE_BUDGET_GZIP_BYTES);
  });

  it("holds the same generate path and none of the spec checks: no validator, fan-out or model rule", async () => {
    const { inputs } = await bundleSize(GENERATE_ONLY_LITE);
    expect(inputs.filter((input) => NOT_FOR_BROWSERS.test(input))).toEqual([]);
    expect(inputs).toContain("src/client.ts");
    expect(
      inputs.filter((input) =>
        /^src\/(generated\/validators|fan-out|spec-checks|model-lifecycle|runtime\/(rule-list|responses))\.ts$/.test(
          input,
        ),
      ),
    ).toEqual([]);
  });
});
