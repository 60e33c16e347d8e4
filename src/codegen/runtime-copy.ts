import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The runtime's source files, in an order where each needs only those before it. */
const RUNTIME_FILES = [
  "types.ts",
  "json-pointer.ts",
  "issue-message.ts",
  "validation.ts",
  "parameter-values.ts",
  "cookie-header.ts",
  "request-violations.ts",
  "spec-violation-error.ts",
  "normalize.ts",
  "index.ts",
];

/** An import or re-export between the runtime's own files: meaningless once they are one file. */
const LOCAL_LINK = /^(?:import|export)\s+(?:type\s+)?\{[^}]*\}\s+from\s+"\.\/[^"]+";\n/gm;

/**
 * The runtime generated code runs on (`sudo-images/runtime`), as one TypeScript module to write
 * beside it: a generated folder then needs nothing at run time, not even this package. Made from
 * the runtime's own sources, which the package ships (`src/runtime/`), so it is the same code.
 */
export function runtimeModule(): string {
  const dir = runtimeSources();
  const parts = RUNTIME_FILES.map((file) => readFileSync(new URL(file, dir), "utf8").replace(LOCAL_LINK, ""));
  return parts.join("\n");
}

/**
 * `src/runtime/` of this package, found from this module's own place (never the working folder):
 * beside it when run from source, in the package root when run from `dist/`.
 */
export function runtimeSources(): URL {
  for (const candidate of ["../runtime/", "../../src/runtime/"]) {
    const dir = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(new URL("index.ts", dir)))) return dir;
  }
  throw new Error("the runtime's sources (src/runtime/*.ts) are missing from this install of sudo-images");
}
