import { describe, expect, it } from "vitest";
import { bodySchemas, validate_ImageGenerationRequest } from "../../src/generated/metadata.js";
import { lifecycleOf, meets, ruleList } from "../../src/runtime/rule-list.js";
import type { Validator } from "../../src/runtime/types.js";

describe("ruleList", () => {
  const schema = bodySchemas.ImageGenerationRequest ?? {};

  it("reads the spec's rules as its validator names them, each with its condition and its demands", () => {
    const rules = ruleList(schema, validate_ImageGenerationRequest);
    expect(rules.map((rule) => rule.title)).toEqual([
      "gpt-image-2",
      "gpt-image-2 quality",
      "gpt-image-2.5 and gpt-image-2.6",
      "gpt-image-* and chatgpt-image-*",
      "gpt-image-1",
      "gpt-image-1-mini, gpt-image-1.5, chatgpt-image-latest",
      "dall-e-2",
      "dall-e-3",
      "output_compression",
      "background: transparent",
    ]);
    const dallE3 = rules.find((rule) => rule.title === "dall-e-3");
    expect(dallE3?.when).toEqual({ required: ["model"], properties: { model: { const: "dall-e-3" } } });
    expect(dallE3?.demands.properties).toMatchObject({ n: { enum: [1, null] } });
    expect(dallE3?.lifecycle).toEqual({
      when: { model: { const: "dall-e-3" } },
      status: "shut-down",
      since: "2026-05-12",
      replacement: "gpt-image-2",
    });
    expect(rules[0]?.lifecycle).toMatchObject({ status: "live", since: "2026-04" });
    expect(rules.find((rule) => rule.title === "output_compression")?.lifecycle).toBeUndefined();
  });

  it("finds a body's lifecycle by its rule's const, enum or pattern, and none for a model no rule records", () => {
    const of = (model: string) => lifecycleOf(validate_ImageGenerationRequest, { prompt: "p", model });
    expect(of("dall-e-3")).toMatchObject({ title: "dall-e-3", status: "shut-down" });
    expect(of("gpt-image-1.5")).toMatchObject({ title: "gpt-image-1-mini, gpt-image-1.5, chatgpt-image-latest" });
    expect(of("gpt-image-2.6")).toMatchObject({ title: "gpt-image-2", status: "live" });
    expect(of("gpt-image-2-2026-04-21")).toMatchObject({ title: "gpt-image-2" });
    expect(of("flux")).toBeUndefined();
    expect(lifecycleOf(validate_ImageGenerationRequest, "not a body")).toBeUndefined();
    expect(meets("a", { const: "a", enum: ["b"] })).toBe(false);
    expect(meets(1, { pattern: "1" })).toBe(false);
  });

  it("has none without a validator, and skips a named place that holds no if/then", () => {
    expect(ruleList(schema, undefined)).toEqual([]);
    const odd: Validator = Object.assign(() => true, {
      rules: { "#/allOf/0/then": "real", "#/properties/then": "not a rule", "#/allOf/99/then": "gone" },
    });
    expect(ruleList(schema, odd).map((rule) => rule.title)).toEqual(["real"]);
  });
});
