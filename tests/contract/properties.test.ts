import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Schema } from "../../src/codegen/schema-walk.js";
import { normalize, validate } from "../../src/index.js";
import { escapeToken, pointerKeys, valueAt } from "../../src/runtime/json-pointer.js";
import { arbitraryFor, specDefs } from "../helpers/schema-arbitrary.js";

const SEED = 20261124;
const RUNS = 300;

let defs: Record<string, Schema>;
let validBody: fc.Arbitrary<Record<string, unknown>>;
/** Extra fields a server may add: never null, so "no null left" stays checkable. */
const extras = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }).map((key) => `x_${key}`),
  fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant({ nested: [1, "two"] })),
  { maxKeys: 3 },
);

beforeAll(async () => {
  defs = await specDefs();
  validBody = fc
    .tuple(arbitraryFor(defs.ImageGeneration as Schema, defs), extras)
    .map(([body, extra]) => ({ ...extra, ...(body as Record<string, unknown>) }));
});

/** Every [JSON pointer, value] in a JSON value, the value itself included. */
function entries(value: unknown, pointer = ""): [string, unknown][] {
  const children =
    typeof value === "object" && value !== null
      ? Object.entries(value).flatMap(([key, child]) => entries(child, `${pointer}/${escapeToken(key)}`))
      : [];
  return [[pointer, value], ...children];
}

describe("spec-valid ImageGeneration bodies (generated from the spec)", () => {
  it("pass validation", () => {
    fc.assert(
      fc.property(validBody, (body) => {
        expect(validate("ImageGeneration", body)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("normalize to no null anywhere, every non-null value and extra field kept, input untouched", () => {
    fc.assert(
      fc.property(validBody, (body) => {
        const before = structuredClone(body);
        const normalized = normalize("ImageGeneration", body);
        expect(body).toEqual(before);
        const after = entries(normalized);
        expect(after.filter(([, value]) => value === null)).toEqual([]);
        for (const [pointer, value] of entries(body)) {
          if (value === null || typeof value === "object") continue;
          expect(Object.is(valueAt(normalized, pointer), value), pointer).toBe(true);
        }
        for (const key of Object.keys(body).filter((name) => name.startsWith("x_"))) {
          expect((normalized as Record<string, unknown>)[key]).toEqual(body[key]);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe("spec-invalid mutations", () => {
  it("a wrong type at any spec field is reported at that field's pointer", () => {
    const withLeaf = fc
      .tuple(validBody, fc.nat())
      .map(([body, pick]) => {
        const leaves = entries(body).filter(
          ([pointer, value]) =>
            pointer !== "" && !pointer.startsWith("/x_") && value !== null && typeof value !== "object",
        );
        return { body, leaf: leaves[pick % Math.max(leaves.length, 1)]?.[0] };
      })
      .filter(({ leaf }) => leaf !== undefined);
    fc.assert(
      fc.property(withLeaf, ({ body, leaf }) => {
        const mutated = structuredClone(body);
        const keys = pointerKeys(leaf as string);
        const parent = keys
          .slice(0, -1)
          .reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, mutated);
        parent[keys.at(-1) as string] = { wrong: true };
        const pointers = validate("ImageGeneration", mutated).map((violation) => violation.pointer);
        expect(pointers).toContain(leaf);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("a missing data is reported at /data", () => {
    fc.assert(
      fc.property(validBody, (body) => {
        const { data: _data, ...rest } = body;
        expect(validate("ImageGeneration", rest)).toContainEqual({
          pointer: "/data",
          expected: "required property",
          received: "nothing",
        });
      }),
      { seed: SEED, numRuns: 50 },
    );
  });

  it("a negative token count is reported at its pointer", () => {
    const field = fc.constantFrom("input_tokens", "output_tokens", "total_tokens", "input_tokens_details/text_tokens");
    fc.assert(
      fc.property(validBody, field, fc.integer({ min: -1_000_000, max: -1 }), (body, path, negative) => {
        const usage = {
          input_tokens: 1,
          output_tokens: 2,
          total_tokens: 3,
          input_tokens_details: { image_tokens: 0, text_tokens: 1 },
        };
        const mutated = { ...body, usage };
        const parts = path.split("/");
        const owner = (parts.length === 2 ? usage.input_tokens_details : usage) as Record<string, number>;
        owner[parts.at(-1) as string] = negative;
        const pointers = validate("ImageGeneration", mutated).map((violation) => violation.pointer);
        expect(pointers).toContain(`/usage/${path}`);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
