/**
 * createSpecClient through a folder's generated `createClient`, against a real server on
 * 127.0.0.1: path parameters, query, a normalized 200 and `4XX` error, request checking, and
 * non-JSON bodies, on a small spec of its own (pets-spec.ts).
 */
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ConfigurationError, RequestValidationError, ResponseValidationError } from "../../src/api-client/index.js";
import { sendJson } from "../helpers/http-server.js";
import { usePetsFolder } from "./pets-spec.js";

const petsFolder = usePetsFolder();

/** A client of the pets folder, typed loosely: the folder is generated at run time. */
// biome-ignore lint/suspicious/noExplicitAny: the test spec's paths exist only at run time.
function pets(options: Record<string, unknown> = {}): any {
  return petsFolder.createClient({ baseUrl: petsFolder.server.url, apiKey: "sk-test", maxRetries: 0, ...options });
}

describe("a generated folder's client.ts", () => {
  it("holds the spec's defaults: the key variable from its title, the first absolute server URL", async () => {
    const module = (await import(path.join(petsFolder.out, "client.ts"))) as Record<string, unknown>;
    expect(module.API_KEY_ENV).toBe("PET_STORE_API_KEY");
    expect(module.DEFAULT_BASE_URL).toBe("https://eu.pets.example/v1");
  });
});

describe("createSpecClient", () => {
  it("writes a form operation's body as the spec says: form fields, or a multipart form from a plain object", async () => {
    petsFolder.answer = (_, response) => response.writeHead(204).end();
    await pets().POST("/login", { body: { user: "ann", days: 3 } });
    const login = petsFolder.server.requests.at(-1);
    expect(login?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(login?.body).toBe("user=ann&days=3");
    await pets().POST("/uploads", { body: { file: new Blob(["png"]), tags: ["a", "b"] } });
    const upload = petsFolder.server.requests.at(-1);
    expect(upload?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload?.body.match(/name="tags"/g)).toHaveLength(2);
  });

  it("sends a path template's #fragment as no part of the URL, its query kept", async () => {
    petsFolder.answer = (_, response) => sendJson(response, 200, []);
    const { data } = await pets().GET("/pets#search", { params: { query: { q: "rex" } } });
    expect(data).toEqual([]);
    expect(petsFolder.server.requests.at(-1)?.url).toBe("/pets?q=rex");
  });

  it("fills path parameters and hands back the 200 normalized: no null the spec allows", async () => {
    petsFolder.answer = (_, response) =>
      sendJson(response, 200, { id: 7, name: "Tom", tag: null }, { "x-request-id": "req_1" });
    const { data, response } = await pets().GET("/pets/{id}", { params: { path: { id: 7 } } });
    expect(petsFolder.server.requests.at(-1)).toMatchObject({ method: "GET", url: "/pets/7" });
    expect(data).toEqual({ id: 7, name: "Tom" });
    expect("tag" in data).toBe(false);
    expect(response.headers.get("x-request-id")).toBe("req_1");
  });

  it("sends the query as openapi-fetch serializes it", async () => {
    petsFolder.answer = (_, response) => sendJson(response, 200, [{ id: 1, name: "a", tag: null }]);
    const { data } = await pets().GET("/pets", { params: { query: { limit: 5 } } });
    expect(petsFolder.server.requests.at(-1)?.url).toBe("/pets?limit=5");
    expect(data).toEqual([{ id: 1, name: "a" }]);
  });

  it("answers a status in a 4XX range with openapi-fetch's { error }, normalized by the range's schema", async () => {
    petsFolder.answer = (_, response) => sendJson(response, 404, { message: "no such pet", detail: null });
    const { data, error, response } = await pets().GET("/pets/{id}", { params: { path: { id: 9 } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual({ message: "no such pet" });
  });

  it("only warns of an error body that breaks the spec: the answer is an error already", async () => {
    petsFolder.answer = (_, response) => sendJson(response, 404, { detail: null });
    const onWarning = vi.fn();
    const { error } = await pets({ onWarning }).GET("/pets/{id}", { params: { path: { id: 9 } } });
    expect(error).toEqual({});
    expect(onWarning.mock.calls[0]?.[0]).toBeInstanceOf(ResponseValidationError);
    expect(onWarning.mock.calls[0]?.[0].message).toMatch(/Problem.*\/message/);
  });

  it("refuses, in strict mode, a query the spec does not take, naming /query/limit, before sending", async () => {
    const before = petsFolder.server.requests.length;
    const call = pets().GET("/pets", { params: { query: { limit: 500 } } });
    await expect(call).rejects.toThrow(RequestValidationError);
    await expect(call).rejects.toThrow(/\/query\/limit/);
    expect(petsFolder.server.requests.length).toBe(before);
  });

  it("checks a JSON body too; in warn mode it reports and sends", async () => {
    petsFolder.answer = (_, response) => sendJson(response, 201, { id: 2, name: "Rex", tag: null });
    const onWarning = vi.fn();
    const { data } = await pets({ validateRequests: "warn", onWarning }).POST("/pets", {
      body: { id: "two", name: "Rex" },
    });
    expect(onWarning.mock.calls[0]?.[0]).toBeInstanceOf(RequestValidationError);
    expect(onWarning.mock.calls[0]?.[0].message).toMatch(/\/body\/id/);
    expect(JSON.parse(petsFolder.server.requests.at(-1)?.body ?? "")).toEqual({ id: "two", name: "Rex" });
    expect(data).toEqual({ id: 2, name: "Rex" });
  });

  it("holds a 2xx body to the spec: strict throws a ResponseValidationError with its pointer", async () => {
    petsFolder.answer = (_, response) => sendJson(response, 200, { id: "seven", name: "Tom" });
    const call = pets().GET("/pets/{id}", { params: { path: { id: 7 } } });
    await expect(call).rejects.toThrow(ResponseValidationError);
    await expect(call).rejects.toThrow(/\/id/);
  });

  it("sends text and binary bodies as openapi-fetch does, and reads a text answer with parseAs", async () => {
    petsFolder.answer = (request, response) =>
      response.writeHead(200, { "content-type": "text/plain" }).end(`got ${request.body}`);
    const text = await pets().POST("/notes", {
      body: "hello",
      bodySerializer: (body: string) => body,
      headers: { "content-type": "text/plain" },
      parseAs: "text",
    });
    expect(text.data).toBe("got hello");
    petsFolder.answer = (_, response) => response.writeHead(204).end();
    const bytes = new Uint8Array([1, 2, 3]);
    const stored = await pets().PUT("/pets/{id}/photo", {
      params: { path: { id: 1 } },
      body: bytes,
      bodySerializer: (body: BlobPart) => new Blob([body]),
      headers: { "content-type": "application/octet-stream" },
    });
    expect(stored.response.status).toBe(204);
    expect(petsFolder.server.requests.at(-1)?.headers["content-type"]).toBe("application/octet-stream");
    expect(petsFolder.server.requests.at(-1)?.body).toBe("\u0001\u0002\u0003");
  });

  it("hands a binary answer back byte for byte with parseAs arrayBuffer or blob", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0xfe, 0x80]);
    petsFolder.answer = (_, response) => response.writeHead(200, { "content-type": "image/png" }).end(png);
    const init = { params: { path: { id: 1 } } };
    const bytes = await pets().GET("/pets/{id}/photo", { ...init, parseAs: "arrayBuffer" });
    expect(Buffer.from(bytes.data)).toEqual(png);
    const blob = await pets().GET("/pets/{id}/photo", { ...init, parseAs: "blob" });
    expect(Buffer.from(await blob.data.arrayBuffer())).toEqual(png);
  });

  it("sends multipart bodies as FormData", async () => {
    petsFolder.answer = (_, response) => response.writeHead(204).end();
    const form = new FormData();
    form.append("note", "hi");
    await pets({ validateRequests: "off" }).POST("/notes", { body: form, bodySerializer: (body: FormData) => body });
    const seen = petsFolder.server.requests.at(-1);
    expect(seen?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen?.body).toContain('name="note"\r\n\r\nhi');
  });

  it("refuses a path the spec has no operation for, and a bad option (a call's too), by name", async () => {
    await expect(pets().GET("/cats")).rejects.toThrow(ConfigurationError);
    const before = petsFolder.server.requests.length;
    const ownBase = pets().GET("/pets", { baseUrl: "file:///etc/pets" });
    await expect(ownBase).rejects.toThrow("a call's baseUrl must be an http or https URL; got file:");
    expect(petsFolder.server.requests.length).toBe(before);
    expect(() => pets({ timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => petsFolder.createClient({ baseUrl: "ftp://x" })).toThrow(/baseUrl must be an http or https URL/);
  });
});
