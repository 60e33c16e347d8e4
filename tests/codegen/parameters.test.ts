import { describe, expect, it } from "vitest";
import { toCanonical31 } from "../../src/codegen/canonical.js";
import { toSchemaSet } from "../../src/codegen/json-schema.js";
import type { OpenApiDocument } from "../../src/codegen/spec-source.js";
import { PETS_SPEC } from "../fixtures/pets-parameters.js";

const set = toSchemaSet(toCanonical31(PETS_SPEC as OpenApiDocument));

describe("an operation's parameters", () => {
  it("are one object schema per location, named after the operation and listed on its route", () => {
    expect(set.operations.getPet?.parameters).toEqual({
      path: "getPet_path",
      query: "getPet_query",
      header: "getPet_header",
      cookie: "getPet_cookie",
    });
    expect(set.operations.deletePet?.parameters).toEqual({ path: "deletePet_path", header: "deletePet_header" });
    expect(set.operations.listPets).not.toHaveProperty("parameters");
  });

  it("take the path item's, with the operation's own winning by name and location; path ones always required", () => {
    expect(set.defs.getPet_path).toEqual({
      type: "object",
      properties: { petId: { type: "integer", minimum: 1 } },
      required: ["petId"],
    });
    expect(set.defs.deletePet_path).toEqual({
      type: "object",
      properties: { petId: { type: "string" } },
      required: ["petId"],
    });
  });

  it("follow a $ref'd parameter, and require only what the spec requires", () => {
    const query = set.defs.getPet_query as { properties: Record<string, unknown>; required: string[] };
    expect(query.properties.limit).toEqual({ type: "integer", minimum: 1, maximum: 100 });
    expect(query.properties.filter).toEqual({ type: "object", properties: { a: { type: "integer" } } });
    expect(query.required).toEqual(["limit"]);
  });

  it("name headers in lower case and leave out Accept, Content-Type and Authorization", () => {
    const header = set.defs.getPet_header as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(header.properties)).toEqual(["x-trace", "x-rate", "x-flags"]);
    expect(header.required).toEqual(["x-rate"]);
    expect(set.defs.deletePet_header).toEqual({
      type: "object",
      properties: { "x-trace": { type: "string", pattern: "^[a-f0-9]+$" } },
    });
  });

  it("record how each non-string parameter is read from wire text, by its type, style and explode", () => {
    expect(set.parameterTypes).toEqual({
      getPet_path: { petId: "integer" },
      getPet_query: {
        limit: "integer",
        tags: { items: "string" },
        ids: { items: "integer", split: "," },
        pipes: { items: "number", split: "|" },
        verbose: "boolean",
        filter: "json",
      },
      getPet_header: { "x-rate": "number", "x-flags": { items: "boolean", split: "," } },
    });
  });

  it("never take a name a schema already has", () => {
    const taken = {
      ...PETS_SPEC,
      components: { ...PETS_SPEC.components, schemas: { getPet_path: { type: "string" } } },
    };
    const renamed = toSchemaSet(toCanonical31(taken as OpenApiDocument));
    expect(renamed.operations.getPet?.parameters?.path).toBe("getPet_path_2");
    expect(renamed.defs.getPet_path).toEqual({ type: "string" });
  });

  it("keep a parameter named __proto__ an own key of its schema and of its wire types", () => {
    const odd = { name: "__proto__", in: "query", schema: { type: "integer" } };
    const paths = { "/odd": { get: { operationId: "odd", parameters: [odd], responses: {} } } };
    const found = toSchemaSet(toCanonical31({ openapi: "3.1.0", paths } as OpenApiDocument));
    const properties = (found.defs.odd_query as { properties: object }).properties;
    expect(Object.getOwnPropertyDescriptor(properties, "__proto__")?.value).toEqual({ type: "integer" });
    expect(Object.getOwnPropertyDescriptor(found.parameterTypes.odd_query, "__proto__")?.value).toBe("integer");
  });
});
