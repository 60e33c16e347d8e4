import { describe, expect, it } from "vitest";
import { parameterValues } from "../../src/runtime/parameter-values.js";

describe("parameterValues", () => {
  it("reads integers, numbers, booleans and JSON by their wire types, and keeps strings as they came", () => {
    const query = new URLSearchParams("limit=10&ratio=-1.5e2&on=true&off=false&filter=%7B%22a%22%3A1%7D&name=007");
    const types = { limit: "integer", ratio: "number", on: "boolean", off: "boolean", filter: "json" } as const;
    expect({ ...parameterValues(query, types) }).toEqual({
      limit: 10,
      ratio: -150,
      on: true,
      off: false,
      filter: { a: 1 },
      name: "007",
    });
  });

  it("leaves a value that does not read as its type a string, for the validator to report", () => {
    const query = new URLSearchParams("a=0x10&b=&c=%207&d=1_0&e=yes&f=%7Bnot");
    const types = { a: "integer", b: "integer", c: "number", d: "integer", e: "boolean", f: "json" } as const;
    expect({ ...parameterValues(query, types) }).toEqual({ a: "0x10", b: "", c: " 7", d: "1_0", e: "yes", f: "{not" });
  });

  it("makes an array of every repetition, and splits each value where the style lists items in one", () => {
    const query = new URLSearchParams("tags=a&tags=b&one=x&ids=1,2&ids=3&pipes=1.5|2&repeated=1&repeated=2");
    const types = {
      tags: { items: "string" },
      one: { items: "string" },
      ids: { items: "integer", split: "," },
      pipes: { items: "number", split: "|" },
    } as const;
    expect({ ...parameterValues(query, types) }).toEqual({
      tags: ["a", "b"],
      one: ["x"],
      ids: [1, 2, 3],
      pipes: [1.5, 2],
      repeated: ["1", "2"],
    });
  });

  it("lower-cases header names and trims the items of a header list", () => {
    const headers = new Headers({ "X-Rate": "2.5", "X-Flags": "true, false" });
    const types = { "x-rate": "number", "x-flags": { items: "boolean", split: "," } } as const;
    expect({ ...parameterValues(headers, types, "header") }).toEqual({ "x-rate": 2.5, "x-flags": [true, false] });
    expect({ ...parameterValues({ "X-Rate": ["1", "2"], skip: undefined }, types, "header") }).toEqual({
      "x-rate": [1, 2],
    });
  });

  it("takes a path match as a record, keeping names as written outside headers", () => {
    expect({ ...parameterValues({ petId: "7", Kind: "cat" }, { petId: "integer" }, "path") }).toEqual({
      petId: 7,
      Kind: "cat",
    });
  });

  it("keeps __proto__ an own key, never the result's prototype", () => {
    const values = parameterValues(new URLSearchParams("__proto__=1&__proto__=2"));
    expect(Object.getPrototypeOf(values)).toBe(null);
    expect(Object.getOwnPropertyDescriptor(values, "__proto__")?.value).toEqual(["1", "2"]);
  });
});
