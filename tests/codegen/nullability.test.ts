/**
 * One nullability model, proven on every spelling of "may be null" found in published specs: for each
 * spelling, at each site (a component used by `$ref`, a property, an array item, a property of an
 * array item, a property nested two deep), the generated type accepts `null`, the generated validator
 * accepts it, the metadata marks it, and `normalize` drops it. For each non-nullable neighbour, all
 * four refuse or keep it. The fixture is built here from the table, as a 3.0 and a 3.1 document.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFiles, writeFiles } from "../../src/codegen/index.js";
import type { Shapes, SpecViolation } from "../../src/runtime/index.js";
import { typecheck } from "../helpers/typecheck.js";

const root = path.resolve(import.meta.dirname, "../..");
const owner = { $ref: "#/components/schemas/Owner" };

/** A spelling of nullability: its name (a schema name), the OpenAPI versions it appears in, the schema. */
type Spelling = [name: string, versions: ("3.0" | "3.1")[], schema: Record<string, unknown>];

const NULLABLE: Spelling[] = [
  ["type_array", ["3.1"], { type: ["string", "null"] }],
  ["type_array_enum_without_null", ["3.1"], { type: ["string", "null"], enum: ["a", "b"] }],
  ["one_of_null_type", ["3.1"], { oneOf: [{ type: "string" }, { type: "null" }] }],
  ["any_of_null_type", ["3.1"], { anyOf: [{ type: "integer" }, { type: "null" }] }],
  ["one_of_const_null", ["3.1"], { oneOf: [owner, { const: null }] }],
  ["any_of_enum_null", ["3.1"], { anyOf: [{ type: "string" }, { enum: [null] }] }],
  ["nullable_type", ["3.0", "3.1"], { type: "string", nullable: true }],
  ["nullable_without_type", ["3.0", "3.1"], { nullable: true, description: "anything, or null" }],
  ["nullable_ref", ["3.0", "3.1"], { $ref: "#/components/schemas/Owner", nullable: true }],
  ["nullable_all_of_one", ["3.0", "3.1"], { type: "object", nullable: true, allOf: [owner] }],
  [
    "nullable_all_of_several",
    ["3.0", "3.1"],
    { nullable: true, allOf: [owner, { type: "object", properties: { extra: { type: "string" } } }] },
  ],
  // How several generators and hand-written specs say "an Owner or null".
  ["all_of_nullable_part", ["3.0", "3.1"], { allOf: [owner, { nullable: true }] }],
  ["all_of_nullable_part_described", ["3.0", "3.1"], { allOf: [owner, { nullable: true, description: "or none" }] }],
  // Asana's spelling: the part that says "or null" restates the type, or adds fields.
  ["all_of_nullable_typed_part", ["3.0", "3.1"], { allOf: [owner, { type: "object", nullable: true }] }],
  [
    "all_of_nullable_part_with_fields",
    ["3.0", "3.1"],
    { allOf: [owner, { type: "object", nullable: true, properties: { extra: { type: "string" } } }] },
  ],
  // Vercel's spelling: `type: "null"` beside a oneOf that refuses null, which as written admits nothing.
  ["null_type_beside_one_of", ["3.1"], { type: "null", oneOf: [{ type: "string" }, { type: "integer" }] }],
  ["nullable_one_of", ["3.0", "3.1"], { nullable: true, oneOf: [owner, { type: "integer" }] }],
  ["nullable_any_of", ["3.0", "3.1"], { nullable: true, anyOf: [owner, { type: "string" }] }],
  ["nullable_enum", ["3.0", "3.1"], { type: "string", enum: ["a", "b"], nullable: true }],
  ["x_nullable", ["3.0", "3.1"], { type: "string", "x-nullable": true }],
];

const NOT_NULLABLE: Spelling[] = [
  ["plain", ["3.0", "3.1"], { type: "string" }],
  ["nullable_false", ["3.0", "3.1"], { type: "string", nullable: false }],
  ["plain_ref", ["3.0", "3.1"], owner],
  ["all_of_one_part_refuses", ["3.1"], { allOf: [{ type: ["string", "null"] }, { type: "string" }] }],
  ["all_of_nullable_false_part", ["3.0", "3.1"], { allOf: [owner, { nullable: false }] }],
  ["enum_without_null", ["3.0", "3.1"], { type: "string", enum: ["a", "b"] }],
];

/** Where a spelling sits in the `Sites` body: how to put a null there, and the type of that place. */
const SITES = {
  ref: { body: (): unknown => null, type: (t: string) => t, normalized: (t: string) => t },
  prop: { body: (): unknown => null, type: (t: string) => t, normalized: (t: string) => t },
  deep: {
    body: () => ({ inner: { value: null } }),
    type: (t: string) => `NonNullable<NonNullable<${t}>["inner"]>["value"]`,
    normalized: (t: string) => `NonNullable<NonNullable<${t}>["inner"]>["value"]`,
  },
  in_item: {
    body: () => [{ value: null }],
    type: (t: string) => `NonNullable<${t}>[number]["value"]`,
    normalized: (t: string) => `NonNullable<${t}>[number]["value"]`,
  },
} as const;
type Site = keyof typeof SITES;

/** A null item of an array stays in place (an array keeps its length); type and validator still agree. */
const ITEM_SITE = { body: () => [null], type: (t: string) => `NonNullable<${t}>[number]` };

function siteSchema(site: Site | "item", name: string, schema: Record<string, unknown>): Record<string, unknown> {
  const object = (properties: Record<string, unknown>) => ({ type: "object", properties });
  switch (site) {
    case "ref":
      return { $ref: `#/components/schemas/${name}` };
    case "prop":
      return schema;
    case "deep":
      return object({ inner: object({ value: schema }) });
    case "in_item":
      return { type: "array", items: object({ value: schema }) };
    case "item":
      return { type: "array", items: schema };
  }
}

function fixture(version: "3.0" | "3.1"): Record<string, unknown> {
  const spellings = [...NULLABLE, ...NOT_NULLABLE].filter(([, versions]) => versions.includes(version));
  const schemas: Record<string, unknown> = {
    Owner: { type: "object", properties: { name: { type: "string" } } },
  };
  const properties: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
  for (const [name, , schema] of spellings) {
    schemas[name] = schema;
    for (const site of [...Object.keys(SITES), "item"] as (Site | "item")[]) {
      properties[`${name}_${site}`] = siteSchema(site, name, schema);
    }
    // Each top-level schema is a response body, so it gets a validator of its own.
    paths[`/top/${name}`] = {
      get: {
        operationId: `top_${name}`,
        responses: { "200": { description: "ok", ...json({ $ref: `#/components/schemas/${name}` }) } },
      },
    };
  }
  schemas.Sites = { type: "object", properties };
  paths["/sites"] = {
    post: {
      operationId: "sites",
      requestBody: json({ $ref: "#/components/schemas/Sites" }),
      responses: { "200": { description: "ok", ...json({ $ref: "#/components/schemas/Sites" }) } },
    },
  };
  return {
    openapi: version === "3.0" ? "3.0.3" : "3.1.0",
    info: { title: "nulls", version: "1" },
    paths,
    components: { schemas },
  };
}

interface Generated {
  validate(schemaName: string, value: unknown): SpecViolation[];
  normalize(schemaName: string, value: unknown): unknown;
  shapes: Shapes;
}

describe.each(["3.0", "3.1"] as const)("nullability in an OpenAPI %s document", (version) => {
  const nullable = NULLABLE.filter(([, versions]) => versions.includes(version));
  const notNullable = NOT_NULLABLE.filter(([, versions]) => versions.includes(version));
  let dir: string;
  let generated: Generated;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), `sudo-images-nulls-${version}-`));
    const spec = path.join(dir, "spec.json");
    await writeFile(spec, JSON.stringify(fixture(version), null, 2));
    const runtime = path.relative(dir, path.join(root, "src/runtime/index.js"));
    const { files } = await generateFiles(spec, { runtime });
    await writeFiles(files, dir);
    generated = (await import(path.join(dir, "index.ts"))) as Generated;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const sites = Object.keys(SITES) as Site[];
  const nullCases = nullable.flatMap(([name]) => sites.map((site) => [name, site] as const));
  const keptCases = notNullable.flatMap(([name]) => sites.map((site) => [name, site] as const));

  it.each(nullCases)("%s as %s: the validator accepts null", (name, site) => {
    expect(generated.validate("Sites", { [`${name}_${site}`]: SITES[site].body() })).toEqual([]);
    expect(generated.validate(name, null)).toEqual([]);
  });

  it.each(keptCases)("%s as %s: the validator refuses null", (name, site) => {
    expect(generated.validate("Sites", { [`${name}_${site}`]: SITES[site].body() })).not.toEqual([]);
    expect(generated.validate(name, null)).not.toEqual([]);
  });

  it.each(nullCases)("%s as %s: the metadata marks it and normalize drops it", (name, site) => {
    const key = `${name}_${site}`;
    const normalized = generated.normalize("Sites", { [key]: SITES[site].body() }) as Record<string, unknown>;
    const dropped = { ref: {}, prop: {}, deep: { [key]: { inner: {} } }, in_item: { [key]: [{}] } }[site];
    expect(normalized).toEqual(dropped);
    expect(marked(generated.shapes, key, site)).toBe(true);
  });

  it.each(keptCases)("%s as %s: the metadata leaves it and normalize keeps the null", (name, site) => {
    const body = { [`${name}_${site}`]: SITES[site].body() };
    expect(generated.normalize("Sites", body)).toEqual(body);
    expect(marked(generated.shapes, `${name}_${site}`, site)).toBe(false);
  });

  it("keeps a null array item in place, where type and validator allow it, and refuses it elsewhere", () => {
    for (const [name] of nullable) {
      const body = { [`${name}_item`]: ITEM_SITE.body() };
      expect(generated.validate("Sites", body), name).toEqual([]);
      expect(generated.normalize("Sites", body), name).toEqual(body);
    }
    for (const [name] of notNullable) {
      expect(generated.validate("Sites", { [`${name}_item`]: [null] }), name).not.toEqual([]);
    }
  });

  it("types every nullable site as accepting null (and its normalized type not), every neighbour as refusing it", async () => {
    const lines = [
      'import type { Normalized } from "./index.js";',
      'import type { components } from "./schema.js";',
      'type S = components["schemas"];',
      'type Sites = S["Sites"];',
      "type N = Normalized<Sites>;",
    ];
    let count = 0;
    const accepts = (type: string) => lines.push(`export const v${count++}: ${type} = null;`);
    const refuses = (type: string) => lines.push("// @ts-expect-error", `export const v${count++}: ${type} = null;`);
    for (const [name] of nullable) {
      accepts(`S["${name}"]`);
      accepts(ITEM_SITE.type(`Sites["${name}_item"]`));
      for (const site of sites) {
        accepts(SITES[site].type(`Sites["${name}_${site}"]`));
        refuses(SITES[site].normalized(`N["${name}_${site}"]`));
      }
    }
    for (const [name] of notNullable) {
      refuses(`S["${name}"]`);
      refuses(ITEM_SITE.type(`Sites["${name}_item"]`));
      for (const site of sites) refuses(SITES[site].type(`Sites["${name}_${site}"]`));
    }
    await writeFile(path.join(dir, "types-check.ts"), `${lines.join("\n")}\n`);
    const result = await typecheck(dir, {
      compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, module: "NodeNext", target: "ES2022" },
      files: ["types-check.ts"],
    });
    expect(result).toBe("");
    expect(count).toBeGreaterThan(nullable.length * 9);
  });
});

/** Whether the `Sites` shape marks the place a site puts its null as nullable. */
function marked(shapes: Shapes, key: string, site: Site): boolean {
  const sites = shapes.Sites;
  const resolve = (shape: unknown) =>
    typeof shape === "string" ? shapes[shape] : (shape as Shapes[string] | undefined);
  if (site === "ref" || site === "prop") return sites?.nullable?.includes(key) ?? false;
  if (site === "deep") {
    const inner = resolve(resolve(sites?.properties?.[key])?.properties?.inner);
    return inner?.nullable?.includes("value") ?? false;
  }
  return resolve(resolve(sites?.properties?.[key])?.items)?.nullable?.includes("value") ?? false;
}
