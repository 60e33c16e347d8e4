import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateFiles, writeFiles } from "../../src/codegen/index.js";
import { nullableShapes } from "../../src/codegen/shapes.js";
import { SpecError } from "../../src/codegen/spec-source.js";
import { runScript } from "../helpers/run-script.js";
import { typecheck } from "../helpers/typecheck.js";

const root = path.resolve(import.meta.dirname, "../..");
const SPEC = "openapi/sudo-images.yaml";
const SPEC_30 = "tests/fixtures/sudo-images-3.0.yaml";

/** Runs `npm run generate`'s script as npm does (with tsx), in `cwd`, and reports how it ended. */
async function generateCli(cwd: string, ...args: string[]) {
  return runScript("scripts/generate.ts", args, { cwd });
}

const withoutBanner = (text: string | undefined) => text?.split("\n").slice(1).join("\n");

describe("generated code", () => {
  it("is what the committed spec generates", async () => {
    // npm run generate names Sudo's key variable; the title alone would give SUDO_IMAGES_API_KEY.
    const { files } = await generateFiles(SPEC, { apiKeyEnv: "SUDO_API_KEY" });
    for (const [name, text] of files) {
      expect(await readFile(path.join(root, "src/generated", name), "utf8"), name).toBe(text);
    }
  });

  it("starts every file with a banner naming the command that regenerates it", async () => {
    const { files } = await generateFiles(SPEC);
    expect([...files.keys()].sort()).toEqual(["client.ts", "index.ts", "metadata.ts", "schema.ts", "validators.ts"]);
    for (const text of files.values())
      expect(text).toMatch(/^\/\/ Generated from openapi\/sudo-images\.yaml by `sudo-images codegen`/);
  });

  it("comes out the same from the OpenAPI 3.0 fixture, nullable $ref included, but for the rules 3.0 cannot write", async () => {
    // OpenAPI 3.0 has no if/then, so the fixture holds the field rules only: compare it with the
    // spec less its model rules, and see that those rules are all that tells the two apart.
    const dir = await mkdtemp(path.join(tmpdir(), "sudo-images-30-"));
    const spec = await readFile(path.join(root, SPEC), "utf8");
    const withoutRules = spec.replace(/\n {6}# Each model's own rules[\s\S]*?(?=\n {4}ImageGeneration:)/, "");
    expect(withoutRules.length).toBeLessThan(spec.length - 1000);
    await writeFile(path.join(dir, "sudo-images.yaml"), withoutRules);
    const [v31, v30] = await Promise.all([generateFiles(path.join(dir, "sudo-images.yaml")), generateFiles(SPEC_30)]);
    await rm(dir, { recursive: true });
    for (const name of ["schema.ts", "metadata.ts"]) {
      expect(withoutBanner(v30.files.get(name)), name).toBe(withoutBanner(v31.files.get(name)));
    }
    expect(v30.files.get("schema.ts")).toMatch(/usage\?: components\["schemas"\]\["ImageUsage"\] \| null;/);
    expect(v30.files.get("metadata.ts")).toMatch(/"ImageGeneration": \{"nullable":\[[^\]]*"usage"/);
  });
});

describe("a broken spec", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sudo-images-spec-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function specWith(name: string, edit: (spec: string) => string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, edit(await readFile(path.join(root, SPEC), "utf8")));
    return file;
  }

  async function specError(file: string): Promise<string> {
    const error = await generateFiles(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    return (error as SpecError).message;
  }

  it("names the file, line and column of bad YAML", async () => {
    const file = await specWith("bad-yaml.yaml", (spec) => spec.replace("  version: 1.0.0", "  version: [1.0.0"));
    expect(await specError(file)).toMatch(/bad-yaml\.yaml:\d+:\d+: cannot read spec: /);
  });

  it("names the place of a dangling $ref", async () => {
    const file = await specWith("dangling.yaml", (spec) => spec.replace('schemas/ImageUsage"', 'schemas/ImageUsag"'));
    const message = await specError(file);
    expect(message).toMatch(/dangling\.yaml:\d+:\d+: Can't resolve \$ref \[no-unresolved-refs\]/);
    expect(message).toContain("#/components/schemas/ImageGeneration/properties/usage/oneOf/0");
  });

  it("says what an emitter cannot compile, in one line with the count of warnings", async () => {
    const file = await specWith("lint.yaml", (spec) =>
      spec.replace("      operationId: generateImage\n", "      operationId: 12\n"),
    );
    expect(await specError(file)).toMatch(
      /lint\.yaml: cannot generate: .* \(and 1 warning\(s\) about the spec; --verbose lists them\)$/,
    );
  });

  it("refuses two operations with one operationId, naming the second", async () => {
    const file = path.join(dir, "twice.json");
    const operation = { operationId: "same", responses: { "204": { description: "none" } } };
    const spec = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { "/a": { get: operation } } };
    await writeFile(file, JSON.stringify({ ...spec, paths: { ...spec.paths, "/b/{c}": { post: operation } } }));
    expect(await specError(file)).toMatch(
      /twice\.json: cannot generate: Every operation must have a unique `operationId`\. at #\/paths\/~1b~1\{c\}\/post\/operationId \(and \d+ warning/,
    );
  });

  it("refuses a document that is not OpenAPI 3.0 or 3.1", async () => {
    const swagger = path.join(root, "node_modules/@readme/oas-examples/2.0/json/petstore.json");
    expect(await specError(swagger)).toMatch(
      /petstore\.json: not an OpenAPI 3\.0 or 3\.1 document \(swagger 2\.0\) \(and \d+ warning\(s\) about the spec; --verbose lists them\)$/,
    );
    const other = path.join(dir, "other.json");
    await writeFile(other, JSON.stringify({ asyncapi: "2.6.0", info: {} }));
    expect(await specError(other)).toMatch(/other\.json: not an OpenAPI 3\.0 or 3\.1 document/);
  });

  it("exits 1 with one line and writes nothing", async () => {
    const file = await specWith("cli-broken.yaml", (spec) => spec.replace("openapi: 3.1.0", "openapi: [3.1.0"));
    const out = path.join(dir, "never-written");
    const result = await generateCli(dir, "--spec", file, "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^sudo-images: cli-broken\.yaml:\d+:\d+: cannot read spec: /),
    ]);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });
});

describe("npm run generate -- --check", () => {
  let copy: string;
  beforeAll(async () => {
    // A copy of the package, script and all: the generator knows its own repository by where it is.
    copy = await mkdtemp(path.join(tmpdir(), "sudo-images-check-"));
    for (const folder of ["openapi", "src", "scripts"]) {
      await cp(path.join(root, folder), path.join(copy, folder), { recursive: true });
    }
    await cp(path.join(root, "package.json"), path.join(copy, "package.json"));
    await symlink(path.join(root, "node_modules"), path.join(copy, "node_modules"));
  });
  afterAll(() => rm(copy, { recursive: true, force: true }));

  /** The copy's own `npm run generate`, run in the copy. */
  const generateCopy = (...args: string[]) => runScript(path.join(copy, "scripts/generate.ts"), args, { cwd: copy });

  it("passes when the generated code matches, then fails and names what a spec edit made stale", async () => {
    const clean = await generateCopy("--check");
    expect(clean.code).toBe(0);
    const spec = path.join(copy, SPEC);
    await writeFile(spec, (await readFile(spec, "utf8")).replace("A text description of the image", "A description"));
    const stale = await generateCopy("--check");
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(
      "Generated code is not up to date with openapi/sudo-images.yaml: src/generated/schema.ts (differs)",
    );
    expect(stale.stderr).not.toContain("metadata.ts");
  }, 60_000);
});

describe("nullable metadata", () => {
  it.each([
    ["a 3.1 type array", { type: ["string", "null"] }, ["v"]],
    ["an anyOf with a null branch", { anyOf: [{ type: "integer" }, { type: "null" }] }, ["v"]],
    ["an enum with null", { enum: ["a", null] }, ["v"]],
    ["a const null", { const: null }, ["v"]],
    ["a $ref to a nullable schema", { $ref: "#/$defs/MaybeText" }, ["v"]],
    ["a plain string", { type: "string" }, undefined],
    ["an allOf where one part forbids null", { allOf: [{ type: ["string", "null"] }, { type: "string" }] }, undefined],
  ])("finds %s nullable", (_name, property, nullable) => {
    const defs = { Subject: { type: "object", properties: { v: property } }, MaybeText: { type: ["string", "null"] } };
    expect(nullableShapes(defs).Subject?.nullable).toEqual(nullable);
  });

  it("follows allOf parts, aliases and recursive schemas, and leaves out what has no null", () => {
    const defs = {
      Base: { type: "object", properties: { note: { type: ["string", "null"] } } },
      Extended: { allOf: [{ $ref: "#/$defs/Base" }, { properties: { tree: { $ref: "#/$defs/Tree" } } }] },
      Alias: { $ref: "#/$defs/Base" },
      Tree: {
        type: "object",
        properties: {
          label: { type: ["string", "null"] },
          children: { type: "array", items: { $ref: "#/$defs/Tree" } },
        },
      },
      Plain: { type: "object", properties: { id: { type: "integer" }, base: { $ref: "#/$defs/Plain" } } },
    };
    const shapes = nullableShapes(defs);
    expect(shapes.Extended).toEqual({ nullable: ["note"], properties: { tree: "Tree" } });
    expect(shapes.Alias).toEqual({ nullable: ["note"] });
    expect(shapes.Tree).toEqual({ nullable: ["label"], properties: { children: { items: "Tree" } } });
    expect(shapes.Plain).toBeUndefined();
  });
});

describe("a spec published with mistakes", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sudo-images-mistakes-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** A 3.1 spec whose operations are `{ operationId: body schema }` (each a POST with that request body). */
  async function specOf(name: string, bodies: Record<string, unknown>, schemas: Record<string, unknown> = {}) {
    const paths = Object.fromEntries(
      Object.entries(bodies).map(([id, schema]) => [
        `/${id}`,
        {
          post: {
            operationId: id,
            requestBody: { content: { "application/json": { schema } } },
            responses: { "400": { $ref: "#/components/responses/Problem" } },
          },
        },
      ]),
    );
    const problem = { type: "object", properties: { detail: { type: "string" } } };
    const responses = { Problem: { description: "no", content: { "application/json": { schema: problem } } } };
    const spec = { openapi: "3.1.0", info: { title: name, version: "1" }, paths, components: { schemas, responses } };
    const file = path.join(dir, `${name}.json`);
    await writeFile(file, JSON.stringify(spec));
    return file;
  }

  /** Generates `file` into its own folder and imports it. */
  async function generated(file: string) {
    const out = path.join(dir, path.basename(file, ".json"));
    const runtime = path.relative(out, path.join(root, "src/runtime/index.js")).split(path.sep).join("/");
    const { files, warnings } = await generateFiles(file, { runtime });
    await writeFiles(files, out);
    const module = (await import(path.join(out, "index.ts"))) as {
      validate(name: string, value: unknown): { pointer: string; expected: string }[];
      routes: Record<string, { request?: string; responses: Record<string, string> }>;
    };
    return { files, warnings, module, out };
  }

  it("writes each error once through _issue, even for property names that look like its code", async () => {
    const names = ['a,schemaPath:"x', 'b",keyword:"y', "c};\nconst err9 = {", "d\\"];
    const request = {
      type: "object",
      required: names,
      properties: Object.fromEntries(names.map((name) => [name, { type: "integer", maximum: 3 }])),
    };
    const { module, files } = await generated(await specOf("issue-names", { odd: request }));
    const body = Object.fromEntries(names.map((name) => [name, 9]));
    const violations = module.validate("odd_request", body);
    expect(violations.map((v) => `${v.pointer} ${v.expected}`)).toEqual(
      names.map((name) => `/${name.replace(/~/g, "~0").replace(/\//g, "~1")} must be <= 3`),
    );
    expect(module.validate("odd_request", {}).map((v) => v.pointer)).toEqual(names.map((name) => `/${name}`));
    // Ajv's error objects are all compacted: none keeps its keys spelled out.
    expect(files.get("validators.ts")).not.toMatch(/\{instancePath[,:]/);
  });

  it("turns openapi-typescript's console warnings into placed warnings, and prints none itself", async () => {
    const pet = {
      oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Litter" }],
      discriminator: {
        propertyName: "kind",
        mapping: { cat: "#/components/schemas/Cat", litter: "#/components/schemas/Litter" },
      },
    };
    const schemas = {
      Cat: { type: "object", properties: { kind: { type: "string" } } },
      Litter: { type: "array", items: { $ref: "#/components/schemas/Cat" } },
    };
    const printed = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const { warnings } = await generated(await specOf("discriminated", { adopt: pet }, schemas));
      expect(printed).not.toHaveBeenCalled();
      const found = warnings.filter((warning) => warning.includes("openapi-typescript: "));
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]).toMatch(/discriminated\.json:\d+:\d+: openapi-typescript: Discriminator mapping .* at #\//);
      expect(found.join("\n")).not.toContain("\u001b");
      expect(found.join("\n")).not.toContain("⚠");
    } finally {
      printed.mockRestore();
    }
  });

  it("reads a null schema as any value, and says where it was", async () => {
    const { warnings, module } = await generated(await specOf("null-schema", { upload: null }));
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /null-schema\.json:1:\d+: the schema is null, not a schema; any value is accepted there at #\/paths\/~1upload\/post\/requestBody\/content\/application~1json\/schema$/,
      ),
    );
    expect(module.validate("upload_request", { anything: [1, "two"] })).toEqual([]);
  });

  it("merges a required list that names a key twice, and drops 2019-09 keywords with a warning", async () => {
    const tree = {
      $recursiveAnchor: true,
      type: "object",
      required: ["id", "id"],
      properties: { id: { type: "string" } },
    };
    const { warnings, module } = await generated(
      await specOf("old-draft", { plant: { $ref: "#/components/schemas/Tree" } }, { Tree: tree }),
    );
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /old-draft\.json:1:\d+: \$recursiveAnchor \(JSON Schema 2019-09\) dropped; 2020-12 has \$dynamicRef instead at #\/components\/schemas\/Tree$/,
      ),
    );
    expect(module.validate("Tree", {})).toEqual([
      { pointer: "/id", expected: "required property", received: "nothing" },
    ]);
  });

  it("keeps if/then rules as data: the validator refuses a broken rule and names it by its title", async () => {
    const request = {
      type: "object",
      required: ["model"],
      properties: { model: { type: "string" }, n: { type: "integer", maximum: 10 }, style: { type: "string" } },
      // JSON, since an object literal with a `then` key reads as a promise to linters.
      allOf: JSON.parse(`[
        { "title": "dall-e-3", "if": { "properties": { "model": { "const": "dall-e-3" } } },
          "then": { "properties": { "n": { "enum": [1] } } } },
        { "if": { "properties": { "model": { "const": "dall-e-2" } } },
          "then": { "properties": { "style": { "type": "null" } } } }
      ]`),
    };
    const { module, files } = await generated(await specOf("rules", { draw: request }));
    expect(module.validate("draw_request", { model: "dall-e-3", n: 4 })).toEqual([
      { pointer: "/n", expected: "dall-e-3 takes n: 1", received: "4", rule: "dall-e-3" },
    ]);
    expect(module.validate("draw_request", { model: "dall-e-2", style: "vivid" })).toEqual([
      {
        pointer: "/style",
        expected: "the rule at #/allOf/1 takes no style",
        received: '"vivid"',
        rule: "the rule at #/allOf/1",
      },
    ]);
    // A model no rule names gets the field rules only; the types are the fields' own.
    expect(module.validate("draw_request", { model: "flux", n: 4, style: "vivid" })).toEqual([]);
    expect(module.validate("draw_request", { model: "flux", n: 11 })).toEqual([
      { pointer: "/n", expected: "must be <= 10", received: "11" },
    ]);
    expect(files.get("schema.ts")).toMatch(/n\?: number;/);
    // Types cannot say "n: 1 for dall-e-3": the conditionals leave no `& unknown` behind in them.
    expect(files.get("schema.ts")).not.toMatch(/& \(?unknown/);
  });

  it("places a validator finding at its line and pointer in the spec, not at an internal id", async () => {
    const pet = { anyOf: [{ required: ["tag"] }], type: "object", properties: { name: { type: "string" } } };
    const file = await specOf("strict", { adopt: { $ref: "#/components/schemas/Pet" } }, { Pet: pet });
    await writeFile(file, JSON.stringify(JSON.parse(await readFile(file, "utf8")), null, 2));
    const { warnings } = await generated(file);
    const finding = warnings.find((line) => line.includes('required property "tag" is not defined'));
    expect(finding).toMatch(/strict\.json:(\d+):\d+: strict mode: .* at #\/components\/schemas\/Pet\/anyOf\/0$/);
    const line = Number(/strict\.json:(\d+)/.exec(finding as string)?.[1]);
    expect((await readFile(file, "utf8")).split("\n")[line - 1]).toMatch(/^\s*\{$|"required"|"anyOf"/);
    expect(warnings.join("\n")).not.toMatch(/sudo-images(#|:)/);
  });

  it("leaves a schema it cannot compile unchecked, names its place, and compiles the rest", async () => {
    const broken = { type: "string", pattern: "([unclosed" };
    const fine = { type: "object", required: ["name"] };
    const { warnings, module } = await generated(await specOf("uncompilable", { bad: broken, good: fine }));
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /uncompilable\.json:1:\d+: not checked: .* at #\/paths\/~1bad\/post\/requestBody\/content\/application~1json\/schema$/,
      ),
    );
    expect(module.validate("good_request", {})).toEqual([
      { pointer: "/name", expected: "required property", received: "nothing" },
    ]);
    const told: unknown[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation((line: unknown) => void told.push(line));
    try {
      expect(module.validate("bad_request", 42)).toEqual([]);
      expect(module.validate("bad_request", 43)).toEqual([]);
      expect(told).toEqual([
        expect.stringMatching(/^"bad_request" is not checked: the generator could not compile it \(/),
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it("gives names that differ only in punctuation distinct validators, and the output compiles", async () => {
    const schemas = { "foo-bar": { type: "string" }, foo_bar: { type: "integer" } };
    const bodies = { a: { $ref: "#/components/schemas/foo-bar" }, b: { $ref: "#/components/schemas/foo_bar" } };
    const { files, module, out } = await generated(await specOf("collide", bodies, schemas));
    expect(files.get("metadata.ts")).toContain("export const validate_foo_bar: Validator");
    expect(files.get("metadata.ts")).toContain("export const validate_foo_bar_2: Validator");
    expect(module.validate("foo-bar", "x")).toEqual([]);
    expect(module.validate("foo_bar", "x")).toEqual([{ pointer: "", expected: "must be integer", received: '"x"' }]);
    const compiled = await typecheck(out, {
      compilerOptions: { strict: true, skipLibCheck: true, noEmit: true, module: "NodeNext", target: "ES2022" },
      include: ["*.ts"],
    });
    expect(compiled).toBe("");
  }, 60_000);

  it("compiles a response every operation shares once, under the component's name", async () => {
    const { files, module } = await generated(await specOf("shared", { a: { type: "string" }, b: { type: "string" } }));
    expect(module.routes.a?.responses["400"]).toBe("response_Problem");
    expect(module.routes.b?.responses["400"]).toBe("response_Problem");
    expect(files.get("validators.ts")?.match(/export const validate_response_Problem\b/g)).toHaveLength(1);
  });
});
