import { readFile } from "node:fs/promises";

/** The name in this package's package.json, which tells it from any other on the way up. */
const NAME = "sudo-images";

/**
 * This package's version, from its package.json: found by walking up from this module, since the
 * build bundles the CLI into files at different depths of `dist/` (`cli/bin.js`, `chunks/…`).
 *
 * @example
 * await packageVersion() // "0.1.0"
 */
export async function packageVersion(): Promise<string> {
  for (let up = "../"; up.length <= 4 * 3; up += "../") {
    const found = await readFile(new URL(`${up}package.json`, import.meta.url), "utf8").then(
      (text) => JSON.parse(text) as { name?: unknown; version?: unknown },
      () => undefined,
    );
    if (found?.name === NAME && typeof found.version === "string") return found.version;
  }
  throw new Error(`the package.json of ${NAME} was not found above ${import.meta.url}`);
}
