import { describe, expectTypeOf, it } from "vitest";
import type { components } from "../../src/generated/schema.js";
import type { ImageGeneration, Normalized } from "../../src/index.js";

type Raw = components["schemas"]["ImageGeneration"];
type Result = Normalized<Raw>;

/** True when `null` appears anywhere in T, at any depth. */
type HasNull<T> = null extends T
  ? true
  : T extends readonly (infer Item)[]
    ? HasNull<Item>
    : T extends object
      ? true extends { [K in keyof T]-?: HasNull<T[K]> }[keyof T]
        ? true
        : false
      : false;

describe("Normalized<ImageGeneration>", () => {
  it("has no null anywhere, though the generated type has", () => {
    expectTypeOf<HasNull<Raw>>().toEqualTypeOf<true>();
    expectTypeOf<HasNull<Result>>().toEqualTypeOf<false>();
  });

  it("keeps data required and makes usage optional", () => {
    expectTypeOf<Result>().toHaveProperty("data");
    expectTypeOf<Result["data"]>().toEqualTypeOf<Normalized<components["schemas"]["ImageData"]>[]>();
    expectTypeOf<{ data: [] }>().toMatchTypeOf<Result>();
    expectTypeOf<Result["usage"]>().toEqualTypeOf<components["schemas"]["ImageUsage"] | undefined>();
  });

  it("types each image's fields as optional strings", () => {
    expectTypeOf<Result["data"][number]>().toEqualTypeOf<{
      b64_json?: string;
      revised_prompt?: string;
      url?: string;
    }>();
  });

  it("is what generate resolves to", () => {
    expectTypeOf<ImageGeneration>().toEqualTypeOf<Result>();
  });

  it("rejects null where the raw type allowed it", () => {
    // @ts-expect-error usage is never null after normalization
    const result: Result = { data: [], usage: null };
    expectTypeOf(result).not.toBeAny();
  });
});
