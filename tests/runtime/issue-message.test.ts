import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { issueMessage } from "../../src/runtime/issue-message.js";
import type { ValidationIssue } from "../../src/runtime/types.js";

/** Ajv with its own messages on: what the generated validators (messages off) would have said. */
const ajv = new Ajv2020({ allErrors: true, strict: false });

/** Every issue Ajv finds for `value` against `schema`, each with Ajv's message and ours. */
function worded(schema: object, value: unknown): [ajvs: string, ours: string][] {
  const validate = ajv.compile(schema);
  validate(value);
  return (validate.errors ?? []).map((issue) => [
    issue.message ?? "",
    issueMessage({ ...(issue as ValidationIssue), message: undefined }),
  ]);
}

describe("issueMessage", () => {
  it.each([
    ["type", { type: "integer" }, "x"],
    ["type list", { type: ["string", "null"] }, 1],
    ["minimum", { minimum: 3 }, 1],
    ["maximum", { maximum: 3 }, 5],
    ["exclusiveMinimum", { exclusiveMinimum: 3 }, 3],
    ["exclusiveMaximum", { exclusiveMaximum: 3 }, 3],
    ["multipleOf", { multipleOf: 4 }, 6],
    ["minLength", { minLength: 2 }, "a"],
    ["maxLength", { maxLength: 1 }, "ab"],
    ["minItems", { minItems: 2 }, [1]],
    ["maxItems", { maxItems: 1 }, [1, 2]],
    ["minProperties", { minProperties: 2 }, { a: 1 }],
    ["maxProperties", { maxProperties: 1 }, { a: 1, b: 2 }],
    ["pattern", { pattern: "^a" }, "b"],
    ["const", { const: 1 }, 2],
    ["enum", { enum: [1, 2] }, 3],
    ["required", { required: ["a"] }, {}],
    ["additionalProperties", { properties: {}, additionalProperties: false }, { a: 1 }],
    ["unevaluatedProperties", { unevaluatedProperties: false }, { a: 1 }],
    ["uniqueItems", { uniqueItems: true }, [1, 1]],
    ["oneOf", { oneOf: [{ type: "string" }, { type: "string" }] }, "x"],
    ["anyOf", { anyOf: [{ type: "string" }] }, 1],
    ["not", { not: { type: "string" } }, "x"],
    // Written as JSON: an object literal with a `then` key reads as a thenable to the linter.
    ["if", JSON.parse('{ "if": { "const": 1 }, "then": { "const": 2 } }'), 1],
    ["false schema", { properties: { a: false } }, { a: 1 }],
  ])("says %s as Ajv does", (_keyword, schema, value) => {
    const pairs = worded(schema, value);
    expect(pairs.length).toBeGreaterThan(0);
    for (const [ajvs, ours] of pairs) expect(ours).toBe(ajvs);
  });

  it("says format as Ajv does, and a keyword it does not know by name", () => {
    const format = { keyword: "format", params: { format: "date" }, instancePath: "", schemaPath: "#/format" };
    expect(issueMessage(format)).toBe('must match format "date"');
    const vendor = { keyword: "x-vendor", params: {}, instancePath: "", schemaPath: "#/x-vendor" };
    expect(issueMessage(vendor)).toBe('must pass "x-vendor" keyword validation');
  });
});
