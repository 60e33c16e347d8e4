import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

/**
 * Writes `config` as `dir/tsconfig.json` and runs this repository's tsc on it. Resolves to what
 * tsc printed: `""` when the project typechecks, its errors otherwise.
 */
export async function typecheck(dir: string, config: object): Promise<string> {
  await writeFile(path.join(dir, "tsconfig.json"), JSON.stringify(config));
  return run(path.join(root, "node_modules/.bin/tsc"), ["-p", dir]).then(
    () => "",
    (error: { stdout: string }) => error.stdout,
  );
}
