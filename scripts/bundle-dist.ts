/**
 * Part of `npm run build`: writes the package's JavaScript, one file per entry point (`exports`
 * and `bin` in package.json), with the code two entries share in `dist/chunks/`. tsc writes the
 * `.d.ts` files beside them, one per module, as editors and type checkers read them.
 *
 * Why bundle: Node loads each ES module from disk on its own, about a millisecond apiece, and the
 * core entry is some thirty modules. As one file it loads in a third of the time. Shared chunks,
 * not copies, keep one class per error across entries: an `ApiError` from `sudo-images/testing` is
 * an `instanceof ApiError` from `sudo-images`.
 *
 * openapi-typescript is the one package dist/ carries a copy of (`dist/vendor/`), with the
 * TypeScript 5 compiler it builds its syntax tree with: it does `import ts from "typescript"`, which
 * npm resolves to the project's own TypeScript, and TypeScript 7 has no compiler API (codegen died
 * in a TypeError). A dependency on TypeScript 5 under another name would not do: its `tsc` can take
 * the project's `node_modules/.bin/tsc`, depending on the order of installs.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build, type Plugin } from "esbuild";

interface Manifest {
  exports: Record<string, string | { default?: string }>;
  bin: Record<string, string>;
  imports: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}

/**
 * The packages dist/ carries a copy of, each imported by `#name` (package.json `imports`):
 * openapi-typescript, and the TypeScript 5 it builds its syntax tree with, which the generator's
 * syntax check of its own output parses with too. One build, so they share one TypeScript.
 */
const VENDORED = ["openapi-typescript", "typescript"];

/** TypeScript is CommonJS that calls `require` and reads `__filename` as it loads; an ES module has neither. */
const COMMONJS_GLOBALS = [
  'import { createRequire as __createRequire } from "node:module";',
  'import { dirname as __dirnameOf } from "node:path";',
  'import { fileURLToPath as __fileURLToPath } from "node:url";',
  "const require = __createRequire(import.meta.url);",
  "const __filename = __fileURLToPath(import.meta.url);",
  "const __dirname = __dirnameOf(__filename);",
].join("\n");

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as Manifest;
const built = [
  ...Object.values(manifest.exports).map((target) => (typeof target === "string" ? target : target.default)),
  ...Object.values(manifest.bin),
].filter((file): file is string => file?.startsWith("./dist/") === true && file.endsWith(".js"));
/**
 * Modules that run as a worker thread's entry (`new Worker(url)`), which no `exports` names: each
 * is written where its source is (`src/codegen/x.ts` to `dist/codegen/x.js`), where the code that
 * starts it looks.
 */
const WORKERS = ["src/codegen/validators-worker.ts"];
const entryPoints = [
  ...[...new Set(built)].map((file) => file.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts")),
  ...WORKERS,
];

/** The source's `import … from "openapi-typescript"` (or "typescript") becomes one of the copy, found from any depth of dist/. */
const useVendoredCopy: Plugin = {
  name: "vendored-copy",
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${VENDORED.join("|")})$`) }, ({ path }) => ({
      path: `#${path}`,
      external: true,
    }));
  },
};

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
  plugins: [useVendoredCopy],
  sourcemap: true,
  logLevel: "warning",
});
await buildVendored();
console.log(`Wrote ${entryPoints.length} entry points and ${VENDORED.join(", ")} to dist/`);

/**
 * openapi-typescript and what it imports, TypeScript among them, as one minified file; what this
 * package declares (its peers: @redocly/openapi-core) stays an import. The licenses of what is
 * inlined are written beside it.
 */
async function buildVendored(): Promise<void> {
  const [generator] = VENDORED as [string];
  const compiler = createRequire(createRequire(import.meta.url).resolve(generator)).resolve("typescript");
  const ts = createRequire(import.meta.url)(compiler) as { version: string; factory?: unknown };
  if (ts.factory === undefined) {
    throw new Error(`${generator} finds TypeScript ${ts.version}, which has no compiler API: it needs TypeScript 5`);
  }
  const files = VENDORED.map((name) => manifest.imports[`#${name}`] as string);
  const outdir = path.dirname(files[0] as string);
  const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  const { metafile } = await build({
    // Each entry named as its file in `imports`; TypeScript as openapi-typescript resolves it.
    entryPoints: {
      [path.basename(files[0] as string, ".js")]: generator,
      [path.basename(files[1] as string, ".js")]: compiler,
    },
    outdir,
    splitting: true,
    chunkNames: "shared-[hash]",
    bundle: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    external: declared.flatMap((name) => [name, `${name}/*`]),
    banner: { js: COMMONJS_GLOBALS },
    // 10 MB as written, 3.6 MB minified; no source map (its sources are not shipped).
    minify: true,
    metafile: true,
    logLevel: "warning",
  });
  writeFileSync(path.join(outdir, "LICENSES.txt"), licenses(Object.keys(metafile.inputs)));
}

/** Each inlined package's name, version and license text, in name order. */
function licenses(inputs: string[]): string {
  const roots = new Set(inputs.map((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]));
  const notices = [...roots].filter((root): root is string => root !== undefined).map(notice);
  return notices.sort().join(`\n${"-".repeat(72)}\n\n`);
}

/** One package's notice: its license file, or what its package.json says when it ships none (change-case). */
function notice(root: string): string {
  const { name, version, license } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const file = readdirSync(root).find((entry) => /^licen[cs]e/i.test(entry));
  const text = file
    ? readFileSync(path.join(root, file), "utf8").trim()
    : `(no license file; package.json: ${license})`;
  return `${name}@${version} (${license})\n\n${text}\n`;
}
