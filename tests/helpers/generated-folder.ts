import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateFiles, writeFiles } from "../../src/codegen/index.js";
import type { SpecFolder } from "../../src/testing/spec-folder.js";

const root = path.resolve(import.meta.dirname, "../..");

/** A spec's generated folder (with body schemas), imported; `remove` deletes its files. */
export interface GeneratedFolder {
  spec: SpecFolder;
  remove(): Promise<void>;
}

/** Generates `specFile` with the real generator into a temporary folder and imports it. */
export async function generatedFolder(specFile: string): Promise<GeneratedFolder> {
  const dir = await mkdtemp(path.join(tmpdir(), "sudo-images-folder-"));
  const runtime = path.relative(dir, path.join(root, "src/runtime/index.js"));
  const { files } = await generateFiles(path.resolve(root, specFile), { runtime, bodySchemas: true });
  await writeFiles(files, dir);
  const spec = (await import(path.join(dir, "index.ts"))) as SpecFolder;
  return { spec, remove: () => rm(dir, { recursive: true, force: true }) };
}
