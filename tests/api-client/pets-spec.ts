import type { ServerResponse } from "node:http";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type GeneratedFolder, generatedFolder } from "../helpers/generated-folder.js";
import { type SeenRequest, sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";

/**
 * A small spec of its own for the spec client's tests, as openapi-fetch's suites keep one per
 * feature: a path parameter, a bounded query, nullable fields in a 200 and in a `4XX` range, a
 * JSON request body, and text and binary bodies both ways, a path with a `#fragment`; a bearer key on
 * every operation but `health`.
 */
const json = (schema: object) => ({ description: "ok", content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const PETS_SPEC = {
  openapi: "3.1.0",
  info: { title: "Pet Store API", version: "1" },
  servers: [
    { url: "/relative" },
    { url: "https://{region}.pets.example/v1", variables: { region: { default: "eu" } } },
  ],
  security: [{ bearer: [] }],
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    schemas: {
      Pet: {
        type: "object",
        required: ["id", "name"],
        properties: { id: { type: "integer" }, name: { type: "string" }, tag: { type: ["string", "null"] } },
      },
      Problem: {
        type: "object",
        required: ["message"],
        properties: { message: { type: "string" }, detail: { type: ["string", "null"] } },
      },
    },
  },
  paths: {
    "/pets/{id}": {
      get: {
        operationId: "getPet",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "200": json(ref("Pet")), "4XX": json(ref("Problem")) },
      },
    },
    "/pets": {
      get: {
        operationId: "listPets",
        parameters: [{ name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } }],
        responses: { "200": json({ type: "array", items: ref("Pet") }) },
      },
      post: {
        operationId: "createPet",
        requestBody: { required: true, content: { "application/json": { schema: ref("Pet") } } },
        responses: { "201": json(ref("Pet")), default: json(ref("Problem")) },
      },
    },
    "/pets/{id}/photo": {
      get: {
        operationId: "getPhoto",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": { description: "a photo", content: { "image/png": { schema: { type: "string", format: "binary" } } } },
        },
      },
      put: {
        operationId: "putPhoto",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        requestBody: { content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
        responses: { "204": { description: "stored" } },
      },
    },
    // Box's shape: an operation on a path told apart by a #fragment, which no request carries.
    "/pets#search": {
      get: {
        operationId: "searchPets",
        parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }],
        responses: { "200": json({ type: "array", items: ref("Pet") }) },
      },
    },
    "/login": {
      post: {
        operationId: "login",
        requestBody: {
          content: {
            "application/x-www-form-urlencoded": {
              schema: {
                type: "object",
                required: ["user"],
                properties: { user: { type: "string" }, days: { type: "integer" } },
              },
            },
          },
        },
        responses: { "204": { description: "signed in" } },
      },
    },
    "/uploads": {
      post: {
        operationId: "upload",
        requestBody: {
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                properties: { file: { type: "string", format: "binary" }, tags: { type: "array" } },
              },
            },
          },
        },
        responses: { "204": { description: "stored" } },
      },
    },
    "/notes": {
      post: {
        operationId: "postNote",
        requestBody: { content: { "text/plain": { schema: { type: "string" } } } },
        responses: { "200": { description: "echo", content: { "text/plain": { schema: { type: "string" } } } } },
      },
    },
    "/health": {
      get: { operationId: "health", security: [], responses: { "200": json({ type: "object" }) } },
    },
  },
};

type Answer = (request: SeenRequest, response: ServerResponse) => void;
type ClientModule = typeof import("../../src/generated/client.js");

/** What a suite of the spec client works with: the pets folder's `createClient`, and a server whose answer each test sets. */
export interface PetsFolder {
  /** The generated folder's path, to import its other modules. */
  readonly out: string;
  readonly server: TestServer;
  readonly createClient: ClientModule["createClient"];
  /** How the server answers the next requests (a 500 until a test says otherwise). */
  answer: Answer;
}

/**
 * Generates the pets folder and starts a server on 127.0.0.1 for the suite (both gone after it);
 * the object's fields are set once `beforeAll` has run.
 */
export function usePetsFolder(): PetsFolder {
  let folder: GeneratedFolder | undefined;
  const state = { answer: ((_, response) => sendJson(response, 500, {})) as Answer } as PetsFolder;
  beforeAll(async () => {
    folder = await generatedFolder(PETS_SPEC);
    const { createClient } = (await import(path.join(folder.out, "client.ts"))) as ClientModule;
    const server = await startTestServer((request, response) => state.answer(request, response));
    Object.assign(state, { createClient, server, out: folder.out });
  });
  afterAll(async () => {
    await state.server?.close();
    await folder?.remove();
  });
  return state;
}
