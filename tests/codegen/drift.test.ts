import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driftBetween } from "../../src/codegen/drift.js";
import { runScript } from "../helpers/run-script.js";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs `npm run drift`'s script from the repository root. */
async function drift(...args: string[]) {
  return runScript("scripts/drift.ts", args);
}

/** The row for the spec's model rules (conditional rules, by title), where the other side has none. */
const MODEL_RULES = [
  "ImageGenerationRequest",
  "rules",
  "background: transparent, dall-e-2, dall-e-3, gpt-image-* and chatgpt-image-*, gpt-image-1, gpt-image-1-mini, " +
    "gpt-image-1.5, chatgpt-image-latest, gpt-image-2, gpt-image-2 quality, gpt-image-2.5 and gpt-image-2.6, output_compression",
  "—",
];

/** What the curated spec says that the vendored upstream copy does not, operation by operation. */
const UPSTREAM_DIFFERENCES = [
  ["generateImage 200", "required headers", "x-request-id", "—"],
  ["generateImage", "status 403", "documented", "—"],
  ["generateImage", "status 404", "documented", "—"],
  ["generateImage", "status 429", "documented", "—"],
  ["generateImage", "status 503", "documented", "—"],
  MODEL_RULES, // which the upstream spec states in prose only
  ["ImageGenerationRequest.prompt", "minLength", "1", "—"],
  ["ImageGenerationRequest.quality", "enum", "auto, hd, high, low, max, medium, standard, xhigh", "hd, standard"],
  // A field open where the API is open: a WxH grammar where upstream lists dall-e's sizes.
  ["ImageGenerationRequest.size", "pattern", '"^(?:auto|[1-9][0-9]*x[1-9][0-9]*)$"', "—"],
  ["ImageGenerationRequest.size", "enum", "—", "1024x1024, 1024x1792, 1792x1024, 256x256, 512x512"],
  ["ErrorDetail.code", "field", "present", "—"],
  ["ErrorDetail.param", "field", "present", "—"],
];

/** The table's rows as [where, what, ours, theirs], split on the two-space column gaps. */
function rows(stdout: string): string[][] {
  const lines = stdout.split("\n").filter((line) => line.trim() !== "");
  return lines.slice(1, -1).map((line) => line.split(/ {2,}/));
}

describe("npm run drift", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sudo-images-drift-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("compares against the upstream file as published, not a reformatted copy", async () => {
    const bytes = await readFile(path.join(root, "openapi/upstream/sudo-openapi.json"));
    const readme = await readFile(path.join(root, "openapi/upstream/README.md"), "utf8");
    const digest = createHash("sha256").update(bytes).digest("hex");
    expect(readme).toContain(digest);
  });

  it("lists exactly the known differences from the vendored upstream spec, and exits 1", async () => {
    const result = await drift("openapi/upstream/sudo-openapi.json");
    expect(result.code).toBe(1);
    expect(rows(result.stdout)).toEqual([
      ["(document)", "servers", "https://sudoapp.dev/api", "—"],
      ...UPSTREAM_DIFFERENCES,
    ]);
    expect(result.stdout).toContain("13 difference(s)");
  });

  it("matches a renamed operation by method and path: the rename is one line, its fields compared as before", async () => {
    // As the docs page's 3.1 copy names it (docs.sudoapp.dev, "Generate Image", 2026-12-02).
    const upstream = await readFile(path.join(root, "openapi/upstream/sudo-openapi.json"), "utf8");
    const file = path.join(dir, "renamed.json");
    await writeFile(file, upstream.replace('"operationId": "generateImage"', '"operationId": "generate_image"'));
    const result = await drift(file);
    expect(result.code).toBe(1);
    expect(rows(result.stdout)).toEqual([
      ["(document)", "servers", "https://sudoapp.dev/api", "—"],
      ["generateImage", "operationId", "generateImage", "generate_image"],
      ...UPSTREAM_DIFFERENCES,
    ]);
  });

  it("is clean against our own spec, and its 3.0 spelling differs only by the rules 3.0 cannot write", async () => {
    const same = await drift("openapi/sudo-images.yaml");
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("No differences");
    const spelled30 = await drift("tests/fixtures/sudo-images-3.0.yaml");
    expect(spelled30.code).toBe(1);
    expect(rows(spelled30.stdout)).toEqual([MODEL_RULES]);
  });

  it("reports nullability, required, type, format, bounds and fields, and ignores descriptions", async () => {
    const spec = await readFile(path.join(root, "openapi/sudo-images.yaml"), "utf8");
    const edited = spec
      .replace(
        '          type: [string, "null"]\n          description: The image bytes',
        "          type: string\n          description: The image bytes",
      )
      .replace("required: [prompt, model]", "required: [prompt]")
      .replace("A text description of the image to create.", "Reworded.")
      .replace(
        "          format: int32\n          minimum: 1\n          maximum: 10",
        "          format: int64\n          minimum: 1\n          maximum: 4",
      )
      .replace(
        '        revised_prompt:\n          type: [string, "null"]',
        '        revised_prompt:\n          type: [integer, "null"]',
      );
    const file = path.join(dir, "edited.yaml");
    await writeFile(file, edited);
    const result = await drift(file);
    expect(result.code).toBe(1);
    expect(rows(result.stdout)).toEqual([
      ["ImageGenerationRequest.model", "required", "true", "false"],
      ["ImageGenerationRequest.n", "format", '"int32"', '"int64"'],
      ["ImageGenerationRequest.n", "maximum", "10", "4"],
      ["ImageData.b64_json", "nullable", "true", "false"],
      ["ImageData.revised_prompt", "type", "string", "integer"],
    ]);
  });

  it("exits 2 with one line when an input cannot be read", async () => {
    const result = await drift(path.join(dir, "missing.yaml"));
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^error: .*missing\.yaml: cannot read spec: /),
    ]);
  });
});

describe("driftBetween", () => {
  /** A 3.1 document with one webhook, answered with `statuses`. */
  const withWebhook = (statuses: string[]) => ({
    openapi: "3.1.0",
    webhooks: {
      petAdopted: {
        post: {
          operationId: "petAdopted",
          responses: Object.fromEntries(statuses.map((status) => [status, { description: status }])),
        },
      },
    },
  });

  it("compares webhooks as it compares operations", () => {
    expect(driftBetween(withWebhook(["200", "410"]), withWebhook(["200"]))).toEqual([
      { where: "petAdopted", what: "status 410", ours: "documented", theirs: "—" },
    ]);
  });
});
