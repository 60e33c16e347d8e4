import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type GeneratedFiles, generateFiles, writeFiles } from "../../src/codegen/index.js";
import type { SpecFolder } from "../../src/testing/spec-folder.js";

const root = path.resolve(import.meta.dirname, "../..");

/** The files `sudo-images codegen` writes into a folder, sorted: what a user finds there. */
export const FOLDER_FILES = ["client.ts", "index.ts", "metadata.ts", "runtime.ts", "schema.ts", "validators.ts"];

/** A spec's generated folder (with body schemas), imported; `remove` deletes its files. */
export interface GeneratedFolder<Module = SpecFolder> {
  module: Module;
  files: GeneratedFiles;
  warnings: string[];
  /** The folder's path, to import its other modules (`client.ts`). */
  out: string;
  remove(): Promise<void>;
}

/**
 * Generates a spec with the real generator into a folder of its own in a temporary directory,
 * importing this repository's runtime, and imports its `index.ts`. `spec` is a spec file (relative
 * to the repository) or an OpenAPI document as an object; `operations`, a slice of it by operationId.
 */
export async function generatedFolder<Module = SpecFolder>(
  spec: string | object,
  operations?: readonly string[],
): Promise<GeneratedFolder<Module>> {
  const dir = await mkdtemp(path.join(tmpdir(), "sudo-images-folder-"));
  const file = typeof spec === "string" ? path.resolve(root, spec) : path.join(dir, "spec.json");
  if (typeof spec !== "string") await writeFile(file, JSON.stringify(spec));
  const out = path.join(dir, "folder");
  const runtime = path.relative(out, path.join(root, "src/runtime/index.js")).split(path.sep).join("/");
  const { files, warnings } = await generateFiles(file, { runtime, bodySchemas: true, operations });
  await writeFiles(files, out);
  const module = (await import(path.join(out, "index.ts"))) as Module;
  return { module, files, warnings, out, remove: () => rm(dir, { recursive: true, force: true }) };
}
