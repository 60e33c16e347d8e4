/**
 * Where the cache of generated spec folders lives, and when it is trusted: it holds code the mock
 * imports, so a folder another user owns or others can write to is refused.
 */
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, realpath, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CachePlace, cacheFolderPath, distrusted, openCacheFolder } from "../../src/cli/cache-folder.js";

describe("cacheFolderPath", () => {
  const place = (env: Record<string, string>, platform: NodeJS.Platform = "linux"): CachePlace => ({
    env: (name) => env[name],
    platform,
    home: "/home/ada",
  });

  it.each([
    [{}, "linux", "/home/ada/.cache/sudo-images"],
    [{ XDG_CACHE_HOME: "/var/cache/ada" }, "linux", "/var/cache/ada/sudo-images"],
    // The XDG spec: a relative path is invalid and ignored.
    [{ XDG_CACHE_HOME: "cache" }, "linux", "/home/ada/.cache/sudo-images"],
    [{ SUDO_IMAGES_CACHE_DIR: "/tmp/c", XDG_CACHE_HOME: "/var/cache/ada" }, "linux", "/tmp/c"],
    [{ LOCALAPPDATA: "C:\\Users\\ada\\AppData\\Local" }, "win32", "C:\\Users\\ada\\AppData\\Local\\sudo-images\\Cache"],
    [{ LOCALAPPDATA: "C:\\Users\\ada\\AppData\\Local" }, "darwin", "/home/ada/.cache/sudo-images"],
  ] as const)("with %j on %s is %s", (env, platform, expected) => {
    expect(cacheFolderPath(place(env, platform))).toBe(expected);
  });
});

describe("distrusted", () => {
  it.each([
    [{ uid: 1000, mode: 0o40700 }, 1000, undefined],
    [{ uid: 1000, mode: 0o40755 }, 1000, undefined],
    [{ uid: 1000, mode: 0o100600 }, 1000, undefined],
    [{ uid: 1001, mode: 0o40700 }, 1000, "it belongs to user 1001, not to you (user 1000)"],
    [{ uid: 0, mode: 0o40700 }, 1000, "it belongs to user 0, not to you (user 1000)"],
    [{ uid: 1000, mode: 0o40770 }, 1000, "others can write to it (mode 770)"],
    [{ uid: 1000, mode: 0o40702 }, 1000, "others can write to it (mode 702)"],
    [{ uid: 1000, mode: 0o100664 }, 1000, "others can write to it (mode 664)"],
    // Windows: no owner or mode bits to read; access is by ACL.
    [{ uid: 0, mode: 0o40777 }, undefined, undefined],
  ])("%j for user %s: %s", (found, uid, expected) => {
    expect(distrusted(found, uid)).toBe(expected);
  });
});

describe("openCacheFolder", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sudo-images-cache-folder-"));
  });
  afterEach(async () => {
    await chmod(dir, 0o700);
    await rm(dir, { recursive: true, force: true });
  });

  it("makes a missing folder, and its missing parents, readable by its owner alone", async () => {
    const cache = path.join(dir, "deep", "sudo-images");
    expect(await openCacheFolder(cache)).toEqual({ dir: path.join(await realpath(dir), "deep", "sudo-images") });
    expect((await stat(cache)).mode & 0o777).toBe(0o700);
    expect((await stat(path.dirname(cache))).mode & 0o777).toBe(0o700);
  });

  it("gives the real path of a folder reached through a link, so a link swapped later leads nowhere new", async () => {
    await mkdir(path.join(dir, "real"));
    await symlink(path.join(dir, "real"), path.join(dir, "link"));
    expect(await openCacheFolder(path.join(dir, "link"))).toEqual({ dir: path.join(await realpath(dir), "real") });
  });

  it("refuses a folder others can write to, saying which and why", async () => {
    await chmod(dir, 0o770);
    expect(await openCacheFolder(dir)).toEqual({
      refused: `not using the cache folder ${dir}: others can write to it (mode 770)`,
    });
  });

  it("refuses a file where the folder should be, and a folder it cannot make", async () => {
    const file = path.join(dir, "file");
    await writeFile(file, "");
    expect(await openCacheFolder(file)).toEqual({ refused: `not using the cache folder ${file}: it is not a folder` });
    expect(await openCacheFolder(path.join(file, "below"))).toEqual({
      refused: `not using the cache folder ${path.join(file, "below")}: it cannot be made (ENOTDIR)`,
    });
  });

  it.skipIf(!existsSync("/proc/self"))("refuses a folder under /proc at once, rather than spinning", async () => {
    const cache = "/proc/sudo-images-no-such/cache";
    expect(await openCacheFolder(cache)).toEqual({
      refused: `not using the cache folder ${cache}: it cannot be made (ENOENT)`,
    });
  });
});
