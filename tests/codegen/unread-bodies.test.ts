/**
 * What no validator reads is said, once: the bodies of other media types are counted by media type
 * in one warning line, placed at the first, and grouped with the warnings that change the output.
 */
import { describe, expect, it } from "vitest";
import { toSchemaSet } from "../../src/codegen/json-schema.js";
import type { OpenApiDocument } from "../../src/codegen/spec-source.js";
import { groupWarnings } from "../../src/codegen/warning-groups.js";

const content = (...types: string[]) => ({
  content: Object.fromEntries(types.map((type) => [type, { schema: { type: "string" } }])),
});

/** Three octet-stream bodies (one a shared request body used twice), two text ones, and a JSON one. */
const DOCUMENT = {
  openapi: "3.1.0",
  paths: {
    "/a": {
      put: { requestBody: { $ref: "#/components/requestBodies/Raw" }, responses: { "200": content("text/plain") } },
      post: {
        requestBody: { $ref: "#/components/requestBodies/Raw" },
        responses: { "200": content("application/json") },
      },
    },
    "/b": { get: { responses: { "200": content("application/octet-stream"), "404": content("text/plain") } } },
  },
  webhooks: { sent: { post: { requestBody: content("application/octet-stream"), responses: {} } } },
  components: { requestBodies: { Raw: content("application/octet-stream") } },
} as unknown as OpenApiDocument;

function warningsOf(document: OpenApiDocument): [string, string][] {
  const found: [string, string][] = [];
  toSchemaSet(document, { warn: (pointer, message) => found.push([pointer, message]) });
  return found;
}

describe("bodies of media types no validator reads", () => {
  it("are one warning, counted by media type, placed at the first", () => {
    expect(warningsOf(DOCUMENT)).toEqual([
      [
        "#/components/requestBodies/Raw/content",
        "left unchecked: 5 bodies of other media types (application/octet-stream x3, text/plain x2), the first",
      ],
    ]);
  });

  it("are grouped with the warnings that change the output", () => {
    const line = `spec.json:3:4: ${warningsOf(DOCUMENT)[0]?.[1]} at #/components/requestBodies/Raw/content`;
    const lint = "spec.json:1:1: Servers must be present. [no-empty-servers] at #/openapi";
    expect(groupWarnings([lint, line]).map(({ rule, kind }) => [rule, kind])).toEqual([
      ["left unchecked", "output"],
      ["no-empty-servers", "style"],
    ]);
  });

  it("name a media type that is not plain text as a JSON string, and no more than six kinds", () => {
    const types = ["a/1", "a/2", "a/3", "a/4", "a/5", "a/6", "a/7", "text/\u001b[31mred"];
    const document = { openapi: "3.1.0", paths: { "/x": { get: { responses: { "200": content(...types) } } } } };
    const [, message] = warningsOf(document as unknown as OpenApiDocument)[0] ?? [];
    expect(message).toBe(
      "left unchecked: 8 bodies of other media types (a/1 x1, a/2 x1, a/3 x1, a/4 x1, a/5 x1, a/6 x1 and 2 more), the first",
    );
    const odd = { openapi: "3.1.0", paths: { "/x": { get: { responses: { "200": content("text/\u001b[31mred") } } } } };
    expect(warningsOf(odd as unknown as OpenApiDocument)[0]?.[1]).toBe(
      'left unchecked: 1 body of other media types ("text/\\u001b[31mred" x1), the first',
    );
  });

  it("are not said when every body is read", () => {
    const document = {
      openapi: "3.1.0",
      paths: { "/x": { get: { responses: { "200": content("application/json") } } } },
    };
    expect(warningsOf(document as unknown as OpenApiDocument)).toEqual([]);
  });
});
