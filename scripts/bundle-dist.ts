/**
 * Part of `npm run build`: writes the package's JavaScript, one file per entry point (`exports`
 * and `bin` in package.json), with the code two entries share in `dist/chunks/`. tsc writes the
 * `.d.ts` files beside them, one per module, as editors and type checkers read them.
 *
 * Why bundle: Node loads each ES module from disk on its own, about a millisecond apiece, and the
 * core entry is some thirty modules. As one file it loads in a third of the time. Shared chunks,
 * not copies, keep one class per error across entries: an `ApiError` from `sudo-images/testing` is
 * an `instanceof ApiError` from `sudo-images`.
 */
import { readFileSync } from "node:fs";
import { build } from "esbuild";

interface Manifest {
  exports: Record<string, string | { default?: string }>;
  bin: Record<string, string>;
}

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as Manifest;
const built = [
  ...Object.values(manifest.exports).map((target) => (typeof target === "string" ? target : target.default)),
  ...Object.values(manifest.bin),
].filter((file): file is string => file?.startsWith("./dist/") === true && file.endsWith(".js"));
const entryPoints = [...new Set(built)].map((file) => file.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts"));

await build({
  entryPoints,
  outdir: "dist",
  outbase: "src",
  bundle: true,
  splitting: true,
  // A chunk sits as deep as an entry (dist/x/), so a path one finds from its own URL (the
  // runtime's sources, package.json) is the same from either.
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "es2022",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
console.log(`Wrote ${entryPoints.length} entry points to dist/`);
