import { describe, expectTypeOf, it } from "vitest";
import { type BodyTypes, normalize, parse, validate } from "../../src/generated/index.js";
import type { components } from "../../src/generated/schema.js";
import type { Normalized } from "../../src/runtime/index.js";

declare const body: unknown;
type Generation = Normalized<components["schemas"]["ImageGeneration"]>;

describe("a generated folder's functions are typed by the schema name", () => {
  it("parse gives the body's normalized type, from an unknown value", () => {
    expectTypeOf(parse("ImageGeneration", body)).toEqualTypeOf<Generation>();
    expectTypeOf(parse("ImageGeneration", body).usage).toEqualTypeOf<Generation["usage"]>();
  });

  it("normalize of a name gives that name's normalized type, not the value's", () => {
    expectTypeOf(normalize("ImageGeneration", body)).toEqualTypeOf<Generation>();
    expectTypeOf(normalize("ImageUsage", body)).toEqualTypeOf<Normalized<components["schemas"]["ImageUsage"]>>();
  });

  it("each body name has its type in BodyTypes", () => {
    expectTypeOf<BodyTypes["ImageGenerationRequest"]>().toEqualTypeOf<
      components["schemas"]["ImageGenerationRequest"]
    >();
  });

  it("refuses a name the spec does not have", () => {
    // @ts-expect-error not a body schema of the spec
    parse("ImageGenerationz", body);
    // @ts-expect-error a component schema that is no body has no validator
    validate("ImageUsage", body);
    // @ts-expect-error not a schema of the spec
    normalize("Nothing", body);
  });
});
