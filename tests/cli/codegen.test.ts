/**
 * `sudo-images codegen`'s warnings as a person reads them: grouped by rule, what changed the output
 * first, lint's style findings in one line unless `--verbose`.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codegenCommand } from "../../src/cli/codegen.js";

/** Two bodies the validators cannot check (a pattern that is no regular expression), one `struct` fault, style nits. */
const SPEC = {
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {
    "/a": {
      post: {
        operationId: "a",
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Bad" } } } },
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
          },
        },
      },
    },
    "/b": { get: { operationId: "b", responses: { "200": { description: "ok" } } } },
    "/c": { get: { operationId: "c", responses: { "200": { description: "ok" } } } },
  },
  components: {
    schemas: {
      Bad: { type: "string", pattern: "(" },
      Pet: { type: "object", properties: { owner: { nullable: true, allOf: [{ $ref: "#/components/schemas/Bad" }] } } },
    },
  },
};

describe("sudo-images codegen's warnings", () => {
  let dir: string;
  let spec: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sudo-images-codegen-cli-"));
    spec = path.join(dir, "spec.json");
    await writeFile(spec, JSON.stringify(SPEC, null, 2));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function codegen(...flags: string[]): Promise<string[]> {
    let stderr = "";
    const code = await codegenCommand(
      ["--spec", spec, "--out", path.join(dir, "out"), "--force", ...flags],
      { write: () => true },
      { write: (text: string) => (stderr += text) },
    );
    expect(code).toBe(0);
    return stderr.trimEnd().split("\n");
  }

  it("shows what changed the output first, then the spec's faults, and sums up the style findings in one line", async () => {
    const lines = await codegen();
    expect(lines[0]).toMatch(/^14 warning\(s\) about .*spec\.json \(the spec is still generated\):$/);
    expect(lines[1]).toBe("  unchecked (2): bodies the validators do not check");
    expect(lines[2]).toMatch(/spec\.json:\d+:\d+: not checked: Invalid regular expression/);
    expect(lines[4]).toBe("  struct (1)");
    expect(lines[5]).toMatch(/The `type` field must be defined when the `nullable` field is used\. \[struct\]/);
    expect(lines.slice(6)).toEqual([
      "  11 style findings (operation-summary 3, operation-4xx-response 3, security-defined 3, no-empty-servers 1, info-license 1): --verbose lists them",
    ]);
  }, 60_000);

  it("writes client.ts reading the key from --api-key-env, and refuses a name no shell takes", async () => {
    await codegen("--api-key-env", "PETS_KEY");
    expect(await readFile(path.join(dir, "out", "client.ts"), "utf8")).toContain('API_KEY_ENV = "PETS_KEY"');
    let stderr = "";
    const code = await codegenCommand(
      ["--spec", spec, "--out", path.join(dir, "out"), "--api-key-env", "PETS-KEY\n"],
      { write: () => true },
      { write: (text: string) => (stderr += text) },
    );
    expect(code).toBe(2);
    expect(stderr).toBe(
      'sudo-images: --api-key-env must be an environment variable\'s name (letters, digits, _); got "PETS-KEY"\n',
    );
  });

  it("says where client.ts takes its key from and sends it, both read from the spec", async () => {
    const said = async (file: string) => {
      let stdout = "";
      const out = path.join(dir, "said");
      const write = (text: string) => (stdout += text);
      expect(await codegenCommand(["--spec", file, "--out", out, "--force"], { write }, { write: () => true })).toBe(0);
      return stdout.trimEnd().split("\n").at(-1);
    };
    expect(await said(spec)).toBe(
      "client.ts reads its key from T_API_KEY (--api-key-env to change it) and sends it to the baseUrl you give it",
    );
    // A spec may name itself after another API: the line shows which key would go where.
    const lookalike = path.join(dir, "lookalike.json");
    const servers = [{ url: "https://api.evil.example/v1\u001b[2J" }, { url: "https://api.evil.example/v1" }];
    await writeFile(lookalike, JSON.stringify({ ...SPEC, info: { title: "OpenAI", version: "1" }, servers }));
    expect(await said(lookalike)).toBe(
      "client.ts reads its key from OPENAI_API_KEY (--api-key-env to change it) and sends it to https://api.evil.example/v1 unless given a baseUrl",
    );
  }, 60_000);

  it("lists every warning under its rule with --verbose", async () => {
    const lines = await codegen("--verbose");
    expect(lines.filter((line) => line.includes("[operation-summary]"))).toHaveLength(3);
    expect(lines).toContain("  operation-summary (3)");
    expect(lines.filter((line) => line.startsWith("    "))).toHaveLength(14);
  }, 60_000);
});

describe("sudo-images codegen's --out", () => {
  let dir: string;
  let spec: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sudo-images-codegen-out-"));
    spec = path.join(dir, "spec.json");
    await writeFile(spec, JSON.stringify(SPEC, null, 2));
    await writeFile(path.join(dir, "a-file"), "mine\n");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ["a-file", "is a file, not a folder"],
    ["a-file/sub", "lies under a file, not a folder"],
  ])(
    "that is %s exits 1 with one line in the CLI's shape, not Node's EEXIST or ENOTDIR",
    async (out, problem) => {
      let stderr = "";
      const code = await codegenCommand(
        ["--spec", spec, "--out", path.join(dir, out)],
        { write: () => true },
        { write: (text: string) => (stderr += text) },
      );
      expect(code).toBe(1);
      const refusal = stderr.split("\n").filter((line) => /^\S/.test(line) && !/warning\(s\) about/.test(line));
      expect(refusal).toEqual([`sudo-images: --out ${path.join(dir, out)} ${problem}`]);
    },
    60_000,
  );
});
