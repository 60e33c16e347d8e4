/**
 * `loadSpec` with the lint first (a small spec) or left for later (a large one, linted beside the
 * validators' worker): the same document, the same warnings, and the same one-line error for a
 * spec that cannot be generated from.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../src/codegen/spec-source.js";
import { TWO_FILE_ROOT } from "../helpers/two-file-spec.js";

const root = path.resolve(import.meta.dirname, "../..");

/** A spec of two files, with lint findings in both (no 4xx answer, no license, a schema never used). */
const ROOT = TWO_FILE_ROOT;
const PET = {
  type: "object",
  properties: { name: { type: "string" }, tag: { $ref: "#/$defs/Tag" } },
  $defs: { Tag: {} },
};

/**
 * What `loadSpec` makes of `file`, linting first or later: the document and lint's lines, or the
 * error's message and whether `loadSpec` itself threw it (before anything else ran) or `lint()` did.
 */
async function loaded(file: string, lintLater: boolean) {
  const spec = await loadSpec(file, {}, lintLater).catch((error: Error) => error);
  if (spec instanceof Error) return { error: spec.message, thrownBy: "loadSpec" };
  const warnings = await spec.lint().catch((error: Error) => error);
  if (warnings instanceof Error) return { error: warnings.message, thrownBy: "lint" };
  return { document: spec.document, warnings };
}

describe("loadSpec, linting first or later", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "spec-source-"));
    await writeFile(path.join(dir, "root.json"), JSON.stringify(ROOT));
    await writeFile(path.join(dir, "pet.json"), JSON.stringify(PET));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("gives the same document and warnings, placed in the files as they were read", async () => {
    const first = await loaded(path.join(dir, "root.json"), false);
    expect(first.warnings?.length).toBeGreaterThan(0);
    expect(first.warnings?.join("\n")).toMatch(/root\.json:\d+:\d+: /);
    expect(await loaded(path.join(dir, "root.json"), true)).toEqual(first);
  });

  it("gives the same for the repository's spec", async () => {
    const spec = path.join(root, "openapi/sudo-images.yaml");
    expect(await loaded(spec, true)).toEqual(await loaded(spec, false));
  });

  it("refuses a dangling $ref with the same line, naming its place, before anything else runs", async () => {
    const file = path.join(dir, "dangling.json");
    const text = JSON.stringify(ROOT).replace('"pet.json"', '"#/components/schemas/Missing"');
    await writeFile(file, text);
    const first = await loaded(file, false);
    expect(first).toMatchObject({
      error: expect.stringMatching(/dangling\.json:\d+:\d+: Can't resolve \$ref \[no-unresolved-refs\]/),
      thrownBy: "loadSpec",
    });
    expect(await loaded(file, true)).toEqual(first);
  });

  it("refuses a document that is not OpenAPI 3.0 or 3.1, and one that does not parse, with the same line", async () => {
    const swagger = path.join(root, "node_modules/@readme/oas-examples/2.0/json/petstore.json");
    const first = await loaded(swagger, false);
    expect(first.error).toMatch(/not an OpenAPI 3\.0 or 3\.1 document \(swagger 2\.0\) \(and \d+ warning/);
    expect(await loaded(swagger, true)).toEqual(first);
    const broken = path.join(dir, "broken.yaml");
    await writeFile(
      broken,
      (await readFile(path.join(root, "openapi/sudo-images.yaml"), "utf8")).replace("  version: ", "  version: ["),
    );
    const unread = await loaded(broken, false);
    expect(unread.error).toMatch(/broken\.yaml:\d+:\d+: cannot read spec: /);
    expect(await loaded(broken, true)).toEqual(unread);
  });
});
