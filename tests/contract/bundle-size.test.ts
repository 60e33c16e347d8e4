import { describe, expect, it } from "vitest";
import { bundleSize, GENERATE_ONLY } from "../../scripts/bundle-size.js";

/**
 * The gzipped budget of a browser bundle that creates a client and calls generate. BENCHMARKS.md
 * explains the number: the compiled validators are most of it; openapi-fetch is no longer in it.
 * Raise it only with a measurement in BENCHMARKS.md that says why.
 */
const BUDGET_GZIP_BYTES = 16_200;

describe("the core entry's browser bundle", () => {
  it(`stays within ${BUDGET_GZIP_BYTES} bytes gzipped`, async () => {
    const { gzipped } = await bundleSize(GENERATE_ONLY);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it("pulls in no Node built-in, no dependency, nothing of the testing kit, the CLI or the file helpers", async () => {
    const { inputs } = await bundleSize(GENERATE_ONLY);
    expect(
      inputs.filter((input) => /^node:|pngjs|image-size|^src\/(testing\/|cli\/|(files|node)\.ts$)/.test(input)),
    ).toEqual([]);
    // openapi-fetch is reached only through createRawClient, which a generate-only app leaves out.
    expect(inputs.filter((input) => input.startsWith("node_modules/"))).toEqual([]);
    expect(inputs).toContain("src/client.ts");
  });

  it("fails the build when the core reaches for a Node built-in", async () => {
    await expect(bundleSize(`import { readFile } from "node:fs/promises"; export const f = readFile;`)).rejects.toThrow(
      /node:fs\/promises/,
    );
  });
});
