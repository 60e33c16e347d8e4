/**
 * Part of `npm run build`: writes `dist/openapi.json`, the spec this version was built from as
 * one bundled JSON document, exported as `sudo-images/openapi.json` beside the YAML
 * (`sudo-images/openapi.yaml`), for Prism, Schemathesis or any tool that wants it parsed.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { loadSpec } from "../src/codegen/spec-source.js";

const { document } = await loadSpec("openapi/sudo-images.yaml");
await mkdir("dist", { recursive: true });
await writeFile("dist/openapi.json", `${JSON.stringify(document, null, 2)}\n`);
console.log("Wrote dist/openapi.json");
