/**
 * `npm run lint:spec`: holds this repository's own spec to Redocly's `recommended` ruleset with no
 * findings at all. `npm run generate` accepts specs that break lint rules (real ones do); ours does not.
 *
 *   npm run lint:spec                 openapi/sudo-images.yaml
 *   npm run lint:spec -- F            another file
 */
import { lintSpec, SpecError } from "../src/codegen/spec-source.js";

const spec = process.argv[2] ?? "openapi/sudo-images.yaml";
try {
  const findings = await lintSpec(spec);
  for (const finding of findings) console.error(finding);
  if (findings.length > 0) {
    console.error(`${spec}: ${findings.length} lint finding(s); this repository's spec must have none.`);
    process.exitCode = 1;
  } else console.log(`${spec}: no lint findings (Redocly recommended).`);
} catch (error) {
  console.error(error instanceof SpecError ? `error: ${error.message}` : error);
  process.exitCode = 1;
}
