import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { SpecFolder } from "../testing/spec-folder.js";

/**
 * The generated folder of `specPath`, loaded into this process: generated in memory (with body
 * schemas and answers, and its own runtime), written to a private temporary folder, its TypeScript
 * turned into JavaScript by the TypeScript this package carries, imported, and the folder removed
 * again (the modules stay loaded). Nothing is left behind, and the user's folders are never
 * touched. A spec that cannot be generated throws the generator's `SpecError`, one line.
 */
export async function loadSpecFolder(specPath: string): Promise<{ spec: SpecFolder; warnings: string[] }> {
  // mkdtemp makes the folder readable by its owner alone.
  const dir = await mkdtemp(path.join(tmpdir(), "sudo-images-mock-"));
  try {
    const warnings = await writeSpecFolder(specPath, dir);
    // A folder of its own per run, so the module cache never hands back another spec's folder.
    const spec = (await import(pathToFileURL(path.join(dir, "index.js")).href)) as SpecFolder;
    return { spec, warnings };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Writes the generated folder of `specPath` into `dir` as plain JavaScript that Node imports
 * (`index.js`, with a `package.json` that says so): what `loadSpecFolder` imports, and what
 * `npm run bench:kit` imports again to time the kit apart from the generator (with `runtime`, the
 * folder's runtime and client import this checkout's sources, so its `client.js` loads too).
 * Resolves to the generator's warnings.
 */
export async function writeSpecFolder(specPath: string, dir: string, runtime?: string): Promise<string[]> {
  const [{ generateFiles, writeFiles }, { default: ts }] = await Promise.all([
    import("../codegen/index.js"),
    import("typescript"),
  ]);
  const { files, warnings } = await generateFiles(specPath, { out: dir, bodySchemas: true, runtime });
  await writeFiles(files, dir);
  // Node reads a .js file as CommonJS unless its package says otherwise.
  await writeFile(path.join(dir, "package.json"), '{ "type": "module" }\n');
  for (const name of await readdir(dir)) {
    if (!name.endsWith(".ts")) continue;
    const source = await readFile(path.join(dir, name), "utf8");
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: name,
    });
    await writeFile(path.join(dir, name.replace(/\.ts$/, ".js")), outputText);
  }
  return warnings;
}
