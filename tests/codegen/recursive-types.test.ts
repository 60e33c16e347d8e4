import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { withRecursiveAliases } from "../../src/codegen/recursive-types.js";

/** `schema.ts`'s text for a 3.1 document with these component schemas, aliases made. */
async function typesOf(schemas: Record<string, unknown>): Promise<string> {
  const document = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {}, components: { schemas } };
  return astToString(withRecursiveAliases(await openapiTS(document as Parameters<typeof openapiTS>[0])));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("withRecursiveAliases", () => {
  it("writes a schema that holds itself through an array as a type alias, its description kept", async () => {
    const text = await typesOf({
      Value: { description: "any JSON", anyOf: [{ type: "string" }, { type: "array", items: ref("Value") }] },
    });
    expect(text).toMatch(/\/\*\* @description any JSON \*\/\s+Value: RecursiveSchema0;/);
    expect(text).toContain("type RecursiveSchema0 = string | RecursiveSchema0[];");
  });

  it("aliases every schema of a cycle through arrays, each naming the others by alias", async () => {
    const text = await typesOf({
      A: { anyOf: [{ type: "string" }, { type: "array", items: ref("B") }] },
      B: { anyOf: [{ type: "number" }, { type: "array", items: ref("A") }] },
      C: { type: "array", items: ref("A") },
    });
    expect(text).toContain("A: RecursiveSchema0;");
    expect(text).toContain("B: RecursiveSchema1;");
    expect(text).toContain("type RecursiveSchema0 = string | RecursiveSchema1[];");
    expect(text).toContain("type RecursiveSchema1 = number | RecursiveSchema0[];");
    // C reaches the cycle but is not on it: TypeScript resolves it through A's alias.
    expect(text).toContain('C: components["schemas"]["A"][];');
  });

  it("leaves a schema that holds itself inside an object as openapi-typescript wrote it", async () => {
    const schemas = {
      Node: { type: "object", properties: { children: { type: "array", items: ref("Node") } } },
    };
    const text = await typesOf(schemas);
    expect(text).not.toContain("RecursiveSchema");
    const document = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {}, components: { schemas } };
    expect(text).toBe(astToString(await openapiTS(document as Parameters<typeof openapiTS>[0])));
  });
});
