/**
 * The generator on specs other people wrote: each one generates (lint findings are warnings), and
 * every output folder typechecks under `strict` with one tsc run.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFiles, writeFiles } from "../../src/codegen/index.js";
import { BROKEN_IN_CORPUS, corpusSpecs } from "../helpers/corpus.js";
import { typecheck } from "../helpers/typecheck.js";

const root = path.resolve(import.meta.dirname, "../..");
const specs = corpusSpecs();

describe("the corpus of published specs", () => {
  let dir: string;
  const generated: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sudo-images-corpus-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("has ReadMe's 3.0 and 3.1 examples, the upstream Sudo spec and a GitHub slice", () => {
    expect(specs.filter((spec) => spec.name.startsWith("readme 3.0/")).length).toBeGreaterThan(30);
    expect(specs.filter((spec) => spec.name.startsWith("readme 3.1/")).length).toBeGreaterThan(8);
    expect(specs.map((spec) => spec.name)).toEqual(expect.arrayContaining(["upstream sudo-openapi.json"]));
  });

  it.each(specs.filter((spec) => spec.name !== BROKEN_IN_CORPUS).map((spec) => [spec.name, spec] as const))(
    "generates %s",
    async (_name, spec) => {
      const { files } = await generateFiles(spec.file, { runtime: "sudo-images/runtime", operations: spec.operations });
      const out = path.join(dir, `spec${generated.length}`);
      await writeFiles(files, out);
      generated.push(out);
      expect([...files.keys()].sort()).toEqual(["index.ts", "metadata.ts", "schema.ts", "validators.ts"]);
    },
    60_000,
  );

  it("refuses the one broken spec with a line naming the dangling $ref", async () => {
    const broken = specs.find((spec) => spec.name === BROKEN_IN_CORPUS);
    const error = await generateFiles(broken?.file ?? "").catch((caught: Error) => caught.message);
    expect(error).toMatch(/discriminators\.json:\d+:\d+: Can't resolve \$ref \[no-unresolved-refs\] at #\/paths\//);
  });

  it("typechecks every generated folder under strict", async () => {
    expect(generated.length).toBe(specs.length - 1);
    const output = await typecheck(dir, {
      compilerOptions: {
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        module: "NodeNext",
        target: "ES2022",
        types: [],
        paths: { "sudo-images/runtime": [path.join(root, "src/runtime/index.ts")] },
      },
      include: ["*/*.ts"],
    });
    expect(output).toBe("");
  }, 120_000);
});
