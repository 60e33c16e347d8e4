/**
 * The package itself on the published upstream spec: regenerate `src/generated/` from
 * `openapi/upstream/sudo-openapi.json` in a copy of `src/`, and the handwritten layer still
 * compiles (it relies only on what both specs define) and `generate` works end to end.
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";
import { srcGeneratedFrom } from "../helpers/src-copy.js";
import { typecheck } from "../helpers/typecheck.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("src/ generated from the upstream Sudo spec", () => {
  let dir: string;
  let server: TestServer;
  beforeAll(async () => {
    dir = await srcGeneratedFrom(path.join(root, "openapi/upstream/sudo-openapi.json"));
    server = await startTestServer((_request, res) =>
      sendJson(res, 200, { created: null, usage: null, data: [{ url: "https://img.test/1.png", b64_json: null }] }),
    );
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("typechecks the handwritten layer against it, usage typed ImageUsage | null", async () => {
    const schema = await readFile(path.join(dir, "src/generated/schema.ts"), "utf8");
    expect(schema).toMatch(/usage\?: components\["schemas"\]\["ImageUsage"\] \| null;/);
    const output = await typecheck(dir, {
      extends: path.join(root, "tsconfig.json"),
      compilerOptions: { types: ["node"], typeRoots: [path.join(root, "node_modules/@types")] },
      include: ["src"],
    });
    expect(output).toBe("");
  }, 60_000);

  it("generates end to end, with the nulls the upstream spec allows normalized away", async () => {
    const { createImagesClient } = (await import(
      path.join(dir, "src/index.ts")
    )) as typeof import("../../src/index.js");
    const client = createImagesClient({ apiKey: "sk-upstream", baseUrl: server.url, maxRetries: 0 });
    const result = await client.generate({ prompt: "a lighthouse", model: "dall-e-3", size: "1024x1024", n: null });
    expect(result).toEqual({ data: [{ url: "https://img.test/1.png" }] });
    expect(JSON.parse(server.requests.at(-1)?.body ?? "")).toEqual({
      prompt: "a lighthouse",
      model: "dall-e-3",
      size: "1024x1024",
    });
  });
});
