/**
 * A multipart file part (`format: binary`, or 3.1 `contentMediaType` without `contentEncoding`):
 * what a caller holds for it (a Blob or File, a Uint8Array or Buffer, a string) is what the types
 * say and what the validators accept; anything else is refused in one violation.
 */
import { describe, expect, it } from "vitest";
import type { SchemaSet } from "../../src/codegen/json-schema.js";
import { isRawBytes } from "../../src/codegen/raw-bytes.js";
import type { OpenApiDocument } from "../../src/codegen/spec-source.js";
import { emitTypes } from "../../src/codegen/types-emitter.js";
import { compileValidators } from "../../src/codegen/validators.js";
import { validateWith } from "../../src/runtime/index.js";
import type { Validator } from "../../src/runtime/types.js";

const UPLOAD = {
  type: "object",
  required: ["file"],
  properties: {
    file: { type: "string", format: "binary" },
    note: { type: ["string", "null"], contentMediaType: "text/plain" },
    thumb: { type: "string", format: "binary", maxLength: 4 },
    encoded: { type: "string", contentMediaType: "image/png", contentEncoding: "base64" },
    files: { type: "array", items: { type: "string", format: "binary" } },
  },
};

/** The upload schema's validator, compiled as the generator compiles it and imported as an ES module. */
async function uploadValidator(): Promise<Validator> {
  const set: SchemaSet = {
    defs: { Upload: UPLOAD },
    operations: { upload: { method: "post", path: "/upload", request: "Upload", responses: {}, security: [] } },
    places: {},
    bodyTypes: {},
    parameterTypes: {},
  };
  const warnings: string[] = [];
  const { code } = compileValidators(set, (_pointer, message) => warnings.push(message));
  // No strict-mode finding: a length that stays for strings keeps its `type` beside it.
  expect(warnings).toEqual([]);
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<string, Validator>;
  return module.validate_Upload as Validator;
}

describe("raw bytes", () => {
  it("are format: binary, or a contentMediaType with no contentEncoding, on a string", () => {
    expect(isRawBytes(UPLOAD.properties.file)).toBe(true);
    expect(isRawBytes(UPLOAD.properties.note)).toBe(true);
    expect(isRawBytes(UPLOAD.properties.encoded)).toBe(false);
    expect(isRawBytes({ type: "integer", format: "binary" })).toBe(false);
  });

  it("take a Blob, a File, a Uint8Array, a Buffer or a string, in a field or an array of them", async () => {
    const validators = { Upload: await uploadValidator() };
    const check = (value: unknown) => validateWith(validators, "Upload", value);
    expect(check({ file: new Blob(["png"]), note: null })).toEqual([]);
    expect(check({ file: new File(["png"], "a.png"), note: new Uint8Array(3) })).toEqual([]);
    expect(check({ file: Buffer.from("png"), thumb: new Uint8Array(99) })).toEqual([]);
    expect(check({ file: "text", files: [new Blob([]), "x", new Uint8Array(1)] })).toEqual([]);
  });

  it("refuse anything else in one violation, and keep a length for strings", async () => {
    const validators = { Upload: await uploadValidator() };
    const check = (value: unknown) => validateWith(validators, "Upload", value);
    expect(check({ file: 5, note: {}, files: [[]] })).toEqual([
      { pointer: "/file", expected: "must be string, Blob or Uint8Array", received: "5" },
      { pointer: "/note", expected: "must be string, Blob, Uint8Array or null", received: "an object" },
      { pointer: "/files/0", expected: "must be string, Blob or Uint8Array", received: "an array of 0" },
    ]);
    expect(check({ file: "x", thumb: "12345" })).toEqual([
      { pointer: "/thumb", expected: "must NOT have more than 4 characters", received: '"12345"' },
    ]);
    // A base64 string is text: bytes are refused there.
    expect(check({ file: "x", encoded: new Uint8Array(1) })).toEqual([
      { pointer: "/encoded", expected: "must be string", received: expect.any(String) },
    ]);
  });

  it("are typed as the validators take them", async () => {
    const document = {
      openapi: "3.1.0",
      info: { title: "upload", version: "1" },
      paths: {},
      components: { schemas: { Upload: UPLOAD } },
    } as unknown as OpenApiDocument;
    const types = await emitTypes(document, () => {});
    expect(types).toContain("file: string | Blob | Uint8Array;");
    expect(types).toContain("note?: (string | Blob | Uint8Array) | null;");
    expect(types).toContain("files?: (string | Blob | Uint8Array)[];");
    expect(types).toContain("encoded?: string;");
  });
});
