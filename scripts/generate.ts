/**
 * `npm run generate`: `sudo-images codegen` with this repository's defaults.
 *
 *   npm run generate                        write src/generated/ from openapi/sudo-images.yaml
 *   npm run generate -- --check             write nothing; fail and name the files that are stale
 *   npm run generate -- --spec F --out D    another spec, another folder (--spec needs --out)
 *
 * Every other flag is `sudo-images codegen`'s (`--help` lists them).
 */
import { codegenCommand } from "../src/cli/codegen.js";

process.exitCode = await codegenCommand(process.argv.slice(2), process.stdout, process.stderr, {
  spec: "openapi/sudo-images.yaml",
  out: "src/generated",
  regenerate: "npm run generate",
  apiKeyEnv: "SUDO_API_KEY",
});
