import { describe, expect, it } from "vitest";
import { requestFlags, typedAs } from "../../src/cli/request-flags.js";

const SCHEMA = {
  type: "object",
  required: ["prompt"],
  properties: { prompt: { type: "string" }, output_format: { type: "string" }, n: { type: "integer" } },
};

describe("typedAs", () => {
  const flags = requestFlags(SCHEMA, "prompt");
  it.each([
    ["/output_format", "--output-format"],
    ["/n", "--n"],
    ["/prompt", "the prompt"],
    ["", "the request"],
    ["/extra_field", "--extra-field"],
  ])("names %j as a person typed it: %s", (pointer, typed) => {
    expect(typedAs(pointer, flags, "prompt")).toBe(typed);
  });
});
