/**
 * vitest's global setup: every test, and every CLI it starts, caches generated spec folders in one
 * temporary folder of this run (`SUDO_IMAGES_CACHE_DIR`), never in the user's own cache, and the
 * folder is removed when the run ends.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CACHE_DIR_ENV } from "../../src/cli/cache-folder.js";

export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), "sudo-images-test-cache-"));
  process.env[CACHE_DIR_ENV] = dir;
  return () => rm(dir, { recursive: true, force: true });
}
