import { describe, expect, it } from "vitest";
import { parse, SpecViolationError } from "../../src/generated/index.js";
import { normalize, validate } from "../../src/index.js";
import { normalizeWith } from "../../src/runtime/normalize.js";
import type { Shapes } from "../../src/runtime/types.js";

const full = {
  background: "transparent",
  created: 1_700_000_000,
  output_format: "png",
  quality: "high",
  size: "1024x1024",
  usage: {
    input_tokens: 5,
    output_tokens: 10,
    total_tokens: 15,
    input_tokens_details: { image_tokens: 0, text_tokens: 5 },
  },
  data: [{ b64_json: "iVBORw0KGgo=", revised_prompt: "a lighthouse", url: "https://img.example/1.png" }],
};

describe("normalize (responses)", () => {
  it("drops every nullable field that is null, at the top and in every data item", () => {
    const body = {
      background: null,
      created: null,
      output_format: null,
      quality: null,
      size: null,
      usage: null,
      data: [
        { b64_json: null, revised_prompt: null, url: null },
        { b64_json: null, revised_prompt: "kept", url: null },
      ],
    };
    expect(normalize("ImageGeneration", body)).toEqual({ data: [{}, { revised_prompt: "kept" }] });
  });

  it("leaves a body with every optional field absent as it is", () => {
    expect(normalize("ImageGeneration", { data: [{}] })).toEqual({ data: [{}] });
  });

  it("keeps every field of a body with everything present", () => {
    expect(normalize("ImageGeneration", full)).toEqual(full);
  });

  it("drops usage: null and keeps the rest", () => {
    const { usage: _usage, ...rest } = full;
    expect(normalize("ImageGeneration", { ...full, usage: null })).toEqual(rest);
  });

  it("drops the nullable code and param of an ErrorResponse", () => {
    const body = { error: { message: "bad", type: "invalid_request_error", code: null, param: null } };
    expect(normalize("ErrorResponse", body)).toEqual({ error: { message: "bad", type: "invalid_request_error" } });
  });

  it("keeps unknown extra fields untouched, null ones included", () => {
    const body = { data: [{ url: "u", seed: 7, extra: null }], provider: { name: "x" }, trace: null };
    expect(normalize("ImageGeneration", body)).toEqual(body);
  });

  it("keeps a null the spec does not allow, for validation to report", () => {
    expect(normalize("ImageGeneration", { data: null })).toEqual({ data: null });
  });

  it("never mutates its input", () => {
    const body = { usage: null, data: [{ url: null, b64_json: "AAAA" }] };
    const snapshot = structuredClone(body);
    normalize("ImageGeneration", body);
    expect(body).toEqual(snapshot);
  });

  it("passes a 4 MB b64_json string through by reference, not as a copy", () => {
    const big = "A".repeat(4 * 1024 * 1024);
    const result = normalize("ImageGeneration", { data: [{ b64_json: big, url: null }] });
    expect(result.data[0]?.b64_json).toBe(big);
    expect(Object.is(result.data[0]?.b64_json, big)).toBe(true);
  });

  it("drops a server's own __proto__ key and keeps constructor and prototype keys as plain data", () => {
    const body = JSON.parse(
      '{"data":[{"__proto__":{"polluted":true},"constructor":null}],"__proto__":{"polluted":true}}',
    );
    const result = normalize("ImageGeneration", body) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.getPrototypeOf((result.data as object[])[0])).toBe(Object.prototype);
    expect(Object.hasOwn(result, "__proto__")).toBe(false);
    expect(Object.hasOwn((result.data as object[])[0] as object, "__proto__")).toBe(false);
    // Copied with Object.assign, nothing from the server reaches the target's prototype.
    expect(Object.getPrototypeOf(Object.assign({}, (result.data as object[])[0]))).toBe(Object.prototype);
    expect((result.data as Record<string, unknown>[])[0]?.constructor).toBeNull();
    expect(validate("ImageGeneration", body)).toEqual([]);
    expect(validate("ImageGeneration", JSON.parse('{"data":[{"url":{"__proto__":1}}]}'))).toEqual([
      { pointer: "/data/0/url", expected: "must be string,null", received: "an object" },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("normalize (requests)", () => {
  it("omits nullable request fields set to null", () => {
    const request = { prompt: "p", model: "m", n: null, size: null, style: "vivid" as const };
    expect(normalize("ImageGenerationRequest", request)).toEqual({ prompt: "p", model: "m", style: "vivid" });
  });

  it("leaves fields set to undefined for JSON.stringify to omit", () => {
    const body = normalize("ImageGenerationRequest", { prompt: "p", model: "m", quality: undefined });
    expect(JSON.parse(JSON.stringify(body))).toEqual({ prompt: "p", model: "m" });
  });
});

describe("normalizeWith, on shapes the spec here does not have", () => {
  const shapes: Shapes = {
    Outer: { nullable: ["gone"], properties: { inner: "Inner", list: {}, items: { items: "Inner" }, lost: "Missing" } },
    Inner: { nullable: ["x"] },
    NoNulls: { properties: { inner: "Inner" } },
  };

  it("follows named shapes through objects and array items", () => {
    const value = { gone: null, inner: { x: null, y: 1 }, items: [{ x: null }, { x: 2 }] };
    expect(normalizeWith(shapes, "Outer", value)).toEqual({ inner: { y: 1 }, items: [{}, { x: 2 }] });
  });

  it("passes through what does not fit its shape: a string, a number, null, a shape it does not know", () => {
    const value = { inner: "text", items: 7, list: null, lost: { x: null } };
    expect(normalizeWith(shapes, "Outer", value)).toEqual(value);
    expect(normalizeWith(shapes, "Outer", { inner: null }).inner).toBeNull();
    expect(normalizeWith(shapes, "Unknown", { x: null })).toEqual({ x: null });
  });

  it("passes an array by reference where the shape says nothing about its items", () => {
    const list = [{ x: null }];
    expect(normalizeWith(shapes, "Outer", { list }).list).toBe(list);
  });

  it("keeps nulls in a shape that lists none", () => {
    expect(normalizeWith(shapes, "NoNulls", { inner: { x: null }, other: null })).toEqual({ inner: {}, other: null });
  });

  it("returns fields as plain properties, and leaves an own __proto__ key out", () => {
    const parsed = JSON.parse('{"__proto__": {"x": null}, "gone": null, "kept": 1}') as Record<string, unknown>;
    const out = normalizeWith(shapes, "Outer", parsed) as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(out, "kept")).toEqual({
      value: 1,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});

describe("a body nested without end", () => {
  it("normalizes as deep as it safely can and never overflows the stack", () => {
    const tree: Shapes = { Tree: { nullable: ["label"], properties: { next: "Tree" } } };
    let value: Record<string, unknown> = { label: null };
    for (let level = 0; level < 100_000; level++) value = { label: null, next: value };
    const out = normalizeWith(tree, "Tree", value) as { label?: null; next?: object };
    expect(out).not.toHaveProperty("label");
    expect(out.next).not.toHaveProperty("label");
  });
});

describe("parse", () => {
  it("validates, then normalizes", () => {
    expect(parse("ImageGeneration", { data: [{ url: null, b64_json: "x" }], usage: null })).toEqual({
      data: [{ b64_json: "x" }],
    });
  });

  it("throws every violation, in one line naming the schema", () => {
    const error = (() => {
      try {
        return parse("ImageGeneration", { data: [{ url: 5 }] });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SpecViolationError);
    expect((error as SpecViolationError).violations).toEqual([
      { pointer: "/data/0/url", expected: "must be string,null", received: "5" },
    ]);
    expect((error as Error).message).toBe(
      '"ImageGeneration" does not match the spec: /data/0/url: must be string,null, got 5',
    );
  });
});
