import { randomBytes } from "node:crypto";
import { constants, type Stats } from "node:fs";
import { lstat, open, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeFolder } from "../make-folder.js";
import { hasBanner } from "./banner.js";
import { displayPath } from "./display-path.js";

/** The generated files, by name inside the output folder, with their full text. */
export type GeneratedFiles = Map<string, string>;

/** How `writeFiles` treats what the output folder already holds. */
export interface WriteOptions {
  /** Replace a file, or a link, that the generator did not write. @default false */
  force?: boolean | undefined;
}

/** A file the generator will not replace; `message` is one line naming it and what would let it. */
export class WriteRefusal extends Error {
  override name = "WriteRefusal";
}

/** How much of an existing file is read to find its banner: the first line, with room for a long spec path. */
const BANNER_BYTES = 16 * 1024;

/**
 * Writes `files` into `dir` (made if missing; a `dir` that is a link is the folder it points to,
 * as with any path the caller names). The folder may be someone's project, so every name is
 * checked before any is written, and a refusal leaves the folder as it was: a file whose first
 * line is not the generator's banner, or a link, is replaced only with `force`; a folder never.
 * Each file is written under a temporary name beside it and renamed over the old one: a reader
 * never sees half a file, and a link in the folder is replaced, never written through.
 */
export async function writeFiles(files: GeneratedFiles, dir: string, options: WriteOptions = {}): Promise<void> {
  await makeFolder(dir);
  for (const name of files.keys()) await checkReplaceable(path.join(dir, name), options.force === true);
  for (const [name, text] of files) await writeAtomically(path.join(dir, name), text);
}

async function checkReplaceable(file: string, force: boolean): Promise<void> {
  const stat = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (stat === undefined) return;
  if (stat.isDirectory()) throw new WriteRefusal(`${displayPath(file)} is a folder, where a generated file goes`);
  if (force) return;
  if (stat.isSymbolicLink()) {
    throw new WriteRefusal(
      `${displayPath(file)} is a symbolic link, which sudo-images codegen never writes through; pass --force to replace the link itself`,
    );
  }
  if (!(await writtenByGenerator(file, stat))) {
    throw new WriteRefusal(
      `${displayPath(file)} was not written by sudo-images codegen (its first line is not the generator's banner); pass --force to replace it`,
    );
  }
}

/** Whether `file`, a regular file, starts with the banner; read without following a link swapped in since `stat`. */
async function writtenByGenerator(file: string, stat: Stats): Promise<boolean> {
  if (!stat.isFile()) return false;
  const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(BANNER_BYTES), 0, BANNER_BYTES, 0);
    return hasBanner(buffer.toString("utf8", 0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Writes `text` to a new temporary file beside `file` (never an existing one: `wx`), then renames it over `file`. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, text, { flag: "wx" });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
