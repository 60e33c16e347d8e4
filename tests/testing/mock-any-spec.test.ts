/**
 * The mock serves any spec: a small pets spec of its own (path templates, a literal path beside a
 * template, a request body, named examples, a required response header, a `4XX` range, a bodiless
 * 204 and a text answer), and a hostile one whose path and operation id are made to break things.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFiles, writeFiles } from "../../src/codegen/index.js";
import { check } from "../../src/runtime/validation.js";
import { type MockServer, type SpecFolder, startMockServer } from "../../src/testing/index.js";

const PETS = path.resolve(import.meta.dirname, "../fixtures/pets/openapi.yaml");
const folders: string[] = [];

/** The generated folder of `spec`, written to a temporary folder and imported, as the CLI's `mock --spec` does. */
async function generatedFolder(spec: string): Promise<SpecFolder> {
  const dir = await mkdtemp(path.join(tmpdir(), "sudo-images-mock-spec-"));
  folders.push(dir);
  const { files } = await generateFiles(spec, { out: dir, bodySchemas: true });
  await writeFiles(files, dir);
  return (await import(path.join(dir, "index.ts"))) as SpecFolder;
}

afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

async function call(mock: MockServer, method: string, route: string, body?: unknown) {
  const response = await fetch(`${mock.url}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    headers: response.headers,
    type,
    body: type.includes("json") ? JSON.parse(text) : text,
  };
}

/** A GET of `route` exactly as written: fetch would resolve its `..` before sending. */
function raw(mock: MockServer, route: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(mock.url);
    const req = request({ host: "127.0.0.1", port, path: route }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject).end();
  });
}

describe("startMockServer({ spec }) on a pets spec", () => {
  let spec: SpecFolder;
  let mock: MockServer;
  beforeAll(async () => {
    spec = await generatedFolder(PETS);
    mock = await startMockServer({ spec, seed: 3 });
  });
  afterAll(() => mock.close());

  it("routes by path template and method, a literal path before a template", async () => {
    expect((await call(mock, "GET", "/pets/7")).body).toMatchObject({ id: 1, name: "Tom" });
    const mine = await call(mock, "GET", "/pets/mine");
    expect(mine.status).toBe(200);
    expect(check(spec.validators.Pet as never, mine.body)).toEqual([]);
    expect(mine.body).not.toEqual({ id: 1, name: "Tom", kind: "cat" });
    expect(await call(mock, "DELETE", "/pets/7")).toMatchObject({ status: 204, body: "" });
    expect(await call(mock, "GET", "/files/notes.txt")).toMatchObject({
      status: 200,
      type: "text/plain",
      body: "hello",
    });
  });

  it("answers 404 for a path the spec does not have, and 405 with Allow for a method it does not declare", async () => {
    expect((await call(mock, "GET", "/owners")).status).toBe(404);
    expect((await call(mock, "GET", "/pets/7/toys")).status).toBe(404);
    const refused = await call(mock, "PUT", "/pets/7");
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toBe("GET, DELETE");
    expect((await call(mock, "PATCH", "/pets")).headers.get("allow")).toBe("GET, POST");
  });

  it("answers a body that breaks the request schema with a 400 naming each violation in the client's words", async () => {
    const refused = await call(mock, "POST", "/pets", { name: "", kind: "fish", age: -1 });
    expect(refused.status).toBe(400);
    // The spec's own 4XX body: its message-like field says what broke.
    expect(check(spec.validators.Problem as never, refused.body)).toEqual([]);
    expect(refused.body.title).toBe(
      'Invalid request: /name: must NOT have fewer than 1 characters, got ""; /kind: one of cat, dog, got "fish"; /age: must be >= 0, got -1',
    );
    expect((await call(mock, "POST", "/pets", "not an object")).status).toBe(400);
  });

  it("answers with the first documented 2xx, its generated body accepted by the validator, its required headers set", async () => {
    const created = await call(mock, "POST", "/pets", { name: "Tom", kind: "cat" });
    expect(created.status).toBe(201);
    expect(check(spec.validators.Pet as never, created.body)).toEqual([]);
    const listed = await call(mock, "GET", "/pets");
    expect(listed.status).toBe(200);
    expect(listed.headers.get("x-total-count")).toBe("0");
    expect(check(spec.validators.listPets_200 as never, listed.body)).toEqual([]);
  });

  it("answers with the example named by `examples`, per operation or for all", async () => {
    const byName = await startMockServer({ spec, examples: "dog" });
    const byOperation = await startMockServer({ spec, examples: { getPet: "dog", listPets: "dog" } });
    try {
      expect((await call(byName, "GET", "/pets/2")).body).toEqual({ id: 2, name: "Rex", kind: "dog", tag: "good" });
      expect((await call(byOperation, "GET", "/pets/2")).body).toMatchObject({ name: "Rex" });
    } finally {
      await Promise.all([byName.close(), byOperation.close()]);
    }
  });

  it("generates the same body for the same seed, another for another seed", async () => {
    const again = await startMockServer({ spec, seed: 3 });
    const other = await startMockServer({ spec, seed: 4 });
    try {
      const first = (await call(mock, "GET", "/pets/mine")).body;
      expect((await call(again, "GET", "/pets/mine")).body).toEqual(first);
      const changed = (await call(other, "GET", "/pets/mine")).body;
      expect(changed).not.toEqual(first);
      expect(check(spec.validators.Pet as never, changed)).toEqual([]);
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
  });

  it("gives a path with .., an encoded / or a 10 kB segment a clean 400, never another route", async () => {
    for (const route of ["/pets/..", "/pets/%2e%2e", "/pets/a%2Fb", "/pets/%E0%A4%A", `/pets/${"x".repeat(10_000)}`]) {
      const answer = await raw(mock, route);
      expect(answer.status, route).toBe(400);
      expect(answer.text.length, route).toBeLessThan(400);
    }
  });

  it("answers an operation with its plugin instead of the spec", async () => {
    const plugged = await startMockServer({
      spec,
      plugins: {
        getPet: ({ params }) => ({ status: 200, body: { id: Number(params.id), name: "Plugged", kind: "cat" } }),
      },
    });
    try {
      expect((await call(plugged, "GET", "/pets/42")).body).toEqual({ id: 42, name: "Plugged", kind: "cat" });
    } finally {
      await plugged.close();
    }
  });
});

describe("startMockServer({ spec }) on a hostile spec", () => {
  it("routes a template full of regular-expression characters and a __proto__ operation as plain text", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sudo-images-hostile-"));
    folders.push(dir);
    const file = path.join(dir, "hostile.json");
    const ok = {
      "200": {
        description: "ok",
        content: { "application/json": { schema: { type: "object" }, example: { ok: true } } },
      },
    };
    await writeFile(
      file,
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: "hostile", version: "1" },
        paths: {
          "/a.*+(b)/{id}": { get: { operationId: "__proto__", responses: ok } },
          "/plain": { get: { operationId: "constructor", responses: ok } },
        },
      }),
    );
    const mock = await startMockServer({ spec: await generatedFolder(file) });
    try {
      expect(await call(mock, "GET", `/a.*+(b)/1`)).toMatchObject({ status: 200, body: { ok: true } });
      expect((await call(mock, "GET", "/aXXb/1")).status).toBe(404);
      expect((await call(mock, "GET", "/plain")).body).toEqual({ ok: true });
      expect((await call(mock, "GET", "/constructor")).status).toBe(404);
    } finally {
      await mock.close();
    }
  });
});
