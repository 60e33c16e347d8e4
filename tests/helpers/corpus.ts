import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "../..");
const examples = path.join(root, "node_modules/@readme/oas-examples");

/** A published spec the generator is proven on, and the operations to take from it (all when empty). */
export interface CorpusSpec {
  name: string;
  file: string;
  operations: string[];
}

/**
 * GitHub's REST spec (13 MB, 3.0, 900+ operations) is generated as a slice of four operations:
 * the whole of it takes minutes (see BENCHMARKS.md), a slice proves the same code paths.
 */
export const GITHUB_OPERATIONS = ["repos/get", "issues/list-for-repo", "pulls/get", "issues/create"];

/**
 * Specs other people wrote: the upstream Sudo spec, ReadMe's 3.0 and 3.1 examples, Directus (a
 * `schema: null` body, inline responses), Blockfrost (one shared error response for 129
 * operations) and GitHub's REST spec.
 */
export function corpusSpecs(): CorpusSpec[] {
  const readme = ["3.0", "3.1"].flatMap((version) =>
    readdirSync(path.join(examples, version, "json"))
      .filter((file) => file.endsWith(".json"))
      .map((file) => ({
        name: `readme ${version}/${file}`,
        file: path.join(examples, version, "json", file),
        operations: [],
      })),
  );
  return [
    { name: "upstream sudo-openapi.json", file: path.join(root, "openapi/upstream/sudo-openapi.json"), operations: [] },
    ...readme,
    {
      name: "directus openapi.json",
      file: path.join(root, "node_modules/@directus/specs/dist/openapi.json"),
      operations: [],
    },
    {
      name: "blockfrost openapi.yaml",
      file: path.join(root, "node_modules/@blockfrost/openapi/openapi.yaml"),
      operations: [],
    },
    {
      name: "github api.github.com.json (4 operations)",
      file: githubSpec(),
      operations: GITHUB_OPERATIONS,
    },
  ];
}

/** ReadMe's own example of a broken spec: its discriminator maps to schemas that do not exist. */
export const BROKEN_IN_CORPUS = "readme 3.0/discriminators.json";

/**
 * GitHub's whole REST spec as a file: unpacked once from `tests/fixtures/github/` (a gzip of the
 * one file of `@octokit/openapi` the tests read) into the system's temporary folder.
 */
export function githubSpec(): string {
  const file = path.join(tmpdir(), "sudo-images-api.github.com-23.0.2.json");
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, gunzipSync(readFileSync(path.join(root, "tests/fixtures/github/api.github.com.json.gz"))));
    renameSync(partial, file);
  }
  return file;
}
