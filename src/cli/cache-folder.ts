import { realpath, stat } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { readEnv } from "../http/environment.js";
import { makeFolder } from "../make-folder.js";

/** The environment variable that moves the cache folder (the tests point it at a temporary one). */
export const CACHE_DIR_ENV = "SUDO_IMAGES_CACHE_DIR";

/** Where a user's cache folder is, by the environment and platform (`cacheFolderPath`'s input). */
export interface CachePlace {
  env: (name: string) => string | undefined;
  platform: NodeJS.Platform;
  home: string;
}

/**
 * This user's cache folder for sudo-images: `SUDO_IMAGES_CACHE_DIR` when set; on Windows
 * `%LOCALAPPDATA%\sudo-images\Cache`; elsewhere `$XDG_CACHE_HOME/sudo-images` (only an absolute
 * `XDG_CACHE_HOME`, as the XDG spec says), else `~/.cache/sudo-images`.
 *
 * @example
 * cacheFolderPath() // "/home/ada/.cache/sudo-images"
 */
export function cacheFolderPath(
  place: CachePlace = { env: readEnv, platform: process.platform, home: homedir() },
): string {
  const moved = place.env(CACHE_DIR_ENV);
  if (moved !== undefined) return path.resolve(moved);
  const local = place.env("LOCALAPPDATA");
  if (place.platform === "win32" && local !== undefined) return path.win32.join(local, "sudo-images", "Cache");
  const xdg = place.env("XDG_CACHE_HOME");
  return path.join(xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(place.home, ".cache"), "sudo-images");
}

/** Who owns a folder or file of the cache, and its permission bits: what `distrusted` reads of a `stat`. */
export interface Ownership {
  uid: number;
  mode: number;
}

/**
 * Why a folder or file of the cache must not be trusted, or `undefined` when it may be: it belongs
 * to another user than `uid`, or its group or others may write to it. What the cache holds is code
 * the mock imports, so whoever can write there can run code as this user. Without a `uid` (Windows,
 * where access is by ACL, not by owner and mode bits) nothing is checked.
 *
 * @example
 * distrusted({ uid: 1000, mode: 0o40775 }, 1000) // "others can write to it (mode 775)"
 */
export function distrusted(found: Ownership, uid: number | undefined): string | undefined {
  if (uid === undefined) return undefined;
  if (found.uid !== uid) return `it belongs to user ${found.uid}, not to you (user ${uid})`;
  return (found.mode & 0o022) === 0 ? undefined : `others can write to it (mode ${(found.mode & 0o777).toString(8)})`;
}

/** The current user's id, where the platform has one (not on Windows). */
export function currentUid(): number | undefined {
  return process.getuid?.();
}

/**
 * The cache folder, made (readable by its owner alone) if it is not there, and checked: its real
 * path, or why it is not used, in words for a one-line warning (the path in it is the user's own).
 */
export async function openCacheFolder(dir = cacheFolderPath()): Promise<{ dir: string } | { refused: string }> {
  try {
    await makeFolder(dir, 0o700);
    // Used by its real path from here on: a link on the way, swapped after this check, leads nowhere new.
    const real = await realpath(dir);
    const found = await stat(real);
    const problem = found.isDirectory() ? distrusted(found, currentUid()) : "it is not a folder";
    return problem === undefined ? { dir: real } : { refused: `not using the cache folder ${dir}: ${problem}` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "an error";
    const problem = code === "EEXIST" ? "it is not a folder" : `it cannot be made (${code})`;
    return { refused: `not using the cache folder ${dir}: ${problem}` };
  }
}
