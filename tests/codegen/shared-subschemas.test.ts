/**
 * Subschemas written the same at several places, compiled once: which are shared, which stay where
 * they are because the runtime reads their place, and where a shared one stood.
 */
import { describe, expect, it } from "vitest";
import type { Schema } from "../../src/codegen/schema-walk.js";
import { type SharingOptions, sharedSubschemas } from "../../src/codegen/shared-subschemas.js";

/** A subschema big enough to share (Stripe's inline `address`). */
const address = () => ({
  type: "object",
  required: ["line1"],
  properties: { line1: { type: "string", maxLength: 5 }, city: { type: "string" } },
});

/** A conditional rule (`if`/`then`), as JSON: an object literal with a `then` key reads as a promise to linters. */
const rule = (condition: Schema, then: Schema): Schema =>
  JSON.parse(`{ "if": ${JSON.stringify(condition)}, "then": ${JSON.stringify(then)} }`);

const options = (kept: Record<string, string[]> = {}): SharingOptions => ({
  referenced: (ref) => (ref.startsWith("spec:") ? ref.slice("spec:".length) : undefined),
  kept: (root) => kept[root] ?? [],
  id: (name) => `shared:${name}`,
});

describe("sharedSubschemas", () => {
  it("replaces each place of a repeated subschema with a $ref to one shared resource, and knows every place", () => {
    const resources: Record<string, Schema> = {
      Order: { type: "object", properties: { from: address(), to: { anyOf: [address(), { const: "" }] } } },
      Invoice: { type: "object", properties: { billing: address() } },
    };
    const { resources: out, shared, placesOf } = sharedSubschemas(resources, ["Order", "Invoice"], options());
    expect(shared).toEqual({ "1": { ...address(), $id: "shared:1" } });
    expect(out.Order).toEqual({
      type: "object",
      properties: { from: { $ref: "shared:1" }, to: { anyOf: [{ $ref: "shared:1" }, { const: "" }] } },
    });
    expect(out.Invoice).toEqual({ type: "object", properties: { billing: { $ref: "shared:1" } } });
    expect(placesOf("1", (name) => `#/components/schemas/${name}`)).toEqual([
      "#/components/schemas/Order/properties/from",
      "#/components/schemas/Order/properties/to/anyOf/0",
      "#/components/schemas/Invoice/properties/billing",
    ]);
  });

  it("shares what resources reached through $ref hold, and places a subschema shared inside another at every place", () => {
    const shipment = () => ({ type: "object", properties: { from: address(), to: address() } });
    const resources: Record<string, Schema> = {
      Body: { type: "object", properties: { first: shipment(), next: { $ref: "spec:Other" } } },
      Other: { type: "object", properties: { again: shipment() } },
      Unreached: { properties: { far: address(), away: address() } },
    };
    const { resources: out, shared, placesOf } = sharedSubschemas(resources, ["Body"], options());
    expect(Object.keys(shared)).toEqual(["1", "2"]);
    expect(shared["1"]).toEqual({
      type: "object",
      properties: { from: { $ref: "shared:2" }, to: { $ref: "shared:2" } },
      $id: "shared:1",
    });
    expect(out.Unreached).toBe(resources.Unreached);
    expect(placesOf("2", (name) => `#/${name}`)).toEqual([
      "#/Body/properties/first/properties/from",
      "#/Other/properties/again/properties/from",
      "#/Body/properties/first/properties/to",
      "#/Other/properties/again/properties/to",
    ]);
  });

  it("leaves in place what the runtime reads by its place, or what would mean something else elsewhere", () => {
    const big = (extra: Schema) => ({ ...address(), ...extra });
    const cases: [what: string, first: Schema, second: Schema, kept?: string[]][] = [
      ["a rule's then", { allOf: [rule({}, address())] }, address(), ["#/allOf/0/then"]],
      [
        "a subschema holding a worded pattern",
        { properties: { a: address() } },
        address(),
        ["#/properties/a/properties/line1"],
      ],
      ["a {type: null} branch", big({ type: "null" }), big({ type: "null" })],
      [
        "a subschema with a relative $ref",
        big({ items: { $ref: "#/properties/a" } }),
        big({ items: { $ref: "#/properties/a" } }),
      ],
      ["a subschema with an $id", big({ $id: "x" }), big({ $id: "x" })],
      ["a subschema shorter than a call", { type: "string", maxLength: 5 }, { type: "string", maxLength: 5 }],
    ];
    for (const [what, first, second, kept] of cases) {
      const resources: Record<string, Schema> = { A: { properties: { one: first, two: second } } };
      const { resources: out, shared } = sharedSubschemas(
        resources,
        ["A"],
        options({ A: (kept ?? []).map((place) => `#/properties/one${place.slice(1)}`) }),
      );
      const kept1 = out.A?.properties as Record<string, Schema>;
      expect(kept1.one, what).toEqual(first);
      if (kept === undefined) expect(shared, what).toEqual({});
    }
  });

  it("leaves a propertyNames subschema in place (its issues carry the refused name) while sharing its other places", () => {
    const name = () => ({ type: "string", maxLength: 64, pattern: "^[a-z_]+$", not: { const: "constructor" } });
    const resources: Record<string, Schema> = {
      A: { properties: { one: name(), two: name(), tags: { propertyNames: name() } } },
    };
    const { resources: out } = sharedSubschemas(resources, ["A"], options());
    expect(out.A).toEqual({
      properties: { one: { $ref: "shared:1" }, two: { $ref: "shared:1" }, tags: { propertyNames: name() } },
    });
  });

  it("never moves into a shared resource a place some root's tables read, even from another root", () => {
    // Body's rule is read at #/allOf/0/then: a shared subschema with that place inside would be read as the rule.
    const ruleShaped = () => ({ allOf: [rule({}, address())] });
    const resources: Record<string, Schema> = {
      Body: { allOf: [rule({ required: ["x"] }, { required: ["y"] })] },
      Other: { properties: { a: ruleShaped(), b: ruleShaped() } },
    };
    const { resources: out, shared } = sharedSubschemas(
      resources,
      ["Body", "Other"],
      options({ Body: ["#/allOf/0/then"] }),
    );
    expect(out.Other).toEqual({
      properties: { a: { allOf: [{ $ref: "shared:1" }] }, b: { allOf: [{ $ref: "shared:1" }] } },
    });
    expect(shared["1"]).toEqual({ ...rule({}, address()), $id: "shared:1" });
  });
});
