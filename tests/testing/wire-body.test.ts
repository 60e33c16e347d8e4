/**
 * Non-JSON bodies in the mock and verify (a spec of its own: a form-encoded write, a multipart
 * upload, bytes, text in and out, an image answer): the mock reads a form into the object its
 * schema describes and validates it, holds bytes and text to their declared content type, answers
 * text and bytes in theirs with the headers the spec requires at every status; verify sends each
 * body in its declared type and passes every check against the mock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, type SpecFolder, startMockServer, verifyServer } from "../../src/testing/index.js";
import { plannedRequests } from "../../src/testing/verify.js";
import { type GeneratedFolder, generatedFolder } from "../helpers/generated-folder.js";
import { startTestServer } from "../helpers/http-server.js";

let folder: GeneratedFolder;
let spec: SpecFolder;
let mock: MockServer;

beforeAll(async () => {
  folder = await generatedFolder("tests/fixtures/kit/bodies.yaml");
  spec = folder.module;
  mock = await startMockServer({ spec });
});
afterAll(async () => {
  await mock?.close();
  await folder?.remove();
});

const send = (path: string, init: RequestInit) => fetch(`${mock.url}${path}`, init);

describe("the mock reads non-JSON request bodies", () => {
  it("reads a form-encoded body by its schema's types, and refuses what the schema refuses", async () => {
    const form = (text: string) => send("/tokens", { method: "POST", body: new URLSearchParams(text) });
    expect((await form("grant_type=password&username=ann&count=2&remember=true")).status).toBe(200);
    const over = await form("grant_type=password&username=ann&count=9");
    expect(over.status).toBe(400);
    expect(((await over.json()) as { message: string }).message).toContain("/count");
    expect((await form("grant_type=password")).status).toBe(400);
    expect(mock.requests.at(-2)?.body).toEqual({ grant_type: "password", username: "ann", count: 9 });
  });

  it("reads a multipart body with a file part, and refuses a missing part or a list item out of bounds", async () => {
    const upload = (fields: [string, string | Blob][]) => {
      const body = new FormData();
      for (const [name, value] of fields) body.append(name, value);
      return send("/files", { method: "POST", body });
    };
    const file: [string, Blob] = ["file", new Blob([new Uint8Array([1, 2, 3])])];
    expect((await upload([file, ["purpose", "batch"], ["parts", "1"], ["parts", "2"]])).status).toBe(201);
    expect((await upload([["purpose", "batch"]])).status).toBe(400);
    expect((await upload([file, ["purpose", "batch"], ["parts", "0"]])).status).toBe(400);
  });

  it("holds bytes and text to their declared content type: another one is a 415", async () => {
    const bytes = { method: "PUT", body: new Uint8Array([0, 1, 2]) };
    expect((await send("/blobs/a", { ...bytes, headers: { "content-type": "application/octet-stream" } })).status).toBe(
      204,
    );
    expect((await send("/blobs/a", { ...bytes, headers: { "content-type": "application/json" } })).status).toBe(415);
    const note = await send("/notes", { method: "POST", body: "hello", headers: { "content-type": "text/plain" } });
    expect(note.status).toBe(200);
    expect(note.headers.get("content-type")).toBe("text/plain");
    expect(note.headers.get("x-note-id")).toBe("0");
    expect(await note.text()).toBe("mock text");
    expect((await send("/notes", { method: "POST", body: new URLSearchParams("a=b") })).status).toBe(415);
  });

  it("answers bytes in their media type, and sets the required headers of a refusal too", async () => {
    const image = await send("/image", {});
    expect(image.headers.get("content-type")).toBe("image/png");
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const refused = await send("/tokens", { method: "POST", body: new URLSearchParams("grant_type=none") });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("x-trace")).toBe("0");
  });
});

describe("verify sends non-JSON bodies", () => {
  it("plans form and multipart bodies proven on what the server reads back, bytes and text as samples", () => {
    const planned = plannedRequests({ spec, budget: 500 });
    const token = planned.filter((request) => request.operationId === "createToken");
    // A number in a string field travels as its text, which the field takes: no such invalid request.
    expect(token.map((request) => request.name)).not.toContain("createToken: body username of the wrong type");
    expect(token.map((request) => request.name)).toContain("createToken: body count not a whole number");
    expect(planned.find(({ operationId, kind }) => operationId === "addNote" && kind === "valid")?.body).toBe(
      "sample body",
    );
  });

  it("passes every check against the mock, each body sent in its declared type", async () => {
    const own = await startMockServer({ spec });
    const report = await verifyServer({ spec, baseUrl: own.url, budget: 500 }).finally(() => own.close());
    expect(report.failed).toEqual([]);
    const types = new Set(own.requests.map((request) => String(request.headers["content-type"]).split(";")[0]));
    expect(types).toEqual(
      new Set([
        "undefined",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "application/octet-stream",
        "text/plain",
      ]),
    );
  });

  it("fails a server that answers a text operation in JSON, naming the content type check", async () => {
    const server = await startTestServer((_seen, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-note-id": "1" }).end('"stored"');
    });
    try {
      const report = await verifyServer({ spec, baseUrl: server.url, operations: ["addNote"], include: ["valid"] });
      expect(report.failed).toMatchObject([{ request: "addNote: no parameters", check: "content type" }]);
      expect(server.requests[0]?.headers["content-type"]).toBe("text/plain");
      expect(server.requests[0]?.body).toBe("sample body");
    } finally {
      await server.close();
    }
  });
});
