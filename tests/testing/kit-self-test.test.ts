/**
 * The kit checks itself, as a user's CI would: verify, run against the mock of the same spec,
 * reports no failure, on each spec of the kit's own fixtures. A mock that skipped parameters or
 * bodies, or a verify that sent a request the spec takes as invalid, fails here.
 */
import { describe, expect, it } from "vitest";
import { startMockServer, verifyServer } from "../../src/testing/index.js";
import { generatedFolder } from "../helpers/generated-folder.js";

describe.each(["tests/fixtures/verify/pets.yaml", "tests/fixtures/pets/openapi.yaml"])("%s", (file) => {
  it("verify against the mock of the same spec passes every check, parameters and bodies included", async () => {
    const folder = await generatedFolder(file);
    const mock = await startMockServer({ spec: folder.module, seed: 1 });
    try {
      const report = await verifyServer({ spec: folder.module, baseUrl: mock.url, budget: 500 });
      expect(report.failed).toEqual([]);
      expect(report.passed.length).toBeGreaterThan(50);
      // The invalid requests reached the mock and were refused: parameters are checked, not only bodies.
      expect(report.passed.some((check) => /: (query|path) /.test(check.request) && check.check === "status")).toBe(
        true,
      );
    } finally {
      await mock.close();
      await folder.remove();
    }
  });
});
