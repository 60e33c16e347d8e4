import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateFiles, writeFiles } from "../../src/codegen/index.js";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Generates `spec` (an OpenAPI document as an object) into a folder of its own in a temporary
 * directory, importing this repository's runtime, and imports its `index.ts`. `remove` deletes it.
 */
export async function generatedFolder<Module>(name: string, spec: unknown) {
  const dir = await mkdtemp(path.join(tmpdir(), `sudo-images-${name}-`));
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(spec));
  const out = path.join(dir, name);
  const runtime = path.relative(out, path.join(root, "src/runtime/index.js")).split(path.sep).join("/");
  const { files, warnings } = await generateFiles(file, { runtime });
  await writeFiles(files, out);
  const module = (await import(path.join(out, "index.ts"))) as Module;
  return { module, files, warnings, remove: () => rm(dir, { recursive: true, force: true }) };
}
