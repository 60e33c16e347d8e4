import { describe, expect, it, vi } from "vitest";
import {
  routes,
  validate_ErrorResponse,
  validate_ImageGeneration,
  validate_ImageGenerationRequest,
  validators,
} from "../../src/generated/metadata.js";
import { responseSchema, responseViolations } from "../../src/runtime/responses.js";
import type { SpecViolation, ValidationIssue, Validator } from "../../src/runtime/types.js";
import { check, describeViolations, unchecked } from "../../src/runtime/validation.js";

const usage = {
  input_tokens: 1,
  output_tokens: 2,
  total_tokens: 3,
  input_tokens_details: { image_tokens: 0, text_tokens: 1 },
};

/** A validator that reports exactly `issues`, for the filtering rules no real schema here triggers. */
function reporting(issues: ValidationIssue[]): Validator {
  const validator: Validator = () => issues.length === 0;
  validator.errors = issues;
  return validator;
}

const issue = (instancePath: string, keyword: string, schemaPath: string, params = {}): ValidationIssue => ({
  instancePath,
  keyword,
  schemaPath,
  params,
});

describe("check, with the generated validators", () => {
  it("finds nothing in a valid body", () => {
    expect(check(validate_ImageGeneration, { data: [{ url: "u" }], usage })).toEqual([]);
  });

  it("names a missing required property at its own pointer, escaped", () => {
    expect(check(validate_ImageGenerationRequest, { model: "m" })).toEqual([
      { pointer: "/prompt", expected: "required property", received: "nothing" },
    ]);
    const missing = reporting([issue("/a", "required", "#/required", { missingProperty: "b/c~d" })]);
    expect(check(missing, {})).toEqual([{ pointer: "/a/b~1c~0d", expected: "required property", received: "nothing" }]);
  });

  it("lists an enum's values without the null it allows", () => {
    expect(check(validate_ImageGenerationRequest, { prompt: "p", model: "m", quality: "ultra" })).toEqual([
      {
        pointer: "/quality",
        expected: "one of low, medium, high, auto, xhigh, max, standard, hd",
        received: '"ultra"',
      },
    ]);
  });

  it("says a rule's pattern too long to read (a size grammar) in the spec's words, else names its place", () => {
    expect(check(validate_ImageGenerationRequest, { prompt: "p", model: "gpt-image-2", size: "1000x1000" })).toEqual([
      {
        pointer: "/size",
        expected: "gpt-image-2 takes size auto or WxH, each side a multiple of 16 up to 3840",
        received: '"1000x1000"',
        rule: "gpt-image-2",
      },
    ]);
    const long = `^(?:${"a|".repeat(40)}b)$`;
    const unworded = reporting([
      issue("/size", "pattern", "#/allOf/0/then/properties/size/pattern", { pattern: long }),
    ]);
    Object.assign(unworded, { rules: { "#/allOf/0/then": "m" } });
    expect(check(unworded, { size: "c" })[0]?.expected).toBe(
      "m takes size of the form the pattern at #/allOf/0/then/properties/size in the spec sets",
    );
    // A field's own pattern, worded by the spec, says the words too.
    const worded = reporting([issue("/code", "pattern", "#/properties/code/pattern", { pattern: long })]);
    Object.assign(worded, { patterns: { "#/properties/code": "a run of a's ending in b" } });
    expect(check(worded, { code: "c" })[0]?.expected).toBe("must be a run of a's ending in b");
    const short = reporting([issue("/size", "pattern", "#/allOf/0/then/properties/size/pattern", { pattern: "^a$" })]);
    Object.assign(short, { rules: { "#/allOf/0/then": "m" } });
    expect(check(short, { size: "b" })[0]?.expected).toBe('m takes size that must match pattern "^a$"');
  });

  it("quotes an enum's values that are no plain word, so an empty string or a comma shows", () => {
    const odd = reporting([issue("/x", "enum", "#/enum", { allowedValues: ["", "a, b", "two words", "gpt-image-2"] })]);
    expect(check(odd, { x: 1 })[0]?.expected).toBe('one of "", "a, b", "two words", gpt-image-2');
  });

  it("says what an enum allows even when the validator gives no list", () => {
    const odd = reporting([issue("/x", "enum", "#/enum", { allowedValues: "a" })]);
    expect(check(odd, { x: 1 })[0]?.expected).toBe("one of a");
  });

  it("reports a nullable field of the wrong type once, without the union's noise", () => {
    expect(check(validate_ImageGeneration, { data: [], usage: 5 })).toEqual([
      { pointer: "/usage", expected: "must be object", received: "5" },
    ]);
  });

  it("drops the noise where the real problem sits deeper", () => {
    const body = { data: [], usage: { ...usage, input_tokens: "x" } };
    expect(check(validate_ImageGeneration, body)).toEqual([
      { pointer: "/usage/input_tokens", expected: "must be integer", received: '"x"' },
    ]);
  });

  it("drops oneOf, anyOf and a union branch's must-be-null at or above a real problem", () => {
    const noisy = reporting([
      issue("/a", "oneOf", "#/properties/a/oneOf"),
      issue("/a/x", "minimum", "#/properties/a/oneOf/0/properties/x/minimum", { comparison: ">=", limit: 0 }),
      issue("/b", "anyOf", "#/properties/b/anyOf"),
      issue("/b", "maxLength", "#/properties/b/anyOf/0/maxLength", { limit: 3 }),
      issue("/c", "type", "#/properties/c/oneOf/1/type", { type: "null" }),
      issue("/c", "enum", "#/properties/c/oneOf/0/enum", { allowedValues: ["q"] }),
    ]);
    expect(check(noisy, {}).map((v) => v.pointer)).toEqual(["/a/x", "/b", "/c"]);
    expect(check(noisy, {}).map((v) => v.expected)).toEqual([
      "must be >= 0",
      "must NOT have more than 3 characters",
      "one of q",
    ]);
  });

  it("keeps a union's problems when nothing else explains them", () => {
    const union = reporting([
      issue("/u", "type", "#/properties/u/anyOf/1/type", { type: "null" }),
      issue("/u", "anyOf", "#/properties/u/anyOf"),
      issue("/v", "oneOf", "#/properties/v/oneOf"),
    ]);
    expect(check(union, { u: 1, v: 2 }).map((v) => v.expected)).toEqual([
      "must be null",
      "must match a schema in anyOf",
      "must match exactly one schema in oneOf",
    ]);
  });

  it("says a problem the branches of an anyOf share once", () => {
    const branches = reporting([
      issue("", "required", "#/anyOf/0/required", { missingProperty: "id" }),
      issue("", "required", "#/anyOf/1/required", { missingProperty: "id" }),
      issue("/deleted", "type", "#/anyOf/1/properties/deleted/type", { type: "boolean" }),
      issue("", "anyOf", "#/anyOf"),
    ]);
    expect(check(branches, { deleted: 1 })).toEqual([
      { pointer: "/id", expected: "required property", received: "nothing" },
      { pointer: "/deleted", expected: "must be boolean", received: "1" },
    ]);
  });

  it("keeps noise at a sibling whose path only starts the same (/use vs /usage)", () => {
    const siblings = reporting([
      issue("/use", "anyOf", "#/properties/use/anyOf"),
      issue("/usage", "type", "#/properties/usage/type", { type: "object" }),
      issue("/x/deep", "minimum", "#/properties/x/minimum"),
      issue("/y/x", "anyOf", "#/properties/y/anyOf"),
    ]);
    expect(check(siblings, {}).map((v) => v.pointer)).toEqual(["/use", "/usage", "/x/deep", "/y/x"]);
  });

  it("treats a must-be-null outside a union as a real problem", () => {
    const plain = reporting([
      issue("/n", "type", "#/properties/n/type", { type: "null" }),
      issue("/m", "type", "#/properties/m/anyOf/12/type", { type: "null" }),
      issue("/m/x", "type", "#/properties/m/anyOf/0/properties/x/type", { type: "string" }),
      issue("/k", "type", "#/properties/k/anyOf/1/typeless", { type: "null" }),
      issue("/k", "const", "#/properties/k/const"),
      issue("/w", "type", "#/properties/w/anyOf/0/type", { type: "object" }),
      issue("/w/q", "minimum", "#/properties/w/anyOf/0/properties/q/minimum"),
      issue("/f", "format", "#/properties/f/anyOf/1/type", { type: "null" }),
      issue("/f/g", "minimum", "#/properties/f/anyOf/0/properties/g/minimum"),
    ]);
    expect(check(plain, {}).map((v) => v.pointer)).toEqual(["/n", "/m/x", "/k", "/k", "/w", "/w/q", "/f", "/f/g"]);
  });

  it("words a problem from its keyword and parameters (issue-message.test.ts holds each keyword)", () => {
    const worded = reporting([issue("/p", "pattern", "#/pattern", { pattern: "^a" })]);
    expect(check(worded, { p: "b" })).toEqual([
      { pointer: "/p", expected: 'must match pattern "^a"', received: '"b"' },
    ]);
  });

  it("lists nothing when a validator fails without saying why", () => {
    const silent: Validator = () => false;
    expect(check(silent, {})).toEqual([]);
  });
});

describe("what a violation shows of the value it received", () => {
  const received = (value: unknown) => check(reporting([issue("/v", "type", "#/type")]), { v: value })[0]?.received;

  it.each([
    ["a short string, quoted", "x".repeat(32), JSON.stringify("x".repeat(32))],
    ["a long string, its start and length", "y".repeat(33), `${JSON.stringify("y".repeat(32))}… (33 characters)`],
    ["an array, its length", [1, 2, 3], "an array of 3"],
    ["null", null, "null"],
    ["an object", { a: 1 }, "an object"],
    ["a number", 7.5, "7.5"],
    ["a boolean", false, "false"],
  ])("%s", (_what, value, shown) => {
    expect(received(value)).toBe(shown);
  });
});

describe("describeViolations", () => {
  const violation = (i: number): SpecViolation => ({ pointer: `/p${i}`, expected: `e${i}`, received: `r${i}` });

  it("writes each as pointer: expected, got received; the body itself as (body)", () => {
    expect(describeViolations([violation(1), { pointer: "", expected: "must be object", received: "5" }])).toBe(
      "/p1: e1, got r1; (body): must be object, got 5",
    );
  });

  it("names eight and counts the rest", () => {
    const eight = Array.from({ length: 8 }, (_, i) => violation(i));
    expect(describeViolations(eight)).toBe(
      eight.map((v) => `${v.pointer}: ${v.expected}, got ${v.received}`).join("; "),
    );
    const eleven = Array.from({ length: 11 }, (_, i) => violation(i));
    expect(describeViolations(eleven)).toBe(`${describeViolations(eight)}; … and 3 more`);
  });
});

describe("responses by status", () => {
  const { responses } = routes.generateImage;

  it("finds the exact code, then its range, then default", () => {
    expect(responseSchema({ "200": "A", "4XX": "B", default: "C" }, 200)).toBe("A");
    expect(responseSchema({ "200": "A", "4XX": "B", default: "C" }, 404)).toBe("B");
    expect(responseSchema({ "200": "A", "4XX": "B", default: "C" }, 503)).toBe("C");
    expect(responseSchema({ "200": "A" }, 201)).toBeUndefined();
  });

  it("holds a documented error body to its schema", () => {
    expect(
      responseViolations("generateImage", responses, 400, { error: { message: "m", type: "t" } }, validators),
    ).toEqual([]);
    expect(responseViolations("generateImage", responses, 400, { error: { type: "t" } }, validators)).toEqual([
      { pointer: "/error/message", expected: "required property", received: "nothing" },
    ]);
  });

  it("names the documented statuses for one the spec does not list", () => {
    expect(responseViolations("generateImage", responses, 418, {}, validators)).toEqual([
      {
        pointer: "",
        expected: `a status the spec documents for generateImage (${Object.keys(responses).join(", ")})`,
        received: "418",
      },
    ]);
  });

  it("checks nothing for a schema it has no validator of", () => {
    expect(responseViolations("op", { "400": "Unknown" }, 400, 5, validators)).toEqual([]);
    expect(
      responseViolations("op", { "400": "ErrorResponse" }, 400, 5, { ErrorResponse: validate_ErrorResponse }),
    ).not.toEqual([]);
  });
});

describe("a body nested deeper than a validator can walk", () => {
  /** A 100,000-deep chain, as a recursive schema (a tree, a linked list) allows. */
  const deep = () => {
    let value: Record<string, unknown> = {};
    for (let level = 0; level < 100_000; level++) value = { next: value };
    return value;
  };

  it("is a violation at the root, never a RangeError", () => {
    // A compiled validator of a recursive schema calls itself once per level, as this one does.
    const walk = ((value: unknown): boolean =>
      typeof value !== "object" || value === null || walk((value as { next?: unknown }).next)) as Validator;
    expect(check(walk, deep())).toEqual([
      { pointer: "", expected: "a body the validator can walk", received: "a value nested too deeply" },
    ]);
  });
});

describe("a problem under a conditional rule", () => {
  /** A validator reporting `issues`, whose rules table names the `then` at #/allOf/0 "dall-e-3". */
  const ruled = (...issues: ValidationIssue[]) =>
    Object.assign(reporting(issues), { rules: { "#/allOf/0/then": "dall-e-3" } });
  const under = (keyword: string, field: string) => `#/allOf/0/then/properties/${field}/${keyword}`;

  it.each([
    [issue("/size", "enum", under("enum", "size"), { allowedValues: ["a", "b", "c", null] }), "size: a, b or c"],
    [issue("/n", "maximum", under("maximum", "n"), { comparison: "<=", limit: 1 }), "n up to 1"],
    [issue("/prompt", "maxLength", under("maxLength", "prompt"), { limit: 4000 }), "prompt up to 4000 characters"],
    [issue("/style", "type", under("type", "style"), { type: "null" }), "no style"],
    [issue("/n", "minimum", under("minimum", "n"), { comparison: ">=", limit: 2 }), "n that must be >= 2"],
    [issue("/n", "type", under("type", "n"), { type: "integer" }), "n that must be integer"],
    [issue("", "type", "#/allOf/0/then/type", { type: "object" }), "the body that must be object"],
  ])("names the rule and what it takes: %#", (found, takes) => {
    expect(check(ruled(found), { size: "z", n: 4, prompt: "p", style: "vivid" })).toEqual([
      expect.objectContaining({ expected: `dall-e-3 takes ${takes}`, rule: "dall-e-3" }),
    ]);
  });

  it("says a field the rule requires is missing, at that field's pointer", () => {
    const missing = issue("", "required", "#/allOf/0/then/required", { missingProperty: "output_format" });
    expect(check(ruled(missing), {})).toEqual([
      { pointer: "/output_format", expected: "dall-e-3 takes output_format", received: "nothing", rule: "dall-e-3" },
    ]);
  });

  it("leaves a problem outside every rule as the field's own, with no rule", () => {
    const own = issue("/n", "maximum", "#/properties/n/maximum", { comparison: "<=", limit: 10 });
    expect(check(ruled(own), { n: 11 })).toEqual([{ pointer: "/n", expected: "must be <= 10", received: "11" }]);
  });
});

describe("check's edges", () => {
  it("returns no problem when the validator passes, whatever errors it still holds", () => {
    const passing: Validator = Object.assign(() => true, { errors: [issue("/x", "type", "#/type")] });
    expect(check(passing, {})).toEqual([]);
  });

  it("throws what a validator throws when it is not the stack running out", () => {
    const broken: Validator = () => {
      throw new TypeError("a bug in the validator");
    };
    expect(() => check(broken, {})).toThrow("a bug in the validator");
  });

  it("lets an unchecked schema's validator pass anything, and say so once on the console", () => {
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const validator = unchecked("Pet", "pattern is not a regular expression");
      expect(validator.unchecked).toBe("pattern is not a regular expression");
      expect(check(validator, { anything: 1 })).toEqual([]);
      expect(validator(null)).toBe(true);
      expect(warned.mock.calls).toEqual([
        ['"Pet" is not checked: the generator could not compile it (pattern is not a regular expression)'],
      ]);
    } finally {
      warned.mockRestore();
    }
  });
});
