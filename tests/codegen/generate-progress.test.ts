import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateFiles } from "../../src/codegen/index.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("generateFiles' progress", () => {
  it("tells each phase as it starts, with how many things it handles", async () => {
    const phases: string[] = [];
    await generateFiles(path.join(root, "openapi/upstream/sudo-openapi.json"), {
      out: path.join(root, "node_modules/.cache/never-written"),
      onProgress: (phase) => phases.push(phase),
    });
    expect(phases).toEqual([
      "reading the spec",
      "linting the spec",
      expect.stringMatching(/^writing types for \d+ paths and \d+ schemas$/),
      "writing metadata",
      expect.stringMatching(/^compiling \d+ validators$/),
      expect.stringMatching(/^placing \d+ warnings in the spec$/),
    ]);
  }, 60_000);
});
