/**
 * The entries of the spec folder cache, made by hand (no generator): an entry is found only while
 * every spec file it was made from is unchanged and every file of it is whole and this user's
 * alone; anything else about it is a miss, never a crash; the cache stays bounded.
 */
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, truncate, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  cacheable,
  findCachedFolder,
  keepFolder,
  pruneCache,
  temporaryFolder,
} from "../../src/cli/spec-folder-cache.js";
import { specFileDigest } from "../../src/codegen/spec-file.js";

const GENERATOR = '{"version":"0.0.0-test"}';

let dir: string;
let cacheDir: string;
let spec: string;
let part: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sudo-images-entries-"));
  cacheDir = path.join(dir, "cache");
  await mkdir(cacheDir, { mode: 0o700 });
  spec = path.join(dir, "openapi.yaml");
  part = path.join(dir, "pet.yaml");
  await writeFile(spec, "openapi: 3.1.0\n");
  await writeFile(part, "type: object\n");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Keeps a hand-made folder as the entry for `specPath`, made from the spec files as they are now. */
async function keep(specPath = spec, generator = GENERATOR): Promise<string> {
  const generated = new Date("2026-12-03T06:10:00Z");
  const work = await temporaryFolder(cacheDir);
  await writeFile(path.join(work, "index.js"), "export const routes = {};\n");
  await writeFile(path.join(work, "package.json"), '{ "type": "module" }\n');
  await writeFile(path.join(work, "index.ts"), "export const routes = {};\n");
  const read = await Promise.all(
    [spec, part].map(async (ref) => ({ ref, sha256: specFileDigest(await readFile(ref)) })),
  );
  await keepFolder(cacheDir, work, { specPath, generator, read, warnings: ["a warning"], generated });
  const kept = (await entryNames()).map((name) => path.join(cacheDir, name));
  const made = (
    await Promise.all(
      kept.map(async (entry) => [entry, await readFile(path.join(entry, "manifest.json"), "utf8")] as const),
    )
  ).find(([, manifest]) => JSON.parse(manifest).spec === specPath);
  return made?.[0] as string;
}

async function entryNames(): Promise<string[]> {
  return (await readdir(cacheDir)).filter((name) => !name.startsWith("."));
}

describe("findCachedFolder", () => {
  it("finds the entry kept for the spec, with when it was made and its warnings, and only what is imported", async () => {
    const entry = await keep();
    expect(await findCachedFolder(cacheDir, spec, GENERATOR)).toEqual({
      dir: entry,
      generated: new Date("2026-12-03T06:10:00Z"),
      warnings: ["a warning"],
    });
    expect((await readdir(entry)).sort()).toEqual(["index.js", "manifest.json", "package.json"]);
    expect(await readdir(cacheDir)).toEqual([path.basename(entry)]);
  });

  it("misses for another generator, another spec path, a changed or missing spec file", async () => {
    await keep();
    expect(await findCachedFolder(cacheDir, spec, '{"version":"0.0.1-test"}')).toBeUndefined();
    expect(await findCachedFolder(cacheDir, path.join(dir, "other.yaml"), GENERATOR)).toBeUndefined();
    await writeFile(part, "type: string\n");
    expect(await findCachedFolder(cacheDir, spec, GENERATOR)).toBeUndefined();
    await writeFile(part, "type: object\n");
    expect(await findCachedFolder(cacheDir, spec, GENERATOR)).toBeDefined();
    await rm(part);
    expect(await findCachedFolder(cacheDir, spec, GENERATOR)).toBeUndefined();
  });

  it.each([
    ["a manifest that is not JSON", (entry: string) => writeFile(path.join(entry, "manifest.json"), "{ garbage")],
    ["a manifest that is JSON of another shape", (entry: string) => writeFile(path.join(entry, "manifest.json"), "[]")],
    ["no manifest", (entry: string) => rm(path.join(entry, "manifest.json"))],
    ["a missing file", (entry: string) => rm(path.join(entry, "index.js"))],
    ["a file cut short", (entry: string) => truncate(path.join(entry, "index.js"), 3)],
    [
      "a file edited at the same size",
      async (entry: string) => {
        const file = path.join(entry, "index.js");
        const text = await readFile(file, "utf8");
        await writeFile(file, `${text.slice(0, -2)}//`, { mode: 0o600 });
      },
    ],
    ["a file others can write to", (entry: string) => chmod(path.join(entry, "index.js"), 0o666)],
    ["an entry others can write to", (entry: string) => chmod(entry, 0o777)],
    [
      "a manifest naming a file outside the entry",
      async (entry: string) => {
        const file = path.join(entry, "manifest.json");
        const manifest = JSON.parse(await readFile(file, "utf8"));
        manifest.files["../../outside.js"] = "0".repeat(64);
        await writeFile(file, JSON.stringify(manifest), { mode: 0o600 });
      },
    ],
    [
      "an entry that is a link to a folder",
      async (entry: string) => {
        const { rename, symlink } = await import("node:fs/promises");
        await rename(entry, path.join(dir, "elsewhere"));
        await symlink(path.join(dir, "elsewhere"), entry);
      },
    ],
  ])("misses, without throwing, on %s", async (_name, spoil) => {
    const entry = await keep();
    expect(await findCachedFolder(cacheDir, spec, GENERATOR)).toBeDefined();
    await spoil(entry);
    expect(await findCachedFolder(cacheDir, spec, GENERATOR)).toBeUndefined();
  });

  it("misses, without throwing, when the cache folder itself is gone", async () => {
    await rm(cacheDir, { recursive: true });
    expect(await findCachedFolder(cacheDir, spec, GENERATOR)).toBeUndefined();
  });
});

describe("cacheable", () => {
  it("takes a spec made of files only: a remote $ref can change unseen", () => {
    expect(cacheable([{ ref: spec, sha256: "a".repeat(64) }])).toBe(true);
    expect(cacheable([{ ref: spec, sha256: "a".repeat(64) }, { ref: "https://example.com/pet.yaml" }])).toBe(false);
    expect(cacheable([])).toBe(false);
  });
});

describe("keepFolder and pruneCache", () => {
  it("keep one entry per spec, the newest", async () => {
    const first = await keep();
    await utimes(first, new Date(0), new Date(0));
    await keep();
    const names = await entryNames();
    expect(names).toHaveLength(1);
    expect(names).not.toContain(path.basename(first));
  });

  it("replace the entry of a spec made by another generator (another version, another build)", async () => {
    const first = await keep();
    await utimes(first, new Date(0), new Date(0));
    const next = await keep(spec, '{"version":"0.0.1-test"}');
    expect(await entryNames()).toEqual([path.basename(next)]);
    expect(await findCachedFolder(cacheDir, spec, GENERATOR)).toBeUndefined();
    expect(await findCachedFolder(cacheDir, spec, '{"version":"0.0.1-test"}')).toBeDefined();
  });

  it("keep the 8 entries used last: a hit counts as a use", async () => {
    const specs = Array.from({ length: 10 }, (_, index) => path.join(dir, `spec-${index}.yaml`));
    const entries: string[] = [];
    for (const each of specs.slice(0, 8)) entries.push(await keep(each));
    // Spec 0 was used last, spec 7 first.
    for (const [index, entry] of entries.entries())
      await utimes(entry, new Date(10_000 - index), new Date(10_000 - index));
    entries.push(await keep(specs[8]));
    const names = (list: string[]) => list.map((entry) => path.basename(entry)).sort();
    expect((await entryNames()).sort()).toEqual(names([...entries.slice(0, 7), entries[8] as string]));
    expect(await findCachedFolder(cacheDir, specs[6] as string, GENERATOR)).toBeDefined();
    entries.push(await keep(specs[9]));
    expect((await entryNames()).sort()).toEqual(
      names([...entries.slice(0, 5), entries[6] as string, entries[8] as string, entries[9] as string]),
    );
  });

  it("remove a temporary folder a dead start left an hour ago, not one a running start is writing", async () => {
    const abandoned = await temporaryFolder(cacheDir);
    const running = await temporaryFolder(cacheDir);
    const hoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(abandoned, hoursAgo, hoursAgo);
    await pruneCache(cacheDir);
    expect(await readdir(cacheDir)).toEqual([path.basename(running)]);
  });
});
