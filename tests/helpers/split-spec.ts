import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A single-file spec rewritten as the multi-file layout published specs use: `openapi.json` with
 * each path item in `paths/<n>.json` and each schema in `schemas/<name>.json`, joined by relative
 * `$ref`s (a reference to anything else points back into `openapi.json`). Written once into `dir`
 * (a finished folder is reused); resolves to the root file.
 */
export function splitSpec(file: string, dir: string): string {
  const root = path.join(dir, "openapi.json");
  try {
    readFileSync(root);
    return root;
  } catch {
    // Not split yet: written below into a folder of its own, then moved into place whole.
  }
  const partial = `${dir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(path.join(partial, "paths"), { recursive: true });
  mkdirSync(path.join(partial, "schemas"), { recursive: true });
  const document = JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, unknown>>;
  const schemas = (document.components?.schemas ?? {}) as Record<string, unknown>;
  const write = (name: string, value: unknown) => writeFileSync(path.join(partial, name), JSON.stringify(value));
  const paths = Object.entries(document.paths ?? {}).map(([route, item], index) => {
    const name = `paths/${String(index).padStart(4, "0")}.json`;
    write(name, relinked(item, "../schemas/", "../openapi.json"));
    return [route, { $ref: name }];
  });
  const refs = Object.keys(schemas).map((name) => {
    write(`schemas/${name}.json`, relinked(schemas[name], "", "../openapi.json"));
    return [name, { $ref: `schemas/${name}.json` }];
  });
  const components = { ...document.components, schemas: Object.fromEntries(refs) };
  write("openapi.json", { ...document, paths: Object.fromEntries(paths), components });
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return root;
}

/** `node` with each local `$ref` made relative to a file in a subfolder. */
function relinked(node: unknown, schemaFolder: string, rootFile: string): unknown {
  if (Array.isArray(node)) return node.map((item) => relinked(item, schemaFolder, rootFile));
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key !== "$ref" || typeof value !== "string") return [key, relinked(value, schemaFolder, rootFile)];
      const schema = /^#\/components\/schemas\/([^/]+)$/.exec(value)?.[1];
      if (schema !== undefined) return [key, `${schemaFolder}${schema}.json`];
      return [key, value.startsWith("#") ? `${rootFile}${value}` : value];
    }),
  );
}
