/** `makeFolder` (`src/make-folder.ts`): `mkdir -p` that ends on every path, `/proc` included. */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeFolder } from "../src/make-folder.js";

describe("makeFolder", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sudo-images-make-folder-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("makes a folder and its missing parents, each with the mode asked", async () => {
    const deep = path.join(dir, "a", "b", "c");
    await makeFolder(deep, 0o700);
    for (const made of [deep, path.dirname(deep), path.join(dir, "a")]) {
      expect((await stat(made)).mode & 0o777).toBe(0o700);
    }
  });

  it("takes a folder already there, and a link to one", async () => {
    await mkdir(path.join(dir, "real"));
    await symlink(path.join(dir, "real"), path.join(dir, "link"));
    await expect(makeFolder(path.join(dir, "real"))).resolves.toBeUndefined();
    await expect(makeFolder(path.join(dir, "link"))).resolves.toBeUndefined();
  });

  it("refuses a file where the folder goes (EEXIST) and a file on the way (ENOTDIR)", async () => {
    const file = path.join(dir, "file");
    await writeFile(file, "");
    await expect(makeFolder(file)).rejects.toMatchObject({ code: "EEXIST" });
    await expect(makeFolder(path.join(file, "below", "deeper"))).rejects.toMatchObject({ code: "ENOTDIR" });
  });

  // Node's own recursive mkdir never settles here: the test would time out, not pass.
  it.skipIf(!existsSync("/proc/self"))(
    "fails at once under a parent that cannot hold it (/proc), where a recursive mkdir spins for ever",
    async () => {
      await expect(makeFolder("/proc/sudo-images-no-such/cache")).rejects.toMatchObject({ code: "ENOENT" });
    },
  );
});
