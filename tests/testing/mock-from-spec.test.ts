/**
 * The mock follows the spec, not a hand-written copy of it: a field added to the spec shows up in
 * its scenarios after regenerating, with no edit to the mock.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Testing from "../../src/testing/index.js";
import { srcGeneratedFrom } from "../helpers/src-copy.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("the mock server, on a spec with a field it has never heard of", () => {
  let dir: string;
  let mock: Testing.MockServer;
  beforeAll(async () => {
    const spec = (await readFile(path.join(root, "openapi/sudo-images.yaml"), "utf8")).replace(
      "    ImageGeneration:\n      type: object\n      description: The result of an image generation request.\n      required: [data]\n      properties:\n",
      '    ImageGeneration:\n      type: object\n      description: The result of an image generation request.\n      required: [data]\n      properties:\n        moderation_verdict:\n          type: [string, "null"]\n          enum: [passed, flagged, null]\n        seed_used:\n          type: integer\n          minimum: 7\n',
    );
    expect(spec).toContain("moderation_verdict");
    const specDir = await mkdtemp(path.join(tmpdir(), "sudo-images-spec-"));
    const file = path.join(specDir, "with-new-fields.yaml");
    await writeFile(file, spec);
    dir = await srcGeneratedFrom(file);
    await rm(specDir, { recursive: true, force: true });
    const testing = (await import(path.join(dir, "src/testing/index.ts"))) as typeof Testing;
    mock = await testing.startMockServer();
  });
  afterAll(async () => {
    await mock?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function answer(scenario: Testing.MockScenario): Promise<Record<string, unknown>> {
    mock.setScenario(scenario);
    const response = await fetch(`${mock.url}/v1/images/generations`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json" },
      body: JSON.stringify({ prompt: "a fox", model: "m", size: "256x256" }),
    });
    return (await response.json()) as Record<string, unknown>;
  }

  it("sets the new fields in normal (schema-valid), nulls the nullable one in nulls, leaves them out of minimal", async () => {
    expect(await answer("normal")).toMatchObject({ moderation_verdict: "passed", seed_used: 7 });
    expect(await answer("nulls")).toMatchObject({ moderation_verdict: null, seed_used: 7 });
    const minimal = await answer("minimal");
    expect(Object.keys(minimal)).toEqual(["data"]);
    expect(Object.keys((minimal.data as object[])[0] ?? {})).toEqual(["url"]);
  });
});
