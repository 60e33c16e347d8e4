/**
 * A small spec of its own for the spec client's tests, as openapi-fetch's suites keep one per
 * feature: a path parameter, a bounded query, nullable fields in a 200 and in a `4XX` range, a
 * JSON request body, and text and binary bodies both ways; a bearer key on every operation but `health`.
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
