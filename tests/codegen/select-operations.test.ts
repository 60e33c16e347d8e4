import { describe, expect, it } from "vitest";
import { selectOperations } from "../../src/codegen/select-operations.js";
import type { OpenApiDocument } from "../../src/codegen/spec-source.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const DOCUMENT = {
  openapi: "3.1.0",
  paths: {
    "/pets": {
      get: {
        operationId: "listPets",
        responses: { "200": { content: { "application/json": { schema: ref("Pet") } } } },
      },
    },
  },
  webhooks: {
    adopted: {
      post: {
        operationId: "petAdopted",
        requestBody: { content: { "application/json": { schema: ref("Adoption") } } },
      },
    },
    lost: { post: { operationId: "petLost" } },
  },
  components: { schemas: { Pet: { type: "object" }, Adoption: { type: "object" } } },
} as unknown as OpenApiDocument;

describe("selectOperations", () => {
  it("keeps a webhook named by its operationId, and the components it reaches", () => {
    const selected = selectOperations(DOCUMENT, ["petAdopted"]);
    expect(selected.paths).toEqual({});
    expect(Object.keys(selected.webhooks as object)).toEqual(["adopted"]);
    expect(selected.components).toEqual({ schemas: { Adoption: { type: "object" } } });
  });

  it("leaves webhooks out when only paths are named", () => {
    const selected = selectOperations(DOCUMENT, ["listPets"]);
    expect(selected.webhooks).toBeUndefined();
    expect(selected.components).toEqual({ schemas: { Pet: { type: "object" } } });
  });
});
