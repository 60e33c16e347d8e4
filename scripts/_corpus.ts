import { mkdir, writeFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { generateFiles } from "./codegen/index.js";
const out = "/tmp/corpus";
const specs: string[] = [];
for (const v of ["3.0", "3.1"]) {
  const d = `node_modules/@readme/oas-examples/${v}/json`;
  for (const f of await readdir(d)) if (f.endsWith(".json")) specs.push(path.join(d, f));
}
specs.push("openapi/upstream/sudo-openapi.json");
for (const spec of specs) {
  const t = performance.now();
  try {
    const { files, warnings } = await generateFiles(spec, { runtime: "sudo-images/spec" });
    const dir = path.join(out, spec.replace(/[^a-z0-9.]+/gi, "_"));
    await mkdir(dir, { recursive: true });
    let size = 0;
    for (const [n, text] of files) { await writeFile(path.join(dir, n), text); size += text.length; }
    console.log(`ok ${spec} ${Math.round(performance.now() - t)}ms warnings=${warnings.length} out=${size}`);
  } catch (e) { console.log(`FAIL ${spec}: ${(e as Error).message.slice(0, 300)}`); }
}
