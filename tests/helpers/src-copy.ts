import { cp, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateFiles, writeFiles } from "../../src/codegen/index.js";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * A copy of this package's `src/` in a temporary folder, with `src/generated/` made from `spec`
 * by the real generator: the package as it would be had the spec said something else. Import
 * from `dir/src/...`; remove `dir` when done.
 */
export async function srcGeneratedFrom(spec: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "sudo-images-src-"));
  await cp(path.join(root, "src"), path.join(dir, "src"), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}generated`),
  });
  await symlink(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const { files } = await generateFiles(spec, { runtime: "../runtime/index.js" });
  await writeFiles(files, path.join(dir, "src/generated"));
  return dir;
}
