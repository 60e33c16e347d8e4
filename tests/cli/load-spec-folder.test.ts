/**
 * `loadSpecFolder`, the one way `mock --spec` and `verify --spec` load a spec: a second load of the
 * same spec files comes from the per-user cache (each test its own, by `SUDO_IMAGES_CACHE_DIR`), and
 * anything that makes the cached folder doubtful generates it again instead.
 */
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CACHE_DIR_ENV } from "../../src/cli/cache-folder.js";
import { loadSpecFolder } from "../../src/cli/load-spec-folder.js";
import { specFileDigest } from "../../src/codegen/spec-file.js";
import { startMockServer } from "../../src/testing/mock-server.js";
import type { SpecFolder } from "../../src/testing/spec-folder.js";
import { processTimeout, runScript } from "../helpers/run-script.js";

const ROOT = `openapi: 3.1.0
info: { title: Pets, version: "1" }
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      responses:
        "200":
          description: One pet
          content:
            application/json:
              schema: { $ref: "./pet.yaml" }
`;
const PET = `type: object
required: [name]
properties:
  name: { type: string, examples: [Tom] }
`;
const HIT = /^sudo-images: using the cached folder for (.*) \(generated \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\n$/;

let dir: string;
let cacheDir: string;
let spec: string;
let pet: string;
const before = process.env[CACHE_DIR_ENV];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sudo-images-load-"));
  cacheDir = path.join(dir, "cache");
  process.env[CACHE_DIR_ENV] = cacheDir;
  // A spec path is untrusted text: this one holds a terminal's clear-screen sequence.
  const specDir = path.join(dir, "pets\u001b[2J");
  await mkdir(specDir);
  spec = path.join(specDir, "openapi.yaml");
  pet = path.join(specDir, "pet.yaml");
  await writeFile(spec, ROOT);
  await writeFile(pet, PET);
});
afterEach(async () => {
  process.env[CACHE_DIR_ENV] = before;
  await chmod(cacheDir, 0o700).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

/** Loads `spec` as the CLI does, with what it wrote to stderr. */
async function load(cache = true): Promise<{ spec: SpecFolder; warnings: string[]; said: string }> {
  const said: string[] = [];
  const loaded = await loadSpecFolder(spec, { stderr: { write: (text: string) => void said.push(text) }, cache });
  return { ...loaded, said: said.join("") };
}

/** The cache's entries (not its temporary folders). */
async function entries(): Promise<string[]> {
  return (await readdir(cacheDir)).filter((name) => !name.startsWith("."));
}

/** What the mock of `folder` answers to GET /pets/1. */
async function answer(folder: SpecFolder): Promise<unknown> {
  const mock = await startMockServer({ spec: folder });
  try {
    return await (await fetch(`${mock.url}/pets/1`)).json();
  } finally {
    await mock.close();
  }
}

describe("loadSpecFolder with the cache", () => {
  it("loads the same spec a second time from the cache: one escaped line says so; same routes, answers, warnings", async () => {
    const first = await load();
    expect(first.said).toBe("");
    expect(await entries()).toHaveLength(1);
    const second = await load();
    expect(second.said).toMatch(HIT);
    expect(second.said).not.toContain("\u001b");
    expect(HIT.exec(second.said)?.[1]).toContain("openapi.yaml");
    expect(second.spec.routes).toEqual(first.spec.routes);
    expect(second.warnings).toEqual(first.warnings);
    expect(second.warnings.length).toBeGreaterThan(0);
    expect(await answer(second.spec)).toEqual(await answer(first.spec));
    expect(await answer(second.spec)).toEqual({ name: "Tom" });
  });

  it("generates again when the spec or a file it $refs changes, and fails when a file it $refs is gone", async () => {
    await load();
    await writeFile(pet, `${PET}  age: { type: integer, examples: [3] }\n`);
    const edited = await load();
    expect(edited.said).toBe("");
    expect(JSON.stringify(edited.spec.bodySchemas)).toContain('"age"');
    expect((await load()).said).toMatch(HIT);
    await writeFile(spec, ROOT.replace("One pet", "The pet"));
    expect((await load()).said).toBe("");
    expect(await entries()).toHaveLength(1);
    await rm(pet);
    await expect(load()).rejects.toThrow(/pet\.yaml/);
  });

  it("with cache: false, neither reads nor writes the cache", async () => {
    await load(false);
    expect(await readdir(cacheDir).catch(() => [])).toEqual([]);
    await load();
    expect((await load(false)).said).toBe("");
    expect((await load()).said).toMatch(HIT);
  });

  it("refuses a cache folder others can write to in one warning line, and generates as without one", async () => {
    await load();
    await chmod(cacheDir, 0o777);
    const refused = await load();
    expect(refused.said).toBe(
      `sudo-images: warning: not using the cache folder ${cacheDir}: others can write to it (mode 777); generating\n`,
    );
    expect(await answer(refused.spec)).toEqual({ name: "Tom" });
    expect(await entries()).toHaveLength(1);
  });

  it("generates again, never crashing, over an entry whose manifest is garbage or whose file is gone", async () => {
    await load();
    const [entry] = await entries();
    await writeFile(path.join(cacheDir, entry as string, "manifest.json"), "{ garbage", { mode: 0o600 });
    expect((await load()).said).toBe("");
    const [next] = await entries();
    expect(next).not.toBe(entry);
    await rm(path.join(cacheDir, next as string, "metadata.js"));
    const again = await load();
    expect(again.said).toBe("");
    expect(await answer(again.spec)).toEqual({ name: "Tom" });
    expect((await load()).said).toMatch(HIT);
  });

  it("generates again, with one warning line, when a cached folder that looks whole does not import", async () => {
    await load();
    const entry = path.join(cacheDir, (await entries())[0] as string);
    // Spoiled with its manifest kept in step, so every check of the entry passes and only the import fails.
    const spoiled = 'throw new Error("spoiled");';
    await writeFile(path.join(entry, "index.js"), spoiled, { mode: 0o600 });
    const manifest = JSON.parse(await readFile(path.join(entry, "manifest.json"), "utf8"));
    manifest.files["index.js"] = specFileDigest(new TextEncoder().encode(spoiled));
    await writeFile(path.join(entry, "manifest.json"), JSON.stringify(manifest), { mode: 0o600 });
    const again = await load();
    expect(again.said).toMatch(
      /^sudo-images: warning: the cached folder for .* did not load \(spoiled\); generating\n$/,
    );
    expect(await answer(again.spec)).toEqual({ name: "Tom" });
  });

  it(
    "two starts at once leave one whole entry and no temporary folder, which a third start uses",
    async () => {
      const env = { ...process.env, [CACHE_DIR_ENV]: cacheDir };
      const start = () => runScript("src/cli/bin.ts", ["verify", "--spec", spec, "--dry-run", "--json"], { env });
      const both = await Promise.all([start(), start()]);
      expect(both.map((run) => [run.code, run.stderr])).toEqual([
        [0, ""],
        [0, ""],
      ]);
      expect(await readdir(cacheDir)).toEqual(await entries());
      expect(await entries()).toHaveLength(1);
      const third = await start();
      expect(third.stderr).toMatch(HIT);
      expect(third.stdout).toBe(both[0]?.stdout);
      const manifest = JSON.parse(
        await readFile(path.join(cacheDir, (await entries())[0] as string, "manifest.json"), "utf8"),
      );
      expect(manifest.read.map((file: { ref: string }) => path.basename(file.ref)).sort()).toEqual([
        "openapi.yaml",
        "pet.yaml",
      ]);
    },
    processTimeout(2),
  );
});
