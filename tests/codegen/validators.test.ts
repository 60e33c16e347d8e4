/**
 * The compiled validators as a module of their own: it needs nothing at run time, every error
 * Ajv makes comes out of it as Ajv made it, and code that does not parse never leaves the generator.
 */
import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { withInlinedHelpers } from "../../src/codegen/ajv-runtime.js";
import type { SchemaSet } from "../../src/codegen/json-schema.js";
import { syntaxError } from "../../src/codegen/syntax-check.js";
import { compileValidators } from "../../src/codegen/validators.js";
import type { Validator } from "../../src/runtime/types.js";
import { check } from "../../src/runtime/validation.js";

const require = createRequire(import.meta.url);

/** `schema` compiled the way the generator compiles a body schema, imported as an ES module. */
async function compiled(schema: Record<string, unknown>): Promise<Validator> {
  const set: SchemaSet = {
    defs: { Body: schema },
    operations: { send: { method: "post", path: "/send", request: "Body", responses: {}, security: [] } },
    places: {},
    bodyTypes: {},
    parameterTypes: {},
  };
  const { code } = compileValidators(set, () => {});
  expect(code).not.toMatch(/\brequire\(/);
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<string, Validator>;
  return module.validate_Body as Validator;
}

/** What Ajv itself reports for `value`, compiled in memory with the generator's options. */
function ajvErrors(schema: Record<string, unknown>, value: unknown): unknown[] {
  const ajv = new Ajv2020({
    allErrors: true,
    messages: false,
    strict: false,
    ownProperties: true,
    unicode: false,
    logger: false,
  });
  const validate = ajv.compile(schema);
  validate(value);
  return validate.errors ?? [];
}

/** A schema with a keyword of every kind whose error carries something of its own. */
const EVERY_KEYWORD = {
  type: "object",
  required: ["id"],
  minProperties: 2,
  maxProperties: 9,
  propertyNames: { maxLength: 8, pattern: "^[a-z_]+$" },
  dependentRequired: { card: ["cvc"] },
  dependentSchemas: { gift: { required: ["message"] } },
  patternProperties: { "^x_": { type: "integer" } },
  properties: {
    id: { type: "string", minLength: 2 },
    card: { const: { kind: "visa" } },
    tags: { type: "array", uniqueItems: true, contains: { const: "a" }, minContains: 2, maxItems: 3 },
    pair: { type: "array", prefixItems: [{ type: "integer" }], items: false },
    size: { enum: ["s", "m", { custom: true }] },
    step: { type: "number", multipleOf: 0.5, exclusiveMaximum: 10 },
    either: { oneOf: [{ type: "integer" }, { minimum: 0 }] },
    some: { anyOf: [{ type: "string" }, { type: "boolean" }] },
    never: { not: { type: "string" } },
    // JSON, since an object literal with a `then` key reads as a promise to linters.
    rule: JSON.parse('{ "if": { "type": "object" }, "then": { "required": ["x"] }, "else": { "type": "integer" } }'),
  },
  additionalProperties: { type: "boolean" },
};

describe("the compiled validators", () => {
  it("report every error shape exactly as Ajv does, extra fields such as propertyName included", async () => {
    const validate = await compiled(EVERY_KEYWORD);
    const body = {
      card: { kind: "amex" },
      gift: true,
      x_1: "no",
      TooLongName: true,
      tags: ["b", "b", "c", "d"],
      pair: [1, 2],
      size: "xl",
      step: 10.25,
      either: 5,
      some: 1,
      never: "s",
      rule: {},
    };
    expect(validate(body)).toBe(false);
    expect(validate.errors).toEqual(ajvErrors(EVERY_KEYWORD, body));
    expect(validate.errors?.map((error) => error.keyword)).toEqual(
      expect.arrayContaining(["propertyNames", "dependentRequired", "uniqueItems", "contains", "oneOf", "if"]),
    );
    expect(validate.errors?.map((error) => error.propertyName)).toContain("TooLongName");
  });

  it("look a property up on the body itself, never on Object.prototype", async () => {
    const schema = { type: "object", properties: { constructor: { type: "string" }, toString: { type: "string" } } };
    const validate = await compiled(schema);
    expect(validate({})).toBe(true);
    expect(validate({ constructor: 1 })).toBe(false);
  });
});

describe("the compiled patterns", () => {
  it("are pure: a bundle that keeps one validator of the module drops the others' patterns", async () => {
    const set: SchemaSet = {
      defs: {
        Kept: { type: "string", pattern: "^kept-[0-9]+$" },
        Dropped: { type: "string", pattern: "^dropped-[a-z]+$" },
      },
      operations: {
        keep: { method: "post", path: "/k", request: "Kept", responses: {}, security: [] },
        drop: { method: "post", path: "/d", request: "Dropped", responses: {}, security: [] },
      },
      places: {},
      bodyTypes: {},
      parameterTypes: {},
    };
    const { code } = compileValidators(set, () => {});
    // The module is one file, as a chunk of a bundled dist/ is: only annotations let a bundler drop a part of it.
    const result = await build({
      stdin: { contents: 'import { validate_Kept } from "v"; export const ok = validate_Kept("kept-1");' },
      plugins: [
        {
          name: "validators",
          setup(bundler) {
            bundler.onResolve({ filter: /^v$/ }, () => ({ path: "v", namespace: "validators" }));
            bundler.onLoad({ filter: /.*/, namespace: "validators" }, () => ({ contents: code, loader: "js" }));
          },
        },
      ],
      bundle: true,
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    const bundled = result.outputFiles[0]?.text ?? "";
    expect(bundled).toContain("^kept-[0-9]+$");
    expect(bundled).not.toContain("^dropped-[a-z]+$");
  });
});

describe("validators of schemas written the same", () => {
  it("are compiled once, and every name validates as its own schema says", async () => {
    const query = { type: "object", properties: { expand: { type: "array", items: { type: "string" } } } };
    const set: SchemaSet = {
      defs: { list_query: query, get_query: structuredClone(query), Body: { type: "string" } },
      operations: {
        list: { method: "get", path: "/a", responses: {}, parameters: { query: "list_query" }, security: [] },
        get: {
          method: "get",
          path: "/b",
          request: "Body",
          responses: {},
          parameters: { query: "get_query" },
          security: [],
        },
      },
      places: {},
      bodyTypes: {},
      parameterTypes: {},
    };
    const { code } = compileValidators(set, () => {});
    expect(code.match(/^function validate\d+\(/gm)).toHaveLength(2);
    const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<string, Validator>;
    for (const name of ["validate_list_query", "validate_get_query"]) {
      expect(module[name]?.({ expand: ["a"] }), name).toBe(true);
      expect(module[name]?.({ expand: [1] }), name).toBe(false);
    }
    expect(module.validate_Body?.("a")).toBe(true);
  });

  it("stay apart when the tables set on them differ (an alias is the same function)", () => {
    const query = { type: "object", properties: { size: { type: "string", pattern: "^[0-9]+$" } } };
    const set: SchemaSet = {
      defs: { a_query: query, b_query: structuredClone(query) },
      operations: {
        a: { method: "get", path: "/a", responses: {}, parameters: { query: "a_query" }, security: [] },
        b: { method: "get", path: "/b", responses: {}, parameters: { query: "b_query" }, security: [] },
      },
      places: {},
      bodyTypes: {},
      parameterTypes: {},
    };
    const words = (name: string) => ({ patterns: { "#/properties/size": `digits, for ${name}` } });
    const { code } = compileValidators(set, () => {}, words);
    expect(code.match(/^function validate\d+\(/gm)).toHaveLength(2);
  });
});

describe("subschemas written the same at several places", () => {
  /** Stripe's inline `address`, with a `required` that names no property: Ajv's strict mode finds that. */
  const address = () => ({
    type: "object",
    required: ["line1"],
    properties: { line1: { type: "string", maxLength: 5 }, city: { type: "string" } },
    anyOf: [{ required: ["zip"] }, { required: ["city"] }],
  });
  const ORDER = {
    type: "object",
    properties: {
      from: address(),
      to: { anyOf: [address(), { const: "" }] },
      stops: { type: "array", items: address() },
    },
  };
  const set: SchemaSet = {
    defs: { Order: ORDER },
    operations: { send: { method: "post", path: "/send", request: "Order", responses: {}, security: [] } },
    places: { Order: "#/components/schemas/Order" },
    bodyTypes: {},
    parameterTypes: {},
  };

  it("are compiled once, and report the same violations at the same pointers as each place compiled in it", async () => {
    const { code } = compileValidators(set, () => {});
    expect(code.match(/^function validate\d+\(/gm)?.length).toBeGreaterThan(1);
    const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<string, Validator>;
    const inline = new Ajv2020({ allErrors: true, messages: false, strict: false, unicode: false, logger: false });
    const body = { from: { line1: "too long", city: 1 }, to: { city: "x" }, stops: [{ line1: "a", zip: "1" }, {}] };
    const violations = check(module.validate_Order as Validator, body);
    expect(violations).toEqual(check(inline.compile(ORDER) as unknown as Validator, body));
    expect(violations.map((violation) => violation.pointer)).toEqual(
      expect.arrayContaining(["/from/line1", "/from/city", "/to/line1", "/stops/1/line1"]),
    );
  });

  it("place a strict-mode finding in a shared subschema at every place it stands in the spec", () => {
    const found: string[] = [];
    compileValidators(set, (pointer, message) => found.push(`${pointer}: ${message}`));
    const places = found.filter((line) => line.includes('required property "zip" is not defined'));
    expect(places.map((line) => line.split(":")[0])).toEqual([
      "#/components/schemas/Order/properties/from/anyOf/0",
      "#/components/schemas/Order/properties/to/anyOf/0/anyOf/0",
      "#/components/schemas/Order/properties/stops/items/anyOf/0",
    ]);
  });
});

describe("Ajv's run-time helpers, inlined", () => {
  const inlined = (module: string) => {
    const code = withInlinedHelpers(`return require("ajv/dist/runtime/${module}").default;`);
    return new Function(code)() as (...args: unknown[]) => unknown;
  };

  it("compare JSON values as Ajv's deep equal does", () => {
    const equal = inlined("equal");
    const original = require("ajv/dist/runtime/equal").default as (a: unknown, b: unknown) => boolean;
    const values = [
      0,
      1,
      "1",
      null,
      true,
      [],
      [1],
      [1, 2],
      [2, 1],
      {},
      { a: 1 },
      { a: 1, b: 2 },
      { b: 2, a: 1 },
      { a: [1] },
      { a: undefined },
      Number.NaN,
    ];
    for (const a of values)
      for (const b of values) expect(equal(a, b), `${JSON.stringify(a)} ${JSON.stringify(b)}`).toBe(original(a, b));
  });

  it("count code points as Ajv's ucs2length does", () => {
    const length = inlined("ucs2length");
    const original = require("ajv/dist/runtime/ucs2length").default as (text: string) => number;
    for (const text of ["", "abc", "😀", "a😀b", "\ud800", "\ud800a", "\udc00\ud800"])
      expect(length(text)).toBe(original(text));
  });

  it("refuse, naming it, a module they cannot supply", () => {
    expect(() => withInlinedHelpers('const f = require("ajv/dist/runtime/re2").default;')).toThrow(
      'the compiled validators need "ajv/dist/runtime/re2" at run time, which a generated folder cannot import',
    );
  });
});

describe("syntaxError", () => {
  it("names the file, line and column of code that does not parse, and nothing for code that does", () => {
    expect(syntaxError("validators.ts", "const a = 1;\nf({limit: 64}, propertyName: key0);")).toMatch(
      /^validators\.ts:2:\d+: '?[,)]'? expected\.?$/,
    );
    expect(syntaxError("validators.ts", "export const a = { b: 1 };")).toBeUndefined();
  });
});
