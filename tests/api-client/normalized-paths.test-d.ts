import { describe, expectTypeOf, it } from "vitest";
import type { NormalizedPaths, SpecClient } from "../../src/api-client/index.js";
import type { createClient } from "../../src/generated/client.js";
import type { components, paths } from "../../src/generated/schema.js";
import type { Normalized } from "../../src/runtime/index.js";

type Client = ReturnType<typeof createClient>;
type Call = Awaited<ReturnType<Client["POST"]>>;
type Schemas = components["schemas"];
type Normal = NormalizedPaths<paths>["/v1/images/generations"]["post"];

describe("a generated folder's createClient", () => {
  it("is a SpecClient of the folder's paths", () => {
    expectTypeOf<Client>().toEqualTypeOf<SpecClient<paths>>();
  });

  it("types the 200's data normalized: no null the spec allows", () => {
    expectTypeOf<NonNullable<Call["data"]>>().toEqualTypeOf<Normalized<Schemas["ImageGeneration"]>>();
    expectTypeOf<NonNullable<Call["data"]>["usage"]>().toEqualTypeOf<Schemas["ImageUsage"] | undefined>();
    expectTypeOf<null>().not.toMatchTypeOf<NonNullable<Call["data"]>["usage"]>();
  });

  it("types an error body normalized too", () => {
    expectTypeOf<NonNullable<Call["error"]>>().toEqualTypeOf<Normalized<Schemas["ErrorResponse"]>>();
  });

  it("keeps the request body as the spec writes it, nulls allowed", () => {
    type Body = NonNullable<Normal["requestBody"]>["content"]["application/json"];
    expectTypeOf<Body>().toEqualTypeOf<Schemas["ImageGenerationRequest"]>();
    expectTypeOf<null>().toMatchTypeOf<Body["n"]>();
  });

  it("types the error of an operation that documents none as unknown, since a server may still send one", () => {
    type Only200 = {
      "/x": {
        parameters: { query?: never; header?: never; path?: never; cookie?: never };
        get: {
          parameters: { query?: never; header?: never; path?: never; cookie?: never };
          requestBody?: never;
          responses: {
            200: { headers: { [name: string]: unknown }; content: { "application/json": { a: string | null } } };
          };
        };
      };
    };
    type Answer = Awaited<ReturnType<SpecClient<Only200>["GET"]>>;
    expectTypeOf<Answer["error"]>().toEqualTypeOf<unknown>();
    expectTypeOf<NonNullable<Answer["data"]>>().toEqualTypeOf<{ a?: string }>();
    // One that documents an error keeps that error's type.
    expectTypeOf<NonNullable<Call["error"]>>().not.toEqualTypeOf<unknown>();
  });

  it("refuses a path the spec does not have", () => {
    const client = {} as Client;
    // @ts-expect-error: no such path in the spec.
    void (() => client.GET("/v1/nothing"));
  });
});
