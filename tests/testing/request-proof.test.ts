/**
 * The proof a planned request must pass before verify sends it: a valid one is taken by the spec's
 * request validator; an invalid one is refused for exactly one rule, at the place it says.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isProven, plannedViolations } from "../../src/testing/request-proof.js";
import type { SpecFolder } from "../../src/testing/spec-folder.js";
import { sudoSpec } from "../../src/testing/sudo-spec.js";
import { plannedRequests } from "../../src/testing/verify.js";
import type { PlannedRequest } from "../../src/testing/verify-plan.js";
import { type GeneratedFolder, generatedFolder } from "../helpers/generated-folder.js";

let folder: GeneratedFolder;
let spec: SpecFolder;
beforeAll(async () => {
  folder = await generatedFolder("tests/fixtures/verify/pets.yaml");
  spec = folder.module;
});
afterAll(() => folder.remove());

const invalid = (operationId: string, breaks: string, parts: Partial<PlannedRequest>): PlannedRequest => ({
  name: breaks,
  kind: "invalid",
  operationId,
  body: undefined,
  images: 0,
  breaks,
  ...parts,
});

describe("isProven", () => {
  it("takes an invalid request refused for its one rule, at its place, in the body, the query and the path", () => {
    expect(isProven(spec, invalid("addPet", "/body/age", { body: { name: "Rex", kind: "dog", age: -1 } }))).toBe(true);
    expect(isProven(spec, invalid("listPets", "/query/limit", { query: { limit: "0" } }))).toBe(true);
    expect(isProven(spec, invalid("getPet", "/path/id", { params: { id: "twelve" } }))).toBe(true);
  });

  it("drops an 'invalid' request the validator takes: a number sent as a string parameter is a string on the wire", () => {
    expect(isProven(spec, invalid("listPets", "/query/name", { query: { limit: "1", name: "12345" } }))).toBe(false);
    expect(isProven(spec, invalid("addPet", "/body/age", { body: { name: "Rex", kind: "dog", age: 0 } }))).toBe(false);
  });

  it("drops an invalid request that breaks two rules, or its one rule at another place than planned", () => {
    // 12345 is of the wrong type and outside the enum: a refusal would not say which rule the server holds.
    expect(isProven(spec, invalid("addPet", "/body/kind", { body: { name: "Rex", kind: 12345 } }))).toBe(false);
    expect(isProven(spec, invalid("addPet", "/body/name", { body: { kind: "dog", age: -1 } }))).toBe(false);
    expect(isProven(spec, invalid("addPet", "/body/name", { body: { name: "Rex", kind: "dog", age: -1 } }))).toBe(
      false,
    );
  });

  it("takes a valid request only when the validator has nothing to say of it", () => {
    const valid = { name: "ok", kind: "valid", operationId: "listPets", body: undefined, images: 0 } as const;
    expect(isProven(spec, { ...valid, query: { limit: "100" } })).toBe(true);
    expect(isProven(spec, { ...valid, query: { limit: "101" } })).toBe(false);
    expect(isProven(spec, { ...valid, query: {} })).toBe(false);
  });
});

describe("Sudo's plan", () => {
  it("refuses each invalid request at its place and nowhere else, so no server is blamed for another reason", () => {
    const invalidOnes = plannedRequests({ budget: 1000 }).filter((request) => request.kind === "invalid");
    expect(invalidOnes.length).toBeGreaterThan(30);
    const elsewhere = invalidOnes.flatMap((request) =>
      plannedViolations(sudoSpec, request)
        .filter((violation) => violation.pointer !== request.breaks)
        .map((violation) => `${request.name}: ${violation.pointer}`),
    );
    expect(elsewhere).toEqual([]);
    // Broken where a rule lets it be: an output_compression out of range goes with a format that takes one.
    const compression = invalidOnes.find((request) => request.name === "output_compression above maximum 100");
    expect(compression?.body).toMatchObject({ output_compression: 101, output_format: expect.any(String) });
  });
});
