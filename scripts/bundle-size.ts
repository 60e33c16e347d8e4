import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");

/** What a browser bundle of some entry code costs. */
export interface BundleSize {
  /** Minified bytes. */
  minified: number;
  /** Minified, then gzipped at level 9. */
  gzipped: number;
  /** The files with code in the bundle (tree-shaken ones left out), relative to the repo. */
  inputs: string[];
}

/**
 * Bundles `code` (an ES module, resolved from `resolveDir`, the repo root by default) for the
 * browser with esbuild, minified and tree-shaken, and measures it. A Node built-in anywhere in the
 * graph fails the build.
 *
 * @example
 * await bundleSize('import { createImagesClient } from "./src/index.ts"; …')
 */
export async function bundleSize(code: string, resolveDir = root): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    minified: output.byteLength,
    gzipped: gzipSync(output, { level: 9 }).byteLength,
    inputs: Object.values(result.metafile.outputs).flatMap((out) =>
      Object.entries(out.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([file]) => file),
    ),
  };
}

/** A bundle that only creates a sudo-images client and calls `generate`. */
export const GENERATE_ONLY = `
import { createImagesClient } from "./src/index.ts";
const client = createImagesClient({ apiKey: "k", dangerouslyAllowBrowser: true });
export const run = () => client.generate({ prompt: "a fox", model: "gpt-image-2" });
`;

/** The same bundle from `sudo-images/lite`: the generate path with the spec checks plugged out. */
export const GENERATE_ONLY_LITE = GENERATE_ONLY.replace("./src/index.ts", "./src/lite.ts");
