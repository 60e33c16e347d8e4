/**
 * The package as users get it: packed with `npm pack`, installed from the tarball into a fresh
 * project, compiled as a strict TypeScript consumer (node16 and bundler resolution), run, and its
 * CLI run through npx.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFiles, writeFiles } from "../../src/codegen/index.js";
import { type MockScenario, type MockServer, startMockServer } from "../../src/testing/index.js";
import { FOLDER_FILES } from "../helpers/generated-folder.js";
import { pngSize } from "../helpers/png.js";

const root = path.resolve(import.meta.dirname, "../..");
const exec = promisify(execFile);
const tsc = path.join(root, "node_modules/.bin/tsc");

let project: string;
let packedFiles: string[];
let tarball: string;

async function npm(args: string[], cwd: string) {
  return exec("npm", args, { cwd, env: { ...process.env, npm_config_update_notifier: "false" }, maxBuffer: 1 << 24 });
}

/** Runs `code` as an ES module in the consumer project (where the tarball is installed); resolves to what it printed, trimmed. */
async function runModule(code: string): Promise<string> {
  const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", code], { cwd: project });
  return stdout.trim();
}

/**
 * Writes `lines` as `dir/<name>.ts` with a tsconfig of its own, compiles it with `tscBin`, and
 * expects no type error.
 */
async function compiles(dir: string, name: string, lines: string[], compilerOptions: object, tscBin = tsc) {
  await writeFile(path.join(dir, `${name}.ts`), `${lines.join("\n")}\n`);
  const config = `tsconfig.${name}.json`;
  await writeFile(path.join(dir, config), JSON.stringify({ compilerOptions, files: [`${name}.ts`] }));
  const result = await exec(tscBin, ["-p", config], { cwd: dir }).catch((error) => error);
  expect(result.stdout ?? "", `type errors in ${name}.ts`).toBe("");
}

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), "sudo-images-consumer-"));
  const { stdout } = await npm(["pack", "--json", "--pack-destination", project], root);
  const [pack] = JSON.parse(stdout.slice(stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
  packedFiles = (pack?.files ?? []).map((file) => file.path).sort();
  await writeFile(
    path.join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  tarball = path.join(project, pack?.filename as string);
  await npm(
    ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball, "openapi-fetch@0.17", "@types/node@20"],
    project,
  );
  await cp(path.join(root, "tests/consumer/consumer.ts"), path.join(project, "consumer.ts"));
}, 180_000);
afterAll(() => rm(project, { recursive: true, force: true }));

describe("the packed package on Bun, Deno and workerd", { timeout: 60_000 }, () => {
  const mocks: MockServer[] = [];
  let servers: Record<string, string>;
  const expected = {
    b64: "png 256x256",
    url: "png 256x256",
    nulls: "data",
    badRequest: [true, true, 400, true, true],
    lite: "png 256x256",
    liteBadRequest: [true, true, 400, true, true],
    rateLimited: [true, true, 429, true, true],
    timeout: true,
    abort: true,
    keyGuard: "no refusal",
  };
  beforeAll(async () => {
    const start = async (scenario: MockScenario, delayMs = 0) => {
      const mock = await startMockServer({ scenario, delayMs });
      mocks.push(mock);
      return mock.url;
    };
    servers = {
      normal: await start("normal"),
      nulls: await start("nulls"),
      badRequest: await start({ status: 400, message: "the prompt is not allowed" }),
      rateLimited: await start({ status: 429, message: "slow down" }),
      slow: await start("normal", 5_000),
    };
    await cp(path.join(root, "tests/runtimes"), path.join(project, "runtimes"), { recursive: true });
  });
  afterAll(async () => {
    for (const mock of mocks) await mock.close();
  });

  const bin = (name: string) => path.join(root, "node_modules/.bin", name);

  it("runs the consumer on Bun (TypeScript, straight from the tarball's install)", async () => {
    const { stdout } = await exec(bin("bun"), ["run", "runtimes/cli.ts", JSON.stringify(servers)], { cwd: project });
    expect(JSON.parse(stdout)).toEqual(expected);
  }, 60_000);

  it("runs the consumer on Deno with --allow-net=127.0.0.1 only, and deno check accepts the published types", async () => {
    const env = { ...process.env, DENO_DIR: path.join(project, ".deno"), DENO_NO_UPDATE_CHECK: "1" };
    const args = ["run", "--allow-net=127.0.0.1", "--allow-read=.", "runtimes/cli.ts", JSON.stringify(servers)];
    const { stdout } = await exec(bin("deno"), args, { cwd: project, env });
    expect(JSON.parse(stdout)).toEqual(expected);
    const checked = await exec(bin("deno"), ["check", "runtimes/cli.ts"], { cwd: project, env }).catch(
      (error) => error,
    );
    expect(checked.stderr ?? "", "deno check").not.toMatch(/error/i);
  }, 60_000);

  it("runs the consumer as a module worker in workerd (Miniflare), the core and lite entries only", async () => {
    const bundle = await build({
      entryPoints: [path.join(project, "runtimes/worker.ts")],
      bundle: true,
      format: "esm",
      platform: "browser",
      conditions: ["worker", "browser"],
      write: false,
      absWorkingDir: project,
      logLevel: "silent",
    });
    const { Miniflare } = await import("miniflare");
    const worker = new Miniflare({
      modules: true,
      script: bundle.outputFiles[0]?.text ?? "",
      compatibilityDate: "2025-09-01",
    });
    try {
      const response = await worker.dispatchFetch(
        `http://worker/?servers=${encodeURIComponent(JSON.stringify(servers))}`,
      );
      expect(await response.json()).toEqual(expected);
    } finally {
      await worker.dispose();
    }
  }, 60_000);
});

// Each test runs tsc, npm or a runtime on the installed package: seconds on a quiet machine, far
// more on a busy one, so they get a minute each rather than the suite's 20 s.
describe("the packed package", { timeout: 60_000 }, () => {
  it("ships dist, the sources its maps point at, and the spec; no tests, fixtures or bench", async () => {
    // A shared chunk is named for its content (dist/chunks/chunk-<hash>.js); the list names how many.
    const listed = packedFiles.map((file) => file.replace(/-[A-Z0-9]{8}(\.js(?:\.map)?)$/, "-<hash>$1"));
    await expect(`${listed.join("\n")}\n`).toMatchFileSnapshot("__snapshots__/package-files.txt");
    expect(packedFiles.filter((file) => /^(tests|bench|scripts)\/|fixtures|\.test\./.test(file))).toEqual([]);
    expect(packedFiles).toContain("openapi/sudo-images.yaml");
  });

  it.each([
    ["node16", { module: "node16", moduleResolution: "node16" }],
    ["bundler", { module: "esnext", moduleResolution: "bundler" }],
  ])("compiles a strict consumer under moduleResolution %s", async (name, resolution) => {
    const config = {
      compilerOptions: { ...resolution, target: "es2022", strict: true, types: ["node"], outDir: `out-${name}` },
      files: ["consumer.ts"],
    };
    await writeFile(path.join(project, `tsconfig.${name}.json`), JSON.stringify(config));
    const result = await exec(tsc, ["-p", `tsconfig.${name}.json`], { cwd: project }).catch((error) => error);
    expect(result.stdout ?? "", "type errors").toBe("");
  });

  it("compiles every TypeScript example of the README against the installed package", async () => {
    const readme = await readFile(path.join(root, "README.md"), "utf8");
    // The codegen and kit examples import a folder written from Directus's spec, with its body
    // schemas (what the testing kit reads).
    const api = path.join(project, "api");
    const { files: generated } = await generateFiles(
      path.join(root, "node_modules/@directus/specs/dist/openapi.json"),
      { out: api, bodySchemas: true },
    );
    await writeFiles(generated, api);
    // A block marked five-minutes is written for its own petstore spec; docs.test.ts typechecks and runs it there.
    const blocks = [...readme.matchAll(/(<!-- five-minutes[^\n]*\n)?```ts\n([\s\S]*?)```/g)]
      .filter((match) => match[1] === undefined)
      .map((match) => match[2] as string);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const files = await Promise.all(
      blocks.map(async (code, index) => {
        const file = `readme-${index + 1}.ts`;
        // Every example runs as written: nothing is declared for it.
        await writeFile(path.join(project, file), `${code}\nexport {};\n`);
        return file;
      }),
    );
    // vitest is not installed in the consumer; its example only needs the names to exist.
    const vitest = 'declare module "vitest" { export const it: any, expect: any, beforeAll: any, afterAll: any; }';
    await writeFile(path.join(project, "vitest-shim.d.ts"), vitest);
    const config = {
      compilerOptions: {
        module: "esnext",
        moduleResolution: "bundler",
        target: "es2022",
        strict: true,
        types: ["node"],
        noEmit: true,
      },
      files: [...files, "vitest-shim.d.ts"],
    };
    await writeFile(path.join(project, "tsconfig.readme.json"), JSON.stringify(config));
    const result = await exec(tsc, ["-p", "tsconfig.readme.json"], { cwd: project }).catch((error) => error);
    expect(result.stdout ?? "", "type errors in README examples").toBe("");
  });

  it("runs the consumer against startMockServer and gets a normalized result", async () => {
    const { stdout } = await exec(process.execPath, ["out-node16/consumer.js"], { cwd: project });
    const output = JSON.parse(stdout) as {
      typed: boolean;
      urls: string[];
      raw: number;
      kinds: boolean[];
      lite: number;
    };
    expect(output.typed).toBe(true);
    expect(output.urls[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/images\/.+\.png$/);
    expect(output.raw).toBe(1);
    expect(output.kinds).toEqual([true, true, false]);
    // sudo-images/lite, compiled under node16 and bundler resolution like the core entry, and run.
    expect(output.lite).toBe(1);
  });

  it("compiles and runs a folder generated from the upstream spec against the installed sudo-images/runtime", async () => {
    const out = path.join(project, "upstream");
    const { files } = await generateFiles(path.join(root, "openapi/upstream/sudo-openapi.json"), {
      out,
      runtime: "sudo-images/runtime",
    });
    await writeFiles(files, out);
    const use = [
      'import { normalize, validate, type SchemaName } from "./upstream/index.js";',
      'const name: SchemaName = "ImageGeneration";',
      "const body = normalize(name, { data: [], usage: null, created: null });",
      'console.log(JSON.stringify({ body, problems: validate("ImageGeneration", { data: 1 }).length }));',
      "// @ts-expect-error not a schema of this spec",
      'normalize("Pet", {});',
    ];
    await compiles(project, "use-upstream", use, {
      module: "node16",
      moduleResolution: "node16",
      target: "es2022",
      strict: true,
      skipLibCheck: true,
      outDir: "out-upstream",
    });
    const { stdout } = await exec(process.execPath, ["out-upstream/use-upstream.js"], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ body: { data: [] }, problems: 1 });
    // The runtime's old name still leads to it, for folders generated before it was renamed.
    const same =
      "const [a, b] = await Promise.all([import('sudo-images/runtime'), import('sudo-images/spec')]); console.log(a.bindSpec === b.bindSpec);";
    expect(await runModule(same)).toBe("true");
  });

  it("has one class per error across entry points: an error from sudo-images/node is an instanceof from sudo-images", async () => {
    // dist/ is bundled per entry; the error classes must live in a chunk the entries share, not in copies.
    const script = [
      'const { ImageError } = await import("sudo-images");',
      'const { saveImages } = await import("sudo-images/node");',
      'const error = await saveImages({ data: [{}] }, "never-written").catch((caught) => caught);',
      "console.log(error.name, error instanceof ImageError);",
    ].join(" ");
    expect(await runModule(script)).toBe("ImageError true");
  });

  it("exports the spec (YAML and parsed) and runs verifyServer against startMockServer", async () => {
    const script = [
      'import spec from "sudo-images/openapi.json" with { type: "json" };',
      'import { startMockServer, verifyServer } from "sudo-images/testing";',
      'const yaml = import.meta.resolve("sudo-images/openapi.yaml");',
      'const mock = await startMockServer({ apiKey: "k" });',
      'const report = await verifyServer(mock.url, { apiKey: "k", budget: 12 });',
      "await mock.close();",
      "console.log(JSON.stringify({ title: spec.info.title, yaml: yaml.endsWith('/openapi/sudo-images.yaml'), passed: report.passed.length, failed: report.failed }));",
    ];
    await writeFile(path.join(project, "verify.mjs"), `${script.join("\n")}\n`);
    const { stdout } = await exec(process.execPath, ["verify.mjs"], { cwd: project });
    const output = JSON.parse(stdout) as { title: string; yaml: boolean; passed: number; failed: unknown[] };
    expect(output).toMatchObject({ title: "Sudo Images API", yaml: true, failed: [] });
    expect(output.passed).toBeGreaterThan(30);
  });

  it("runs the installed CLI through npx and gets a PNG", async () => {
    const args = ["--no-install", "sudo-images", "generate", "a heron", "--mock", "--out", "out", "--size", "256x256"];
    const { stdout } = await exec("npx", args, { cwd: project });
    expect(stdout).toContain("saved out/a-heron.png  256x256");
    expect(await readdir(path.join(project, "out"))).toEqual(["a-heron.png"]);
    expect(pngSize(await readFile(path.join(project, "out/a-heron.png")))).toEqual({ width: 256, height: 256 });
  });
});

describe("sudo-images codegen from the installed package", { timeout: 120_000 }, () => {
  let app: string;
  const directus = path.join(root, "node_modules/@directus/specs/dist/openapi.json");
  beforeAll(async () => {
    app = await mkdtemp(path.join(tmpdir(), "sudo-images-codegen-"));
    await writeFile(
      path.join(app, "package.json"),
      JSON.stringify({ name: "other-api", private: true, type: "module" }),
    );
    await npm(["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], app);
  }, 180_000);
  afterAll(() => rm(app, { recursive: true, force: true }));

  it("says in one line what to install when the generator's packages are missing", async () => {
    const result = await exec("npx", ["--no-install", "sudo-images", "codegen", "--spec", directus, "--out", "gen"], {
      cwd: app,
    }).catch((error: { code: number; stderr: string }) => error);
    expect((result as { code: number }).code).toBe(1);
    expect((result as { stderr: string }).stderr).toMatch(
      /^sudo-images: codegen needs \S+, which is not installed: npm install --save-dev ajv@8 @redocly\/openapi-core@1\n$/,
    );
  });

  it("generates Directus in a project whose TypeScript is 7, into a folder that compiles under strict with TypeScript 7 and 5.9 and runs with nothing installed at run time", async () => {
    // The README's codegen line after the tarball, beside what `npm i -D typescript` gives: TypeScript 7,
    // which has no compiler API for openapi-typescript (a TypeError before dist/ carried its own).
    const readme = await readFile(path.join(root, "README.md"), "utf8");
    const generator = /^npm install --save-dev \S+\.tgz ([^#\n]+)/m.exec(readme)?.[1]?.trim().split(/\s+/) ?? [];
    expect(generator).toContain("ajv@8");
    const packages = [...generator, "typescript@7.0.2"];
    await npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--save-dev", ...packages], app);
    const appTsc = path.join(app, "node_modules/.bin/tsc");
    expect((await exec(appTsc, ["--version"])).stdout).toMatch(/^Version 7\./);
    const local = path.join(app, "directus.json");
    await cp(directus, local);
    const { stderr } = await exec(
      "npx",
      ["--no-install", "sudo-images", "codegen", "--spec", "directus.json", "--out", "gen"],
      {
        cwd: app,
      },
    );
    expect(stderr).toMatch(/warning\(s\) about directus\.json \(the spec is still generated\)/);
    expect((await readdir(path.join(app, "gen"))).sort()).toEqual(FOLDER_FILES);
    const use = [
      'import { normalize, parse, validate } from "./gen/index.js";',
      'const body = { data: { id: "u1", first_name: "Ada", title: null, tags: null } };',
      'const problems = validate("getMe_200", body);',
      // The typed result, no cast: a field the spec makes nullable is optional and never null.
      'const title: string | undefined = parse("getMe_200", body).data?.title;',
      'console.log(JSON.stringify({ problems, title, me: normalize("getMe_200", body) }));',
    ];
    // What `tsc --init` writes under TypeScript 7, the strictest flags a new project starts with, and
    // @tsconfig/strictest's noPropertyAccessFromIndexSignature: the folder's runtime.ts is the app's code.
    const options = {
      module: "nodenext",
      target: "es2022",
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noPropertyAccessFromIndexSignature: true,
      verbatimModuleSyntax: true,
      moduleDetection: "force",
      outDir: "out",
      types: [],
    };
    // The app's own TypeScript 7 writes the JavaScript; this repository's 5.9 checks the same folder.
    await compiles(app, "use", use, options, appTsc);
    await compiles(app, "use-ts5", use, { ...options, noEmit: true }, tsc);
    // Run where nothing is installed: the folder needs no package at run time.
    const bare = await mkdtemp(path.join(tmpdir(), "sudo-images-bare-"));
    try {
      await cp(path.join(app, "out"), bare, { recursive: true });
      await writeFile(path.join(bare, "package.json"), JSON.stringify({ type: "module" }));
      const { stdout } = await exec(process.execPath, ["use.js"], { cwd: bare });
      expect(JSON.parse(stdout)).toEqual({ problems: [], me: { data: { id: "u1", first_name: "Ada" } } });
      expect(JSON.parse(stdout)).not.toHaveProperty("title");
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });
});
