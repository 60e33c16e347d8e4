import { describe, expect, it } from "vitest";
import { filledBody } from "../../src/testing/mock-body.js";
import type { SpecFolder } from "../../src/testing/spec-folder.js";

/** A folder with one body schema: all `filledBody` reads. */
function folderOf(schema: Record<string, unknown>): SpecFolder {
  return { routes: {}, validators: {}, shapes: {}, bodySchemas: { Body: schema } };
}

describe("filledBody", () => {
  it("fills a required object nested deeper than optional parts go (the upstream Sudo spec's tool call function)", () => {
    // data/0/choices/0/message/tool_calls/0/function: eight levels, each one required.
    let schema: Record<string, unknown> = {
      type: "object",
      required: ["name"],
      properties: { name: { type: "integer", minimum: 3 }, note: { type: "string" } },
    };
    for (let level = 0; level < 8; level++)
      schema = { type: "object", required: ["inner"], properties: { inner: schema, extra: { type: "string" } } };
    let value = filledBody(folderOf(schema), "Body") as Record<string, unknown>;
    for (let level = 0; level < 8; level++) value = value.inner as Record<string, unknown>;
    expect(value).toEqual({ name: 3 });
  });

  it("writes a string to its pattern, shorter than a free string when the pattern says so (ReadMe's colours)", () => {
    const color = { type: "string", pattern: "^(?:#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6})$" };
    expect(filledBody(folderOf(color), "Body")).toBe("#000");
    expect(filledBody(folderOf({ ...color, minLength: 7 }), "Body")).not.toBe("#000");
  });

  it("takes the first oneOf branch, and another for another branch choice", () => {
    const either = {
      oneOf: [{ type: "string" }, { type: "null" }, { type: "object", properties: { id: { type: "integer" } } }],
    };
    expect(filledBody(folderOf(either), "Body")).toBe("xxxxxx");
    expect(filledBody(folderOf(either), "Body", 0, 1)).toEqual({ id: 0 });
  });

  it("gives a oneOf's typeless branch a value no typed sibling takes (the upstream Sudo spec's tool_choice)", () => {
    const schema = {
      type: "object",
      properties: { tool_choice: { anyOf: [{ allOf: [{ $ref: "#/$defs/ToolChoice" }] }, { type: "null" }] } },
      $defs: { ToolChoice: { oneOf: [{ type: "string" }, {}] } },
    };
    expect(filledBody(folderOf(schema), "Body", 0, 1)).toEqual({ tool_choice: {} });
    const numbered = { oneOf: [{ type: "object" }, {}] };
    expect(filledBody(folderOf(numbered), "Body", 0, 1)).toBe(0);
  });

  it("passes over an example of another type than its schema's (Ory Hydra's redirect_uris)", () => {
    const uris = { type: "array", items: { type: "string" }, examples: ["http://mydomain/oauth/callback"] };
    expect(filledBody(folderOf(uris), "Body")).toEqual(["xxxxxx"]);
    expect(filledBody(folderOf({ type: "number", examples: [3] }), "Body")).toBe(3);
  });

  it("ends a schema that requires itself, however deep", () => {
    const schema = { type: "object", required: ["self"], properties: { self: { $ref: "#" } } };
    expect(JSON.stringify(filledBody(folderOf(schema), "Body")).length).toBeLessThan(1000);
  });
});
