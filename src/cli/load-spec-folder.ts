import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SpecRead } from "../codegen/spec-resolver.js";
import { oneLine } from "../http/shown-text.js";
import type { SpecFolder } from "../testing/spec-folder.js";
import { openCacheFolder } from "./cache-folder.js";
import { packageVersion } from "./package-version.js";
import { type Output, startProgress } from "./progress.js";
import { cacheable, findCachedFolder, keepFolder, temporaryFolder } from "./spec-folder-cache.js";
import { stderrLine, warningLine } from "./stderr-line.js";

/**
 * The folder `mock --spec` and `verify --spec` load: with body schemas and answers, and its own
 * runtime (`./runtime.js`), so it runs from any folder with nothing installed beside it.
 */
const FOLDER_OPTIONS = { bodySchemas: true, runtime: "./runtime.js" } as const;

/** How `loadSpecFolder` reports, and whether it may use the cache. */
export interface LoadOptions {
  /** Where the progress line, the cache's line and its warnings go. */
  stderr: Output;
  /** Use the per-user cache of generated folders (`--no-cache` turns it off). @default true */
  cache?: boolean | undefined;
}

/**
 * The generated folder of `specPath`, loaded into this process. From the user's cache when the
 * same package made it from the same spec files (one line says so, with when it was made);
 * otherwise generated (with a progress line on a terminal), written to a private temporary folder,
 * its TypeScript turned into JavaScript by the TypeScript this package carries, imported, and then
 * kept in the cache (or removed, with the cache off, refused, or for a spec with remote `$ref`s).
 * The user's folders are never touched. A spec that cannot be generated throws the generator's
 * `SpecError`, one line. The warnings are the generator's, the same on a hit.
 */
export async function loadSpecFolder(
  specPath: string,
  { stderr, cache = true }: LoadOptions,
): Promise<{ spec: SpecFolder; warnings: string[] }> {
  const cacheDir = cache ? await usableCacheFolder(stderr) : undefined;
  const generator = await generatorKey();
  const cached = cacheDir === undefined ? undefined : await fromCache(cacheDir, specPath, generator, stderr);
  return cached ?? (await generated(specPath, stderr, cacheDir, generator));
}

/**
 * What made a folder besides the spec, as the cache keys it: the package version, the options
 * that change the folder, and when this code was written to disk. npm installs every file with
 * one fixed time, so for a user the version decides; in a checkout each build of `dist/` is
 * another generator, so a folder from an older build is not taken for its output (run from the
 * sources, only an edit of this file is: `--no-cache` after changing the generator).
 */
async function generatorKey(): Promise<string> {
  const built = (await stat(fileURLToPath(import.meta.url))).mtimeMs;
  return JSON.stringify({ version: await packageVersion(), built, ...FOLDER_OPTIONS });
}

/** The cache folder, or `undefined` (with one warning line) when it cannot be trusted or made. */
async function usableCacheFolder(stderr: Output): Promise<string | undefined> {
  const opened = await openCacheFolder();
  if ("dir" in opened) return opened.dir;
  stderr.write(warningLine(`${opened.refused}; generating`));
  return undefined;
}

/** The cached folder of `specPath`, imported, with one line saying so; `undefined` on a miss. */
async function fromCache(
  cacheDir: string,
  specPath: string,
  generator: string,
  stderr: Output,
): Promise<{ spec: SpecFolder; warnings: string[] } | undefined> {
  const hit = await findCachedFolder(cacheDir, specPath, generator);
  if (hit === undefined) return undefined;
  try {
    const spec = await importFolder(hit.dir);
    stderr.write(stderrLine(`using the cached folder for ${specPath} (generated ${shownTime(hit.generated)})`));
    return { spec, warnings: hit.warnings };
  } catch (error) {
    const why = (error as Error).message;
    stderr.write(warningLine(`the cached folder for ${specPath} did not load (${why}); generating`));
    return undefined;
  }
}

/**
 * The folder of `specPath`, generated into a private temporary folder (in the cache folder, when
 * there is one) and imported; then kept in the cache, when there is one and the spec is made of
 * files only, or removed.
 */
async function generated(
  specPath: string,
  stderr: Output,
  cacheDir: string | undefined,
  generator: string,
): Promise<{ spec: SpecFolder; warnings: string[] }> {
  // mkdtemp makes the folder readable by its owner alone.
  const work = await (cacheDir === undefined
    ? mkdtemp(path.join(tmpdir(), "sudo-images-mock-"))
    : temporaryFolder(cacheDir));
  let kept = false;
  try {
    const progress = startProgress(stderr, `generating ${oneLine(specPath, 200)}`, { after: 1000 });
    const made = new Date();
    const { warnings, read } = await writeSpecFolder(specPath, work, FOLDER_OPTIONS.runtime).finally(() =>
      progress.stop(),
    );
    // A folder of its own per run, so the module cache never hands back another spec's folder.
    const spec = await importFolder(work);
    // Kept only once it has loaded: a folder that fails to import is never cached. A cache that
    // cannot be written (a full disk) costs the next start its speed, not this one its mock.
    if (cacheDir !== undefined && cacheable(read))
      kept = await keepFolder(cacheDir, work, { specPath, generator, read, warnings, generated: made }).then(
        () => true,
        () => false,
      );
    return { spec, warnings };
  } finally {
    if (!kept) await rm(work, { recursive: true, force: true });
  }
}

/**
 * Writes the generated folder of `specPath` into `dir` as plain JavaScript that Node imports
 * (`index.js`, with a `package.json` that says so): what `loadSpecFolder` imports, and what
 * `npm run bench:kit` imports again to time the kit apart from the generator (with `runtime`, the
 * folder's runtime and client import this checkout's sources, so its `client.js` loads too).
 * Resolves to the generator's warnings and the spec files it read.
 */
export async function writeSpecFolder(
  specPath: string,
  dir: string,
  runtime?: string,
): Promise<{ warnings: string[]; read: readonly SpecRead[] }> {
  const [{ generateFiles, writeFiles }, { default: ts }] = await Promise.all([
    import("../codegen/index.js"),
    import("typescript"),
  ]);
  const { files, warnings, read } = await generateFiles(specPath, {
    out: dir,
    bodySchemas: FOLDER_OPTIONS.bodySchemas,
    runtime,
  });
  await writeFiles(files, dir);
  // Node reads a .js file as CommonJS unless its package says otherwise.
  await writeFile(path.join(dir, "package.json"), '{ "type": "module" }\n');
  for (const name of await readdir(dir)) {
    if (!name.endsWith(".ts")) continue;
    const source = await readFile(path.join(dir, name), "utf8");
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: name,
    });
    await writeFile(path.join(dir, name.replace(/\.ts$/, ".js")), outputText);
  }
  return { warnings, read };
}

/** The folder's `index.js`, imported. */
async function importFolder(dir: string): Promise<SpecFolder> {
  return (await import(pathToFileURL(path.join(dir, "index.js")).href)) as SpecFolder;
}

/** A time as the cache's line shows it: `2026-12-03 06:10 UTC`. */
function shownTime(time: Date): string {
  return `${time.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
