/**
 * The generator reading a spec written by an attacker: nothing from the spec becomes code, `$ref`s
 * stay in the spec's folder and off the network, and no small file can make it work without end.
 */
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codegenCommand } from "../../src/cli/codegen.js";
import { generateFiles, writeFiles } from "../../src/codegen/index.js";
import { SpecError } from "../../src/codegen/spec-source.js";
import { FOLDER_FILES } from "../helpers/generated-folder.js";
import { startTestServer, type TestServer } from "../helpers/http-server.js";
import { runScript } from "../helpers/run-script.js";
import { typecheck } from "../helpers/typecheck.js";

const root = path.resolve(import.meta.dirname, "../..");
const EVIL = "Evil*/globalThis.__pwnedName=1;/*";

/** A small valid 3.1 spec, with `extra` merged into its components' schemas and `body` as the request. */
function spec(schemas: Record<string, unknown>, body: unknown, info: Record<string, unknown> = {}) {
  return {
    openapi: "3.1.0",
    info: { title: "hostile", version: "1", ...info },
    paths: {
      "/x": {
        post: {
          operationId: "send*/globalThis.__pwnedOperation=1;/*",
          description: "*/ globalThis.__pwnedDescription = 1; /*",
          requestBody: { content: { "application/json": { schema: body } } },
          responses: { "200": { description: "ok" } },
        },
      },
    },
    components: { schemas },
  };
}

const pointerTo = (name: string) => `#/components/schemas/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sudo-images-hostile-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function write(name: string, value: unknown): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return file;
}

async function refusal(file: string, refs = {}): Promise<string> {
  const error = await generateFiles(file, { runtime: "sudo-images/runtime", refs }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(SpecError);
  const message = (error as SpecError).message;
  expect(message.split("\n")).toHaveLength(1);
  return message;
}

describe("spec text in generated code", () => {
  it("compiles, and importing it runs nothing the spec wrote", async () => {
    const schemas = {
      [EVIL]: {
        type: "object",
        description: "*/ globalThis.__pwnedSchema = 1; /*",
        properties: { "a*/b": { type: ["string", "null"], description: "x */ globalThis.__pwnedProperty=1; /*" } },
        required: ["a*/b"],
      },
    };
    const info = { title: "*/ globalThis.__pwnedTitle = 1; /*" };
    // A file name with a line break in it would carry code into the banner comment.
    const file = await write("evil\nglobalThis.__pwnedFile=1;.json", spec(schemas, { $ref: pointerTo(EVIL) }, info));
    const out = path.join(dir, "out-evil");
    const runtime = path.relative(out, path.join(root, "src/runtime/index.js")).split(path.sep).join("/");
    const { files } = await generateFiles(file, { runtime });
    await writeFiles(files, out);

    const compiled = await typecheck(out, {
      compilerOptions: { strict: true, skipLibCheck: true, noEmit: true, module: "NodeNext", target: "ES2022" },
      include: ["*.ts"],
    });
    expect(compiled).toBe("");
    const generated = (await import(path.join(out, "index.ts"))) as {
      validate(name: string, value: unknown): { pointer: string }[];
    };
    expect(Object.keys(globalThis).filter((key) => key.startsWith("__pwned"))).toEqual([]);
    // The evil name is still an ordinary name: its validator is there and works.
    expect(generated.validate(EVIL, { "a*/b": "ok" })).toEqual([]);
    expect(generated.validate(EVIL, {})).toEqual([
      { pointer: "/a*~1b", expected: "required property", received: "nothing" },
    ]);
  }, 60_000);
});

describe("$refs", () => {
  const body = (ref: string) => spec({}, { $ref: ref });

  it("refuses a file outside the spec's folder, and reads it with --allow-outside-refs", async () => {
    const secret = await write("secrets/credentials.json", { type: "string", description: "password=hunter2" });
    const file = await write("inner/outside.json", body(secret));
    expect(await refusal(file)).toMatch(
      /outside\.json:\d+:\d+: Can't resolve \$ref: refused: .*credentials\.json is outside the spec's folder; pass --allow-outside-refs to read it .*at #\/paths\/~1x\/post\/requestBody\/content\/application~1json\/schema \(and \d+ warning\(s\) about the spec; --verbose lists them\)$/,
    );
    const { files } = await generateFiles(file, { refs: { allowOutsideRefs: true }, runtime: "sudo-images/runtime" });
    expect(files.get("schema.ts")).toContain("password=hunter2");
  });

  it("refuses a $ref through a symlinked folder that leads outside the spec's real folder, at every door", async () => {
    await write("elsewhere/credentials.json", { type: "string", description: "token=sk-leaked" });
    await write("linked/schemas/name.json", { type: "string", description: "a name" });
    await symlink(path.join(dir, "elsewhere"), path.join(dir, "linked/shared"));
    const file = await write("linked/spec.json", body("shared/credentials.json"));
    const message = await refusal(file);
    expect(message).toMatch(
      /linked\/spec\.json:\d+:\d+: Can't resolve \$ref: refused: .*linked\/shared\/credentials\.json leads outside the spec's folder through a symbolic link \(to .*elsewhere\/credentials\.json\); pass --allow-outside-refs to read it .*at #\/paths\/~1x\/post\/requestBody\/content\/application~1json\/schema/,
    );
    expect(message).not.toContain("sk-leaked");
    // `npm run drift` reads through the same resolver.
    const drift = await runScript("scripts/drift.ts", [file, "--ours", file]);
    expect(drift.code).toBe(2);
    expect(drift.stdout).toBe("");
    expect(drift.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/refused: .*leads outside the spec's folder/),
    ]);
    expect(drift.stderr).not.toContain("sk-leaked");
    const allowed = await generateFiles(file, { refs: { allowOutsideRefs: true }, runtime: "sudo-images/runtime" });
    expect(allowed.files.get("schema.ts")).toContain("token=sk-leaked");
    // A link that stays inside, and a spec whose own folder is reached through a link, are read.
    await symlink(path.join(dir, "linked/schemas"), path.join(dir, "linked/alias"));
    await symlink(path.join(dir, "linked"), path.join(dir, "project-link"));
    const inside = await write("linked/inside.json", body("alias/name.json"));
    const { files } = await generateFiles(path.join(dir, "project-link", path.basename(inside)), {
      runtime: "sudo-images/runtime",
    });
    expect(files.get("schema.ts")).toContain("a name");
  });

  it("never fetches a remote $ref unless allowed", async () => {
    const server: TestServer = await startTestServer((_seen, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end('{"type":"string"}');
    });
    try {
      const file = await write("remote.json", body(`${server.url}/schema.json`));
      expect(await refusal(file)).toMatch(
        /refused: http:\/\/127\.0\.0\.1:\d+\/schema\.json is remote; pass --allow-remote-refs/,
      );
      expect(server.requests).toEqual([]);
      await generateFiles(file, { refs: { allowRemoteRefs: true }, runtime: "sudo-images/runtime" });
      expect(server.requests.map((seen) => seen.url)).toContain("/schema.json");
    } finally {
      await server.close();
    }
  });

  it("reads only regular files: /dev/stdin is refused at once, even where outside refs are allowed", async () => {
    const file = await write("stdin.json", body("/dev/stdin"));
    expect(await refusal(file, { allowOutsideRefs: true })).toMatch(/refused: \/dev\/stdin is not a regular file/);
  });

  it("refuses a chain of $refs too long to follow, naming where it starts", async () => {
    const schemas: Record<string, unknown> = { S500: { type: "string" } };
    for (let index = 0; index < 500; index++) schemas[`S${index}`] = { $ref: `#/components/schemas/S${index + 1}` };
    const file = await write("chain.json", spec(schemas, { $ref: "#/components/schemas/S0" }));
    expect(await refusal(file)).toMatch(
      /chain\.json: cannot read spec: refused: a chain of more than 100 \$refs from #\//,
    );
  });
});

describe("bounded work", () => {
  it("refuses a YAML alias bomb before anything walks it", async () => {
    const levels = ["  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let level = 1; level < 10; level++)
      levels.push(
        `  a${level}: &a${level} [${Array(10)
          .fill(`*a${level - 1}`)
          .join(", ")}]`,
      );
    const bomb = ["openapi: 3.1.0", "info: {title: bomb, version: '1'}", "paths: {}", "x-bomb:", ...levels, ""].join(
      "\n",
    );
    expect(bomb.length).toBeLessThan(1000);
    const file = await write("bomb.yaml", bomb);
    expect(await refusal(file)).toMatch(
      /bomb\.yaml: cannot read spec: refused: more than 5000000 values once YAML aliases are expanded/,
    );
  });

  it("refuses a __proto__ key with its JSON pointer, instead of dropping the schema", async () => {
    const schemas = JSON.parse('{"__proto__": {"type": "object", "required": ["x"]}}') as Record<string, unknown>;
    const file = await write("proto.json", spec(schemas, { $ref: "#/components/schemas/__proto__" }));
    expect(await refusal(file)).toMatch(/refused: a key named "__proto__" at #\/components\/schemas,/);
  });
});

describe("writing into a project", () => {
  const plain = spec({ Name: { type: "string" } }, { $ref: "#/components/schemas/Name" });

  /** Runs `sudo-images codegen` in this process; resolves to its exit code and what it printed. */
  async function codegen(...argv: string[]) {
    const printed = { stdout: "", stderr: "" };
    const code = await codegenCommand(
      argv,
      { write: (text: string) => (printed.stdout += text) },
      { write: (text: string) => (printed.stderr += text) },
    );
    return { code, ...printed };
  }

  it("never replaces a file it did not write without --force, and changes nothing when it refuses", async () => {
    const specFile = await write("app/openapi.json", plain);
    const src = path.join(dir, "app/src");
    const own = "export const app = 'mine';\n";
    await write("app/src/index.ts", own);
    const refused = await codegen("--spec", specFile, "--out", src);
    expect(refused.code).toBe(2);
    // The spec's lint warnings come first, indented; the one unindented line is the refusal.
    expect(refused.stderr.split("\n").filter((line) => /^\S/.test(line) && !/warning\(s\) about/.test(line))).toEqual([
      expect.stringMatching(
        /^sudo-images: refused: .*app\/src\/index\.ts was not written by sudo-images codegen.*--force/,
      ),
    ]);
    expect(await readdir(src)).toEqual(["index.ts"]);
    expect(await readFile(path.join(src, "index.ts"), "utf8")).toBe(own);

    const forced = await codegen("--spec", specFile, "--out", src, "--force");
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(src, "index.ts"), "utf8")).toMatch(
      /^\/\/ Generated from .* by `sudo-images codegen`/,
    );
    // Its own files it replaces without being asked, and no temporary file is left behind.
    expect((await codegen("--spec", specFile, "--out", src)).code).toBe(0);
    expect((await readdir(src)).sort()).toEqual(FOLDER_FILES);
  }, 60_000);

  it("replaces a file name that is a link, never writing through it to the file it points at", async () => {
    const victim = await write("victim/settings.ts", "export const secret = 1;\n");
    const out = path.join(dir, "linked-out");
    await mkdir(out, { recursive: true });
    await symlink(victim, path.join(out, "index.ts"));
    const { files } = await generateFiles(await write("linked-out.json", plain), { runtime: "sudo-images/runtime" });
    await expect(writeFiles(files, out)).rejects.toThrow(/linked-out\/index\.ts is a symbolic link.*--force/);
    expect((await lstat(path.join(out, "index.ts"))).isSymbolicLink()).toBe(true);
    expect(await readdir(out)).toEqual(["index.ts"]);

    await writeFiles(files, out, { force: true });
    expect((await lstat(path.join(out, "index.ts"))).isFile()).toBe(true);
    expect(await readFile(path.join(out, "index.ts"), "utf8")).toBe(files.get("index.ts"));
    expect(await readFile(victim, "utf8")).toBe("export const secret = 1;\n");
  });

  it("follows an --out that is itself a link: the folder named is the folder written", async () => {
    const target = path.join(dir, "out-target");
    await mkdir(target, { recursive: true });
    await symlink(target, path.join(dir, "out-link"));
    const { files } = await generateFiles(await write("out-link.json", plain), { runtime: "sudo-images/runtime" });
    await writeFiles(files, path.join(dir, "out-link"));
    expect((await lstat(path.join(dir, "out-link"))).isSymbolicLink()).toBe(true);
    expect((await readdir(target)).sort()).toEqual([...files.keys()].sort());
  });

  it("decides which runtime a folder imports from the package's own place, not the working directory", async () => {
    const project = path.join(dir, "has-runtime");
    await write("has-runtime/src/runtime/index.ts", "export const mine = true;\n");
    await write("has-runtime/openapi.json", plain);
    const result = await runScript("src/cli/bin.ts", ["codegen", "--spec", "openapi.json", "--out", "src/api"], {
      cwd: project,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(path.join(project, "src/api/index.ts"), "utf8")).toContain('from "./runtime.js"');
    expect(await readdir(path.join(project, "src/api"))).toContain("runtime.ts");
  }, 60_000);
});
