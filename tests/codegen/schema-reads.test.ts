import { describe, expect, it } from "vitest";
import { inlinedSchemaReads } from "../../src/codegen/schema-reads.js";

const SCHEMA =
  'const schema1 = {"enum":["a",null],"properties":{"a-b":{"type":["string","null"]}},"allOf":[{"enum":[1]}]};';
const issue = (params: string, path = "instancePath") => `vErrors = _issue(vErrors,${path},"#/enum","enum",${params});`;

describe("inlinedSchemaReads", () => {
  it.each([
    ["a property read", issue("{allowedValues: schema1.enum}"), issue('{allowedValues: ["a",null]}')],
    ["index and quoted steps", issue('{type: schema1.properties["a-b"].type}'), issue('{type: ["string","null"]}')],
    ["an index into an array", issue("{allowedValues: schema1.allOf[0].enum}"), issue("{allowedValues: [1]}")],
    ["a read of nothing, kept", issue("{allowedValues: schema1.oneOf}"), issue("{allowedValues: schema1.oneOf}")],
    ["an unknown constant, kept", issue("{allowedValues: schema9.enum}"), issue("{allowedValues: schema9.enum}")],
    [
      "a string that looks like a read, untouched",
      issue("{allowedValues: schema1.enum}", 'instancePath+"/schema1.enum"'),
      issue('{allowedValues: ["a",null]}', 'instancePath+"/schema1.enum"'),
    ],
    ["a read outside an issue, kept", "const vSchema0 = schema1.enum;", "const vSchema0 = schema1.enum;"],
  ])("%s", (_name, given, want) => {
    expect(inlinedSchemaReads(`${SCHEMA}\n${given}`)).toBe(`${SCHEMA}\n${want}`);
  });

  it("writes a __proto__ key of a read value as an own property, not a prototype", () => {
    const schema = 'const schema2 = {"const":{"__proto__":{"x":1}}};';
    const inlined = inlinedSchemaReads(`${schema}\n${issue("{allowedValue: schema2.const}")}`);
    expect(inlined).toContain('{allowedValue: {["__proto__"]:{"x":1}}}');
  });
});
