import { getAstNodeByPointer, getLineColLocation, Source } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { type JsonPlace, jsonOffsets } from "../../src/codegen/json-locator.js";

/** Where Redocly's syntax tree of `text` puts each place: what warnings were placed with before. */
function redoclyOffsets(text: string, places: readonly JsonPlace[]): number[] {
  const source = new Source("spec.json", text, "application/json");
  getLineColLocation({ source, pointer: "#/", reportOnKey: false });
  const ast = source.getAst((() => undefined) as never);
  return places.map(({ pointer, onKey }) => getAstNodeByPointer(ast as never, pointer, onKey)?.startPosition ?? 1);
}

const TEXT = `{
  "openapi": "3.1.0",
  "paths": {
    "/a/{id}": { "get": { "operationId": "a\\"b", "tags": ["x", {"y": [1, -2.5e3, true, null]}] } },
    "we\\u0069rd ~key": {"k": "v"},
    "dup": {"first": 1},
    "dup": {"second": 2}
  },
  "empty": {}, "none": []
}`;

describe("jsonOffsets", () => {
  const pointers = [
    "#/",
    "#/openapi",
    "#/paths/~1a~1{id}/get/operationId",
    "#/paths/~1a~1{id}/get/tags/1/y/3",
    "#/paths/~1a~1{id}/get/tags/7",
    "#/paths/weird ~0key/k",
    "#/paths/dup/first",
    "#/paths/dup/second",
    "#/paths/~1a~1{id}/get/operationId/past/a/string",
    "#/missing/deeper",
    "#/empty/x",
    "#/none/0",
  ];
  const places = pointers.flatMap((pointer) => [false, true].map((onKey) => ({ pointer, onKey })));

  it("puts every pointer, its key, and a pointer past the text where Redocly's syntax tree does", () => {
    expect(jsonOffsets(TEXT, places)).toEqual(redoclyOffsets(TEXT, places));
    expect(jsonOffsets(TEXT, [{ pointer: "#/paths/dup/first", onKey: true }])).toEqual([TEXT.indexOf('"first"')]);
  });

  it("answers nothing for text that is not one JSON value, which is placed another way", () => {
    for (const text of ["openapi: 3.1.0\npaths: {}\n", '{"a": 1} {"b": 2}', '{"a": }', '{"a": "open', "{a: 1}"]) {
      expect(jsonOffsets(text, [{ pointer: "#/a", onKey: false }]), text).toBeUndefined();
    }
  });
});
