/**
 * Which bodies get a validator: JSON, form-encoded and multipart bodies of paths and of 3.1
 * webhooks, each named in `routes` and typed in `BodyTypes` at the media type it was read in.
 * One small spec per shape, generated once into a folder that is imported as a user would.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFiles, writeFiles } from "../../src/codegen/index.js";
import { toSchemaSet } from "../../src/codegen/json-schema.js";
import type { OpenApiDocument } from "../../src/codegen/spec-source.js";

const root = path.resolve(import.meta.dirname, "../..");

const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: "object",
  required,
  properties,
});
const body = (mediaTypes: Record<string, unknown>) => ({
  content: Object.fromEntries(Object.entries(mediaTypes).map(([type, schema]) => [type, { schema }])),
});
const ok = (content?: Record<string, unknown>) => ({ description: "ok", ...(content ? body(content) : {}) });

const TOKEN_FORM = object(
  { grant_type: { enum: ["password", "refresh_token"] }, scope: { type: ["string", "null"] } },
  ["grant_type"],
);
const UPLOAD = object({ file: { type: "string", format: "binary" }, purpose: { type: "string" } }, ["file"]);
/** An operation that takes a form and JSON both: the JSON one says `n` is an integer, the form a string. */
const BOTH = {
  "application/x-www-form-urlencoded": object({ n: { type: "string" } }),
  "application/json": object({ n: { type: "integer" } }),
};
const PING = object({ at: { type: "string" }, zone: { type: ["string", "null"] } }, ["at"]);

const SPEC = {
  openapi: "3.1.0",
  info: { title: "bodies", version: "1" },
  paths: {
    "/tokens": {
      post: {
        operationId: "createToken",
        requestBody: body({ "application/x-www-form-urlencoded": TOKEN_FORM }),
        responses: { "200": ok({ "application/json": object({ token: { type: "string" } }) }) },
      },
    },
    "/files": {
      post: { operationId: "upload", requestBody: body({ "multipart/form-data": UPLOAD }), responses: { "201": ok() } },
    },
    "/both": { put: { operationId: "both", requestBody: body(BOTH), responses: { "204": ok() } } },
  },
  webhooks: {
    petAdopted: {
      post: {
        operationId: "petAdopted",
        requestBody: body({ "application/json": { $ref: "#/components/schemas/Adoption" } }),
        responses: { "200": ok() },
      },
    },
    // No operationId, and the same name as a path's operation: it goes by `webhook <name> <method>`.
    ping: { post: { requestBody: body({ "application/json": PING }), responses: { "200": ok() } } },
    both: { put: { requestBody: body({ "application/json": PING }), responses: {} } },
  },
  components: {
    schemas: { Adoption: object({ pet: { type: "string" }, note: { type: ["string", "null"] } }, ["pet"]) },
  },
};

interface Folder {
  validate(name: string, value: unknown): { pointer: string; expected: string }[];
  normalize(name: string, value: unknown): unknown;
  routes: Record<string, Record<string, unknown>>;
}

describe("bodies a validator reads", () => {
  let dir: string;
  let folder: Folder;
  let files: Map<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sudo-images-bodies-"));
    const file = path.join(dir, "bodies.json");
    await writeFile(file, JSON.stringify(SPEC));
    const out = path.join(dir, "out");
    const runtime = path.relative(out, path.join(root, "src/runtime/index.js")).split(path.sep).join("/");
    ({ files } = await generateFiles(file, { runtime }));
    await writeFiles(files, out);
    folder = (await import(path.join(out, "index.ts"))) as Folder;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("validates a form-encoded request body by its schema, as the object before it is encoded", () => {
    expect(folder.routes.createToken).toMatchObject({ request: "createToken_request", path: "/tokens" });
    expect(folder.validate("createToken_request", { grant_type: "password", scope: null })).toEqual([]);
    expect(folder.validate("createToken_request", { grant_type: "code" })).toEqual([
      { pointer: "/grant_type", expected: "one of password, refresh_token", received: '"code"' },
    ]);
    expect(folder.normalize("createToken_request", { grant_type: "password", scope: null })).toEqual({
      grant_type: "password",
    });
    expect(files.get("index.ts")).toContain(
      `"createToken_request": NonNullable<paths["/tokens"]["post"]["requestBody"]>["content"]["application/x-www-form-urlencoded"];`,
    );
  });

  it("validates a multipart body, typed at multipart/form-data", () => {
    expect(folder.validate("upload_request", { purpose: 3 }).map(({ pointer }) => pointer)).toEqual([
      "/file",
      "/purpose",
    ]);
    expect(files.get("index.ts")).toContain(
      `"upload_request": NonNullable<paths["/files"]["post"]["requestBody"]>["content"]["multipart/form-data"];`,
    );
  });

  it("prefers the JSON body where an operation takes a form too", () => {
    expect(folder.validate("both_request", { n: 1 })).toEqual([]);
    expect(folder.validate("both_request", { n: "1" })).toEqual([
      { pointer: "/n", expected: "must be integer", received: '"1"' },
    ]);
    expect(files.get("index.ts")).toMatch(
      /"both_request": NonNullable<paths\["\/both"\]\["put"\]\["requestBody"\]>\["content"\]\["application\/json"\];/,
    );
  });

  it("routes webhooks apart from paths: by operationId, else `webhook <name> <method>`", () => {
    expect(folder.routes.petAdopted).toEqual({
      method: "post",
      webhook: "petAdopted",
      request: "Adoption",
      responses: {},
      security: [],
    });
    expect(folder.routes["webhook ping post"]).toEqual({
      method: "post",
      webhook: "ping",
      request: "webhook_ping_post_request",
      responses: {},
      security: [],
    });
    expect(folder.routes.both).toMatchObject({ path: "/both", request: "both_request" });
    expect(folder.routes["webhook both put"]).toMatchObject({ webhook: "both", method: "put" });
    expect(files.get("index.ts")).toContain(
      `"webhook_ping_post_request": NonNullable<webhooks["ping"]["post"]["requestBody"]>["content"]["application/json"];`,
    );
    expect(files.get("index.ts")).toMatch(/import type \{ components, paths, webhooks \} from "\.\/schema\.js";/);
  });

  it("validates and normalizes a webhook's body", () => {
    expect(folder.validate("webhook_ping_post_request", { zone: null })).toEqual([
      { pointer: "/at", expected: "required property", received: "nothing" },
    ]);
    expect(folder.validate("webhook_ping_post_request", { at: "noon", zone: null })).toEqual([]);
    expect(folder.normalize("webhook_ping_post_request", { at: "noon", zone: null })).toEqual({ at: "noon" });
    expect(folder.normalize("Adoption", { pet: "Rex", note: null })).toEqual({ pet: "Rex" });
  });
});

describe("toSchemaSet", () => {
  it("records the media type a request body is sent in when it is not JSON", () => {
    const operation = (content: Record<string, unknown>) => ({ post: { requestBody: body(content), responses: {} } });
    const document = {
      openapi: "3.1.0",
      paths: {
        "/json": operation({ "application/json": PING, "text/plain": { type: "string" } }),
        "/form": operation({ "application/x-www-form-urlencoded": PING }),
        "/multipart": operation({ "text/plain": {}, "multipart/form-data": PING }),
        "/bytes": operation({ "application/octet-stream": { type: "string", format: "binary" } }),
        "/text": operation({ "text/plain": { type: "string" } }),
      },
    } as unknown as OpenApiDocument;
    const types = Object.entries(toSchemaSet(document).operations).map(([id, { requestType }]) => [id, requestType]);
    expect(types).toEqual([
      ["post /json", undefined],
      ["post /form", "application/x-www-form-urlencoded"],
      ["post /multipart", "multipart/form-data"],
      ["post /bytes", "application/octet-stream"],
      ["post /text", "text/plain"],
    ]);
  });

  it("follows a webhook that is a $ref to a path item in components", () => {
    const document = {
      openapi: "3.1.0",
      webhooks: { moved: { $ref: "#/components/pathItems/Moved" } },
      components: {
        pathItems: { Moved: { post: { requestBody: body({ "application/json": PING }), responses: {} } } },
      },
    } as unknown as OpenApiDocument;
    expect(toSchemaSet(document).operations).toEqual({
      "webhook moved post": {
        method: "post",
        webhook: "moved",
        request: "webhook_moved_post_request",
        responses: {},
        security: [],
      },
    });
  });
});
