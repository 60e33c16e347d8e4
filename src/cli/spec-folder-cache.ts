/**
 * The cache of generated spec folders, in the user's cache folder (`openCacheFolder`): one entry per
 * spec, a folder named `<key>-<tag>` holding the JavaScript the mock imports and a
 * `manifest.json` that says what it was made from. An entry is written whole into a temporary
 * folder and renamed into place, never changed after: a crash or a concurrent start leaves no half
 * entry, and each entry's modules have URLs of their own (Node keeps an imported module for the
 * life of the process, so a path reused for new content would hand back the old).
 */
import { createHash, randomBytes } from "node:crypto";
import { chmod, lstat, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { specFileDigest, specFileRefusal } from "../codegen/spec-file.js";
import type { SpecRead } from "../codegen/spec-resolver.js";
import { currentUid, distrusted } from "./cache-folder.js";

/** Bumped when an entry's layout changes; an entry of another layout is a miss. */
const FORMAT = 2;
/** The most entries kept, newest used first: GitHub's whole spec makes an entry of 13 MB. */
const KEEP = 8;
/** The largest manifest read: GitHub's spec gives thousands of warnings, under a megabyte. */
const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
/** A temporary folder older than this was left by a start that died: it is removed. */
const ABANDONED_MS = 60 * 60 * 1000;
const MANIFEST = "manifest.json";
const TEMPORARY = ".tmp-";
const ENTRY = /^([0-9a-f]{32})-[0-9a-f]{16}$/;

/** What an entry records besides its files: when it was made, and the generator's warnings then. */
export interface CachedFolder {
  /** The entry's folder: `index.js` is the spec's folder. */
  dir: string;
  generated: Date;
  warnings: string[];
}

/** An entry's `manifest.json`. */
interface Manifest {
  format: number;
  /** The spec as given, made absolute. */
  spec: string;
  /** What made the folder besides the spec: the package version and the options that change it. */
  generator: string;
  generated: string;
  /** Every file the spec was read from, with the digest of the bytes that were parsed. */
  read: { ref: string; sha256: string }[];
  warnings: string[];
  /** The folder's files and the SHA-256 of each, as written. */
  files: Record<string, string>;
}

/**
 * The newest entry for `specPath` made by `generator` whose spec files all still have the digests
 * it recorded, whose files are all there with the bytes they were written with, and which this user alone can write; or
 * `undefined` (a miss). Anything unexpected about an entry is a miss, never a failure.
 */
export function findCachedFolder(
  cacheDir: string,
  specPath: string,
  generator: string,
): Promise<CachedFolder | undefined> {
  return lookUp(cacheDir, specPath, generator).catch(() => undefined);
}

async function lookUp(cacheDir: string, specPath: string, generator: string): Promise<CachedFolder | undefined> {
  const key = entryKey(specPath);
  const candidates = (await entries(cacheDir)).filter((entry) => entry.key === key);
  for (const entry of candidates) {
    const manifest = await readManifest(entry.dir).catch(() => undefined);
    if (
      manifest?.spec === path.resolve(specPath) &&
      manifest.generator === generator &&
      (await filesIntact(entry.dir, manifest.files)) &&
      (await specUnchanged(manifest.read))
    ) {
      // Its time is when it was last used: what `pruneCache` keeps the newest of.
      const now = new Date();
      await utimes(entry.dir, now, now).catch(() => {});
      return { dir: entry.dir, generated: new Date(manifest.generated), warnings: manifest.warnings };
    }
  }
  return undefined;
}

/** Whether a spec read from `read` may be cached: only when every part of it is a file (a URL can change unseen). */
export function cacheable(read: readonly SpecRead[]): read is readonly { ref: string; sha256: string }[] {
  return read.length > 0 && read.every((file) => file.sha256 !== undefined);
}

/**
 * A new temporary folder in the cache, for a folder to be generated into and then kept with
 * `keepFolder` (or removed).
 */
export function temporaryFolder(cacheDir: string): Promise<string> {
  return mkdtemp(path.join(cacheDir, TEMPORARY));
}

/**
 * Makes the generated folder `work` (a `temporaryFolder`) the entry for `specPath`: writes its
 * manifest, makes its files this user's alone, renames it into place and prunes the cache. Keeps
 * only what is imported (`.js`, `package.json`). A failure leaves `work` for the caller to remove.
 */
export async function keepFolder(
  cacheDir: string,
  work: string,
  made: { specPath: string; generator: string; read: Readonly<Manifest["read"]>; warnings: string[]; generated: Date },
): Promise<void> {
  const files: Record<string, string> = {};
  for (const name of await readdir(work)) {
    const file = path.join(work, name);
    if (!name.endsWith(".js") && name !== "package.json") {
      await rm(file, { recursive: true, force: true });
      continue;
    }
    await chmod(file, 0o600);
    files[name] = specFileDigest(await readFile(file));
  }
  const manifest: Manifest = {
    format: FORMAT,
    spec: path.resolve(made.specPath),
    generator: made.generator,
    generated: made.generated.toISOString(),
    read: made.read.map(({ ref, sha256 }) => ({ ref, sha256 })),
    warnings: made.warnings,
    files,
  };
  await writeFile(path.join(work, MANIFEST), `${JSON.stringify(manifest)}\n`, { mode: 0o600 });
  const tag = randomBytes(8).toString("hex");
  await rename(work, path.join(cacheDir, `${entryKey(made.specPath)}-${tag}`));
  await pruneCache(cacheDir);
}

/**
 * Removes what the cache no longer needs: every entry of a spec but its newest, entries past the
 * newest `KEEP`, and temporary folders a dead start left. Newest by last use, ties by name, so two
 * starts pruning at once keep the same entries.
 */
export async function pruneCache(cacheDir: string): Promise<void> {
  const found = await entries(cacheDir);
  const kept = new Set<string>();
  const doomed = found
    .sort((a, b) => b.used - a.used || (a.name < b.name ? 1 : -1))
    .filter((entry) => {
      if (kept.has(entry.key) || kept.size >= KEEP) return true;
      kept.add(entry.key);
      return false;
    });
  const abandoned = (await readdir(cacheDir)).filter((name) => name.startsWith(TEMPORARY));
  const old = await Promise.all(
    abandoned.map(async (name) => {
      const used = await lstat(path.join(cacheDir, name)).then(
        (found) => found.mtimeMs,
        () => Date.now(),
      );
      return Date.now() - used > ABANDONED_MS ? name : undefined;
    }),
  );
  const names = [...doomed.map((entry) => entry.name), ...old.filter((name) => name !== undefined)];
  await Promise.all(names.map((name) => rm(path.join(cacheDir, name), { recursive: true, force: true })));
}

/**
 * The part of an entry's name that says which spec it is for. Not which generator: a folder from
 * another one is a miss (its manifest says), and its replacement takes its place.
 */
function entryKey(specPath: string): string {
  return createHash("sha256")
    .update(JSON.stringify([FORMAT, path.resolve(specPath)]))
    .digest("hex")
    .slice(0, 32);
}

interface Entry {
  name: string;
  key: string;
  dir: string;
  used: number;
}

/** The cache's entries (folders by their names, not links), newest used first. */
async function entries(cacheDir: string): Promise<Entry[]> {
  const found: Entry[] = [];
  for (const name of await readdir(cacheDir)) {
    const key = ENTRY.exec(name)?.[1];
    if (key === undefined) continue;
    const dir = path.join(cacheDir, name);
    const about = await lstat(dir).catch(() => undefined);
    if (about?.isDirectory()) found.push({ name, key, dir, used: about.mtimeMs });
  }
  return found.sort((a, b) => b.used - a.used);
}

/** The manifest of the entry `dir`, if the entry and its manifest may be trusted and it reads as one. */
async function readManifest(dir: string): Promise<Manifest | undefined> {
  const uid = currentUid();
  const folder = await lstat(dir);
  const file = path.join(dir, MANIFEST);
  const about = await lstat(file);
  if (distrusted(folder, uid) !== undefined || distrusted(about, uid) !== undefined) return undefined;
  if (!about.isFile() || about.size > MAX_MANIFEST_BYTES) return undefined;
  const manifest = JSON.parse(await readFile(file, "utf8")) as Partial<Manifest>;
  return isManifest(manifest) ? manifest : undefined;
}

/** Whether a parsed manifest has every field, of its type. */
function isManifest(value: Partial<Manifest> | null): value is Manifest {
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === "string");
  return (
    typeof value === "object" &&
    value !== null &&
    value.format === FORMAT &&
    typeof value.spec === "string" &&
    typeof value.generator === "string" &&
    typeof value.generated === "string" &&
    !Number.isNaN(Date.parse(value.generated)) &&
    strings(value.warnings) &&
    Array.isArray(value.read) &&
    value.read.length > 0 &&
    value.read.every(
      (file) => typeof file?.ref === "string" && path.isAbsolute(file.ref) && /^[0-9a-f]{64}$/.test(file.sha256),
    ) &&
    typeof value.files === "object" &&
    value.files !== null &&
    Object.hasOwn(value.files, "index.js") &&
    Object.values(value.files).every((digest) => typeof digest === "string" && /^[0-9a-f]{64}$/.test(digest))
  );
}

/**
 * Whether each of an entry's files is there, a file of this user's alone, with the bytes it was
 * written with: a file damaged in any way (cut short by a crash, edited) makes the entry a miss.
 */
async function filesIntact(dir: string, files: Record<string, string>): Promise<boolean> {
  const uid = currentUid();
  for (const [name, digest] of Object.entries(files)) {
    // A name from the manifest never leads out of the entry.
    if (name !== path.basename(name) || name.startsWith(".")) return false;
    const file = path.join(dir, name);
    const about = await lstat(file).catch(() => undefined);
    if (!about?.isFile() || distrusted(about, uid) !== undefined) return false;
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes === undefined || specFileDigest(bytes) !== digest) return false;
  }
  return true;
}

/** Whether every file the spec was read from is still there with the bytes it had. */
async function specUnchanged(read: Manifest["read"]): Promise<boolean> {
  for (const { ref, sha256 } of read) {
    const about = await lstat(ref).catch(() => undefined);
    if (about === undefined || specFileRefusal(about) !== undefined) return false;
    const bytes = await readFile(ref).catch(() => undefined);
    if (bytes === undefined || specFileDigest(bytes) !== sha256) return false;
  }
  return true;
}
