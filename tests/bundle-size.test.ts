import { describe, expect, it } from "vitest";
import { bundleSize, GENERATE_ONLY } from "../scripts/bundle-size.js";

/**
 * The gzipped budget of a browser bundle that creates a client and calls generate. BENCHMARKS.md
 * explains the number: openapi-fetch (2.6 kB) and the compiled validators (2.4 kB) are most of it.
 * Raise it only with a measurement in BENCHMARKS.md that says why.
 */
const BUDGET_GZIP_BYTES = 9_500;

describe("the core entry's browser bundle", () => {
  it(`stays within ${BUDGET_GZIP_BYTES} bytes gzipped`, async () => {
    const { gzipped } = await bundleSize(GENERATE_ONLY);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it("pulls in no Node built-in and nothing of the testing kit, the CLI or the file helpers", async () => {
    const { inputs } = await bundleSize(GENERATE_ONLY);
    expect(
      inputs.filter((input) =>
        /^node:|pngjs|image-size|^src\/(testing\/|(cli|cli-progress|files|node|bin)\.ts$)/.test(input),
      ),
    ).toEqual([]);
    expect(inputs.filter((input) => input.startsWith("node_modules/"))).toEqual([
      "node_modules/openapi-fetch/dist/index.mjs",
    ]);
  });

  it("fails the build when the core reaches for a Node built-in", async () => {
    await expect(bundleSize(`import { readFile } from "node:fs/promises"; export const f = readFile;`)).rejects.toThrow(
      /node:fs\/promises/,
    );
  });
});
