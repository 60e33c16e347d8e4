import { describe, expect, it } from "vitest";
import { toCanonical31 } from "../../src/codegen/canonical.js";
import { toSchemaSet } from "../../src/codegen/json-schema.js";
import { securitySchemes } from "../../src/codegen/security.js";
import type { OpenApiDocument } from "../../src/codegen/spec-source.js";
import { PETS_SPEC } from "../fixtures/pets-parameters.js";

const document = toCanonical31(PETS_SPEC as OpenApiDocument);

describe("security schemes", () => {
  it("keep of each kind only what a client or a mock needs", () => {
    const warnings: string[] = [];
    expect(securitySchemes(document, (pointer, message) => warnings.push(`${pointer} ${message}`))).toEqual({
      bearer: { type: "http", scheme: "bearer" },
      basic: { type: "http", scheme: "basic" },
      apiKey: { type: "apiKey", in: "header", name: "x-api-key" },
      appId: { type: "apiKey", in: "query", name: "app_id" },
      session: { type: "apiKey", in: "cookie", name: "SID" },
      oauth: { type: "http", scheme: "bearer" },
      oidc: { type: "http", scheme: "bearer" },
      mtls: { type: "mutualTLS" },
      shared: { type: "http", scheme: "bearer" },
    });
    expect(warnings).toEqual([]);
  });

  it("leave out a scheme that says too little to be used, with a warning at its place", () => {
    const schemes = { noName: { type: "apiKey", in: "header" }, odd: { type: "magic" }, bare: { type: "http" } };
    const warnings: string[] = [];
    const found = securitySchemes({ openapi: "3.1.0", components: { securitySchemes: schemes } }, (pointer, message) =>
      warnings.push(`${pointer} ${message}`),
    );
    expect(found).toEqual({});
    expect(warnings).toEqual([
      "#/components/securitySchemes/noName security scheme left out: an apiKey scheme needs `in` (header, query or cookie) and `name`",
      '#/components/securitySchemes/odd security scheme left out: its type "magic" is none of http, apiKey, oauth2, openIdConnect, mutualTLS',
      "#/components/securitySchemes/bare security scheme left out: an http scheme needs its `scheme` (bearer, basic, …)",
    ]);
  });
});

describe("an operation's security", () => {
  const set = toSchemaSet(document);

  it("is its own requirement list, each alternative the schemes it needs together", () => {
    expect(set.operations.deletePet?.security).toEqual([["apiKey", "appId"], ["bearer"]]);
  });

  it("is none for `security: []`, even where the document asks for some", () => {
    expect(set.operations.getPet?.security).toEqual([]);
  });

  it("is the document's where the operation says nothing", () => {
    expect(set.operations.listPets?.security).toEqual([["oauth"]]);
  });

  it("names a scheme the document lacks as written, and warns", () => {
    const warnings: string[] = [];
    const spec = { ...PETS_SPEC, security: [{ nowhere: [] }] };
    const found = toSchemaSet(toCanonical31(spec as OpenApiDocument), {
      warn: (pointer, message) => warnings.push(`${pointer} ${message}`),
    });
    expect(found.operations.listPets?.security).toEqual([["nowhere"]]);
    expect(warnings).toEqual([
      '#/paths/~1pets/get/security security scheme "nowhere" is not in components.securitySchemes',
    ]);
  });
});
