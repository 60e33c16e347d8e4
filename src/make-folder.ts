import { mkdir, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Makes the folder `dir` and its missing parents, as `mkdir(dir, { recursive: true, mode })`
 * does, but ends on every path. Node's recursive mkdir retries for ever, at full CPU, when a
 * parent that exists answers ENOENT for a child it cannot hold (`/proc/x` on Linux), so a
 * mistyped `--out` or cache folder would hang the command with no word: here that ENOENT, met
 * again once the parent is there, is the error. A folder already there is fine; a file there is
 * `EEXIST`, a file on the way `ENOTDIR`, as with Node's.
 *
 * @example
 * await makeFolder("./out/images"); // makes out/ and out/images/ if missing
 */
export async function makeFolder(dir: string, mode?: number): Promise<void> {
  try {
    await mkdir(dir, { mode });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const parent = path.dirname(dir);
    if (code === "EEXIST") return existingFolder(dir, error);
    if (code !== "ENOENT" || parent === dir) throw error;
    await makeFolder(parent, mode);
    // Another process may make it between the two calls: that is a folder made, not a failure.
    await mkdir(dir, { mode }).catch((again: NodeJS.ErrnoException) =>
      again.code === "EEXIST" ? existingFolder(dir, again) : Promise.reject(again),
    );
  }
}

/** Resolves when what is at `dir` is a folder (or a link to one), else rejects with `error`. */
async function existingFolder(dir: string, error: unknown): Promise<void> {
  const found = await stat(dir).catch(() => undefined);
  if (found?.isDirectory() !== true) throw error;
}
