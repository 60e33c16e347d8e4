/**
 * The generator on specs other people wrote, and on the minimal shapes of those that once
 * generated wrongly: each one generates (lint findings are warnings), every output folder
 * typechecks under `strict` with one tsc run, and every folder, compiled to JavaScript, imports
 * under plain Node ESM (no loader, no bundler) and answers as its spec means.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFiles, writeFiles } from "../../src/codegen/index.js";
import { valueAt } from "../../src/runtime/json-pointer.js";
import {
  BROKEN_IN_CORPUS,
  type CallResult,
  corpusSpecs,
  type FolderCall,
  MINIMAL_SHAPES,
  underNode,
} from "../helpers/corpus.js";
import { FOLDER_FILES } from "../helpers/generated-folder.js";
import { canonicalBodies, nullBodies, nullFields } from "../helpers/null-bodies.js";
import { specShapes } from "../helpers/spec-shapes.js";
import { typecheck } from "../helpers/typecheck.js";

const everySpec = corpusSpecs();
const specs = everySpec.filter((spec) => !spec.benchOnly);
/** Bodies made per body schema, and the seed of the first (fast-check, so a failure replays). */
const root = path.resolve(import.meta.dirname, "../..");
const BODIES_PER_SCHEMA = 3;
const SEED = 32;

/** Each body made from a spec's schemas, as the two calls the property test makes on it. */
function propertyCalls(defs: Parameters<typeof nullBodies>[0], bodies: string[]): FolderCall[] {
  return bodies.flatMap((schema, index) =>
    nullBodies(defs, schema, SEED + index, BODIES_PER_SCHEMA).flatMap((value) => [
      { call: "validate" as const, schema, value },
      { call: "normalize" as const, schema, value },
    ]),
  );
}

/**
 * What the validate/normalize pairs answered that the property forbids: a violation at a place that
 * holds `null` (one the schemas allow), or a `null` left in a field by normalize. A body the maker
 * got wrong for other reasons (a `oneOf` it matches twice, an `allOf` no value can meet) is left
 * out; `made` counts the bodies that were valid.
 */
function propertyFailures(calls: FolderCall[], results: CallResult[]): { failures: string[]; made: number } {
  const failures: string[] = [];
  let made = 0;
  for (let index = 0; index < calls.length; index += 2) {
    const [validated, normalized] = [results[index], results[index + 1]];
    const { schema, value } = calls[index] as FolderCall;
    const where = `${schema} ${JSON.stringify(value).slice(0, 300)}`;
    if (validated === undefined || normalized === undefined || "threw" in validated || "threw" in normalized) {
      failures.push(`${where}: threw ${JSON.stringify([validated, normalized])}`);
      continue;
    }
    const violations = validated.result as { pointer: string }[];
    const atNull = violations.filter(({ pointer }) => valueAt(value, pointer) === null);
    if (atNull.length > 0)
      failures.push(`validate ${where}: refused a null the spec allows: ${JSON.stringify(atNull)}`);
    if (violations.length > 0) continue;
    made++;
    const left = nullFields(normalized.result);
    if (left.length > 0) failures.push(`normalize ${where} left null at ${left.join(", ")}`);
  }
  return { failures, made };
}

describe("the corpus of published specs, and the minimal shapes of issue 32", () => {
  let dir: string;
  const generated: { dir: string; calls: FolderCall[] }[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sudo-images-corpus-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Generates `file` with the folder's own runtime (the default), into the next folder. */
  async function generate(file: string, operations: string[] = []): Promise<string> {
    const out = path.join(dir, `spec${generated.length}`);
    const { files } = await generateFiles(file, { operations, out });
    await writeFiles(files, out);
    expect([...files.keys()].sort()).toEqual(FOLDER_FILES);
    return out;
  }

  it("has ReadMe's 3.0 and 3.1 examples, the upstream Sudo spec and a GitHub slice", () => {
    expect(specs.filter((spec) => spec.name.startsWith("readme 3.0/")).length).toBeGreaterThan(30);
    expect(specs.filter((spec) => spec.name.startsWith("readme 3.1/")).length).toBeGreaterThan(8);
    expect(specs.map((spec) => spec.name)).toEqual(expect.arrayContaining(["upstream sudo-openapi.json"]));
  });

  it.each(everySpec.filter((spec) => spec.shapes !== undefined).map((spec) => [spec.name, spec] as const))(
    "%s has the shapes it is in the corpus for",
    (_name, spec) => {
      expect(specShapes(spec.file)).toEqual(expect.arrayContaining(spec.shapes ?? []));
    },
  );

  it.each(specs.filter((spec) => spec.name !== BROKEN_IN_CORPUS).map((spec) => [spec.name, spec] as const))(
    "generates %s, and bodies with null at every place its schemas allow one",
    async (_name, spec) => {
      const dir = await generate(spec.file, spec.operations);
      const { defs, bodies } = await canonicalBodies(spec.file, spec.operations);
      generated.push({ dir, calls: propertyCalls(defs, bodies) });
    },
    120_000,
  );

  it.each(MINIMAL_SHAPES.map((shape) => [shape.name, shape] as const))("generates %s", async (name, shape) => {
    const file = path.join(dir, `minimal-${generated.length}.json`);
    await writeFile(file, JSON.stringify(shape.spec));
    const out = await generate(file);
    if (shape.usage !== undefined) await writeFile(path.join(out, "usage.ts"), shape.usage);
    generated.push({ dir: out, calls: shape.calls.map(([call]) => call) });
    expect(name).not.toBe("");
  });

  it("refuses the one broken spec with a line naming the dangling $ref", async () => {
    const broken = specs.find((spec) => spec.name === BROKEN_IN_CORPUS);
    const error = await generateFiles(broken?.file ?? "").catch((caught: Error) => caught.message);
    expect(error).toMatch(/discriminators\.json:\d+:\d+: Can't resolve \$ref \[no-unresolved-refs\] at #\/paths\//);
  });

  it("imports every folder under plain Node ESM, and each minimal shape answers as its spec means", async () => {
    const outcomes = await underNode(dir, generated);
    const failed = outcomes.flatMap((outcome, index) =>
      outcome.imported ? [] : [`${generated[index]?.dir}: ${outcome.error}`],
    );
    expect(failed).toEqual([]);
    const published = generated.slice(0, generated.length - MINIMAL_SHAPES.length);
    // validate accepts null wherever the schemas allow it, and normalize leaves no null in any field.
    const checked = published.map((folder, index) => {
      const outcome = outcomes[index];
      return outcome?.imported ? propertyFailures(folder.calls, outcome.results) : { failures: [], made: 0 };
    });
    const failures = checked.flatMap(({ failures }, index) =>
      failures.map((line) => `${published[index]?.dir}: ${line}`),
    );
    expect(failures).toEqual([]);
    expect(checked.reduce((sum, { made }) => sum + made, 0)).toBeGreaterThan(300);
    const minimal = outcomes.slice(generated.length - MINIMAL_SHAPES.length);
    minimal.forEach((outcome, index) => {
      const shape = MINIMAL_SHAPES[index];
      expect(outcome.imported && outcome.results, shape?.name).toEqual(shape?.calls.map(([, want]) => want));
    });
  }, 120_000);
  /** tsc under `strict` on the folders `folders` (with their `usage.ts`, if any): what it printed. */
  function strictTypecheck(folders: readonly string[]): Promise<string> {
    return typecheck(dir, {
      compilerOptions: {
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        module: "NodeNext",
        target: "ES2022",
        types: [],
        // Each folder's client.ts imports the installed package's client: this checkout's source here.
        paths: { "sudo-images/client": [path.join(root, "src/api-client/index.ts")] },
      },
      include: folders.map((folder) => `${path.basename(folder)}/*.ts`),
    });
  }

  it("typechecks every published spec's folder under strict", async () => {
    const published = generated.slice(0, specs.length - 1).map((folder) => folder.dir);
    expect(published).toHaveLength(specs.length - 1);
    // Every folder's runtime.ts as written, in one program: TypeScript once inferred a large
    // spec's validators, passed its limit on control flow analysis and typed every later folder's
    // callbacks `any` (metadata.ts now types them itself).
    expect(await strictTypecheck(published)).toBe("");
  }, 180_000);

  it("typechecks every minimal shape's folder, and the typed use of it, under strict", async () => {
    const minimal = generated.slice(specs.length - 1).map((folder) => folder.dir);
    expect(minimal).toHaveLength(MINIMAL_SHAPES.length);
    expect(await strictTypecheck(minimal)).toBe("");
  }, 120_000);
});
