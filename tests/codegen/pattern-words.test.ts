import { describe, expect, it } from "vitest";
import { patternWords } from "../../src/codegen/pattern-words.js";

describe("patternWords", () => {
  it("finds the spec's words for each pattern by the place of the schema holding it, as a validator reports it", () => {
    const schema = {
      properties: {
        "a/b": { type: "string", pattern: "^x$", "x-pattern-description": " an x " },
        plain: { type: "string", pattern: "^y$" },
        unsaid: { type: "string", "x-pattern-description": "words with no pattern to say" },
      },
      allOf: [
        // As JSON: an object literal with a `then` key is a thenable to lint.
        JSON.parse(
          '{"if": {"properties": {"model": {"const": "m"}}}, "then": {"properties": {"size": {"pattern": "^16x16$", "x-pattern-description": "16x16 only"}}}}',
        ),
      ],
      "x-extension": { pattern: "^z$", "x-pattern-description": "an extension's value, not a schema" },
    };
    expect(patternWords(schema)).toEqual({
      "#/properties/a~1b": "an x",
      "#/allOf/0/then/properties/size": "16x16 only",
    });
  });

  it("gives none for a schema that words no pattern", () => {
    expect(patternWords({ type: "string", pattern: "^a$" })).toEqual({});
    expect(patternWords(true)).toEqual({});
  });
});
