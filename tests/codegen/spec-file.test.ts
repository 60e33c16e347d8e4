/**
 * What the generator reads a spec from, and how a file's content is identified: the resolver
 * records every file it reads with the digest of the very bytes it parsed (what the spec folder
 * cache re-checks), and refuses what is not a regular file of bounded size.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_SPEC_FILE_BYTES, specFileDigest, specFileRefusal } from "../../src/codegen/spec-file.js";
import { loadSpec } from "../../src/codegen/spec-source.js";

const stat = (file: boolean, size: number) => ({ isFile: () => file, size });

describe("specFileRefusal", () => {
  it.each([
    [stat(true, 0), undefined],
    [stat(true, MAX_SPEC_FILE_BYTES), undefined],
    [stat(true, MAX_SPEC_FILE_BYTES + 1), `is over ${MAX_SPEC_FILE_BYTES} bytes`],
    [stat(false, 0), "is not a regular file"],
  ])("%j: %s", (found, expected) => {
    expect(specFileRefusal(found)).toBe(expected);
  });
});

describe("the files a spec was read from", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sudo-images-spec-file-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("are each file loadSpec read, root first, with the SHA-256 of its bytes as they are on disk", async () => {
    const root = path.join(dir, "openapi.yaml");
    const pet = path.join(dir, "pet.yaml");
    // Windows line ends: Redocly parses them as plain ones, but the digest is of the bytes.
    const petText = "type: object\r\nproperties:\r\n  name: { type: string }\r\n";
    const rootText = `openapi: 3.1.0
info: { title: Pets, version: "1" }
paths:
  /pet:
    get:
      responses:
        "200":
          description: A pet
          content: { application/json: { schema: { $ref: "./pet.yaml" } } }
`;
    await writeFile(root, rootText);
    await writeFile(pet, petText);
    const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
    expect((await loadSpec(root)).read).toEqual([
      { ref: root, sha256: sha256(rootText) },
      { ref: pet, sha256: sha256(petText) },
    ]);
    expect(specFileDigest(Buffer.from(petText))).toBe(sha256(petText));
  });
});
