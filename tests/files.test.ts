/** `saveImages` (`src/files.ts`): names that cannot leave the folder, and what was written when an image fails. */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImageError, type ImageGeneration } from "../src/index.js";
import { saveImages } from "../src/node.js";
import { failure } from "./helpers/failure.js";

describe("files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sudo-images-abuse-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

  it.each(["../escaped", "a/b", "a\\b", "nul\0byte", "..", ""])(
    "refuses the name %j and writes nothing",
    async (name) => {
      const result: ImageGeneration = { data: [{ b64_json: png }] };
      const inside = path.join(dir, "names");
      await expect(saveImages(result, inside, { name })).rejects.toBeInstanceOf(ImageError);
      expect(await readdir(dir)).not.toContain("escaped.png");
    },
  );

  it("names the files it wrote when a later image fails", async () => {
    const result: ImageGeneration = { data: [{ b64_json: png }, { b64_json: "not base64!" }] };
    const out = path.join(dir, "partial");
    const error = (await failure(saveImages(result, out, { name: "pic" }))) as ImageError;
    expect(error).toBeInstanceOf(ImageError);
    expect(error.message).toMatch(/Image 2 of 2 was not saved: .*written before it: .*pic-1\.png/);
    expect(error.written).toEqual([path.join(out, "pic-1.png")]);
  });
});
