import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { type CorpusSpec, fixture } from "./corpus.js";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Published specs fetched for the contract kit's corpus (`npm run bench:kit`), beside the
 * generator's corpus: `tests/fixtures/published/README.md` says where each is from, its license,
 * and the style it was added for.
 */
export function publishedSpecs(): CorpusSpec[] {
  return [
    {
      name: "redocly museum (3.1, webhooks, basic auth)",
      file: fixture("published/redocly-museum.yaml.gz"),
      operations: [],
      shapes: ["3.1 webhooks"],
    },
    {
      name: "redocly openapi-starter (multi-file, OAuth2 and API key)",
      file: unpackedFolder("published/redocly-openapi-starter.json.gz", "openapi.yaml"),
      operations: [],
      shapes: ["multi-file"],
    },
    {
      name: "xero accounting (large single file, OAuth2)",
      file: fixture("published/xero-accounting.yaml.gz"),
      operations: [],
      shapes: ["large single file"],
    },
    {
      name: "nytimes article search (API key in the query)",
      file: fixture("published/nytimes-article-search.yaml.gz"),
      operations: [],
    },
    {
      name: "ory hydra (form-encoded writes, OAuth2, basic, bearer)",
      file: fixture("published/ory-hydra.json.gz"),
      operations: [],
      shapes: ["form-encoded bodies"],
    },
  ];
}

/**
 * A multi-file spec stored as one gzipped JSON object (relative path to file text), written out
 * once into a folder beside the other unpacked fixtures: the path of its `entry` file.
 */
function unpackedFolder(name: string, entry: string): string {
  const folder = path.join(path.dirname(fixture("published/redocly-museum.yaml.gz")), path.basename(name, ".json.gz"));
  const files = JSON.parse(gunzipSync(readFileSync(path.join(root, "tests/fixtures", name))).toString()) as Record<
    string,
    string
  >;
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(folder, relative);
    // Our own fixture, but a name that climbs out of the folder is still refused.
    if (!file.startsWith(`${folder}${path.sep}`)) throw new Error(`${name}: ${relative} is outside its folder`);
    if (existsSync(file)) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return path.join(folder, entry);
}
