/**
 * The root of a spec of two files: one operation whose answer `$ref`s `pet.json` beside it. It has
 * lint findings (no 4xx answer, no license), for tests of reading, bundling and linting.
 */
export const TWO_FILE_ROOT = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/pets": {
      get: {
        operationId: "listPets",
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "pet.json" } } } } },
      },
    },
  },
};
