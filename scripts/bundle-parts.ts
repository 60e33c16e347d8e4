/**
 * `node --import tsx scripts/bundle-parts.ts [lite]`: what each module costs the generate-only browser
 * bundle (`GENERATE_ONLY`, or with `lite` the one from `sudo-images/lite`), in gzipped bytes. A module's cost is the bundle's size less the size of
 * the same bundle with that module's code cut out: gzip shares repeated text across modules, so
 * each module's own gzipped size would count a string twice, and the metafile's minified bytes
 * say nothing of how well a part compresses. Largest first.
 */
import { gzipSync } from "node:zlib";
import { build, transform } from "esbuild";
import { GENERATE_ONLY, GENERATE_ONLY_LITE } from "./bundle-size.js";

/** A module's start in esbuild's unminified output: its path (or `<stdin>`, the entry) as a comment line. */
const MODULE_START = /^(?=\/\/ (?:src\/|node_modules\/|<stdin>)[^\n]*$)/m;

/** The gzipped bytes of `code` once minified, as `bundleSize` measures a bundle. */
async function gzipped(code: string): Promise<number> {
  const minified = await transform(code, { minify: true, loader: "js", format: "esm", target: "es2022" });
  return gzipSync(minified.code, { level: 9 }).byteLength;
}

const result = await build({
  stdin: {
    contents: process.argv[2] === "lite" ? GENERATE_ONLY_LITE : GENERATE_ONLY,
    resolveDir: process.cwd(),
    loader: "ts",
  },
  bundle: true,
  // Tree-shaken and simplified as the measured bundle is, but not whitespace-minified: the
  // comment that starts each module stays, so the output splits into modules.
  minifySyntax: true,
  platform: "browser",
  format: "esm",
  target: "es2022",
  write: false,
  logLevel: "silent",
});
const text = result.outputFiles[0]?.text ?? "";
const parts = text.split(MODULE_START);
const whole = await gzipped(text);
const costs: [string, number][] = [];
for (const [index, part] of parts.entries()) {
  if (!part.startsWith("// ")) continue;
  const rest = parts.filter((_, other) => other !== index).join("");
  costs.push([part.slice(3, part.indexOf("\n")), whole - (await gzipped(rest))]);
}
console.log(`${whole} B gzipped in all (the bundle as bundleSize measures it, within a few bytes)`);
for (const [name, cost] of costs.sort((a, b) => b[1] - a[1])) console.log(`${String(cost).padStart(6)}  ${name}`);
