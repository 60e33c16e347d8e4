import { describe, expect, it } from "vitest";
import { bodySchemas, validate_ImageGenerationRequest } from "../../src/generated/metadata.js";
import { ruleList } from "../../src/runtime/rule-list.js";
import type { Validator } from "../../src/runtime/types.js";

describe("ruleList", () => {
  const schema = bodySchemas.ImageGenerationRequest ?? {};

  it("reads the spec's rules as its validator names them, each with its condition and its demands", () => {
    const rules = ruleList(schema, validate_ImageGenerationRequest);
    expect(rules.map((rule) => rule.title)).toEqual([
      "dall-e-2",
      "dall-e-3",
      "gpt-image-*",
      "output_compression",
      "background: transparent",
    ]);
    expect(rules[1]?.when).toEqual({ required: ["model"], properties: { model: { const: "dall-e-3" } } });
    expect(rules[1]?.demands.properties).toMatchObject({ n: { enum: [1, null] } });
  });

  it("has none without a validator, and skips a named place that holds no if/then", () => {
    expect(ruleList(schema, undefined)).toEqual([]);
    const odd: Validator = Object.assign(() => true, {
      rules: { "#/allOf/0/then": "real", "#/properties/then": "not a rule", "#/allOf/99/then": "gone" },
    });
    expect(ruleList(schema, odd).map((rule) => rule.title)).toEqual(["real"]);
  });
});
