import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import type { Validator } from "../../src/runtime/types.js";
import { check } from "../../src/runtime/validation.js";
import { operationAnswer } from "../../src/testing/mock-reply.js";
import type { SpecFolder } from "../../src/testing/spec-folder.js";

const ajv = new Ajv2020({ allErrors: true, strict: false });

/** A folder whose one operation answers 200 with body schema `Playlist`, compiled by Ajv. */
function folderOf(schema: Record<string, unknown>): SpecFolder {
  return {
    routes: { getPlaylist: { method: "get", path: "/playlist", responses: { "200": "Playlist" } } },
    validators: { Playlist: ajv.compile(schema) as Validator },
    shapes: {},
    bodySchemas: { Playlist: schema },
  };
}

/** ListenNotes' shape: a `oneOf` of objects that require nothing, which any object meets all of. */
function playlist(item: Record<string, unknown>, items: Record<string, unknown> = {}): Record<string, unknown> {
  const episode = { type: "object", properties: { title: { type: "string" } } };
  const data = { oneOf: [{ $ref: "#/$defs/Episode" }, { $ref: "#/$defs/Podcast" }] };
  return {
    type: "object",
    required: ["items"],
    properties: {
      items: {
        type: "array",
        ...items,
        items: { type: "object", properties: { id: { type: "string" }, data }, ...item },
      },
    },
    $defs: { Episode: episode, Podcast: episode },
  };
}

describe("operationAnswer", () => {
  it("leaves out an optional field whose oneOf no value meets (ListenNotes' playlist item data)", () => {
    const spec = folderOf(playlist({}));
    const { body } = operationAnswer(spec, "getPlaylist", { seed: 0, scenario: "normal" });
    expect(body).toEqual({ items: [{ id: "xxxxxx" }] });
    expect(check(spec.validators.Playlist as Validator, body)).toEqual([]);
  });

  it("keeps a required field, and an item minItems needs, though no value meets it", () => {
    const spec = folderOf(playlist({ required: ["data"] }, { minItems: 1 }));
    const { body } = operationAnswer(spec, "getPlaylist", { seed: 0, scenario: "normal" });
    expect(body).toEqual({ items: [{ id: "xxxxxx", data: { title: "xxxxxx" } }] });
  });
});
