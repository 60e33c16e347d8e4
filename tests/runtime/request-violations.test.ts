import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sudo from "../../src/generated/index.js";
import { type RequestSpec, requestViolations } from "../../src/runtime/request-violations.js";
import type { SecurityScheme } from "../../src/runtime/types.js";
import { PETS_SPEC } from "../fixtures/pets-parameters.js";
import { generatedFolder } from "../helpers/generated-folder.js";

type Folder = RequestSpec & { securitySchemes: Record<string, SecurityScheme> };

let folder: Awaited<ReturnType<typeof generatedFolder<Folder>>>;
beforeAll(async () => {
  folder = await generatedFolder<Folder>(PETS_SPEC);
});
afterAll(() => folder.remove());

/** A request getPet takes, before each test breaks one part of it. */
const valid = () => ({
  params: { petId: "7" },
  query: new URLSearchParams("limit=10&tags=a&ids=1,2&pipes=1|2.5&verbose=false&filter=%7B%22a%22%3A1%7D"),
  headers: { "X-Rate": "2", "x-flags": "true,false", cookie: "theme=dark; session=abcdef" } as Record<string, string>,
});

const broken = (request: Parameters<typeof requestViolations>[2]) =>
  requestViolations(folder.module, "getPet", request).map((v) => `${v.pointer} ${v.expected}, got ${v.received}`);

describe("requestViolations, on a generated folder", () => {
  it("finds nothing wrong with a request the spec takes", () => {
    expect(broken(valid())).toEqual([]);
  });

  it("points a path parameter that is not its type at /path/<name>, in the client's words", () => {
    expect(broken({ ...valid(), params: { petId: "x" } })).toEqual(['/path/petId must be integer, got "x"']);
    expect(broken({ ...valid(), params: { petId: "0" } })).toEqual(["/path/petId must be >= 1, got 0"]);
    expect(broken({ ...valid(), params: {} })).toEqual(["/path/petId required property, got nothing"]);
  });

  it("points query parameters at /query/<name>: a missing required one, an out-of-range one, a bad array item", () => {
    const query = new URLSearchParams("tags=a&ids=1,x&verbose=maybe");
    expect(broken({ ...valid(), query })).toEqual([
      "/query/limit required property, got nothing",
      '/query/ids/1 must be integer, got "x"',
      '/query/verbose must be boolean,null, got "maybe"',
    ]);
    expect(broken({ ...valid(), query: new URLSearchParams("limit=101") })).toEqual([
      "/query/limit must be <= 100, got 101",
    ]);
  });

  it("points headers at /header/<lower-case name>, whatever case they came in", () => {
    const headers = new Headers({ "X-Rate": "11", "X-Trace": "XYZ", cookie: "session=abcdef" });
    expect(broken({ ...valid(), headers })).toEqual([
      '/header/x-trace must match pattern "^[a-f0-9]+$", got "XYZ"',
      "/header/x-rate must be <= 10, got 11",
    ]);
  });

  it("reads cookie parameters from the cookie header, at /cookie/<name>", () => {
    expect(broken({ ...valid(), headers: { "x-rate": "1", cookie: "session=ab" } })).toEqual([
      '/cookie/session must NOT have fewer than 3 characters, got "ab"',
    ]);
    expect(broken({ ...valid(), headers: { "x-rate": "1" } })).toEqual([
      "/cookie/session required property, got nothing",
    ]);
  });

  it("checks the body under /body, beside the parameters", () => {
    const found = requestViolations(folder.module, "deletePet", { params: { petId: "a" }, body: { reason: 3 } });
    expect(found).toEqual([{ pointer: "/body/reason", expected: "must be string", received: "3" }]);
  });

  it("says an operationId the spec lacks is one, rather than throwing", () => {
    expect(requestViolations(folder.module, "adoptPet", {})).toEqual([
      { pointer: "", expected: "an operationId of the spec", received: '"adoptPet"' },
    ]);
  });

  it("comes with the security schemes, and no spec text outside a literal", () => {
    expect(folder.module.securitySchemes.bearer).toEqual({ type: "http", scheme: "bearer" });
    expect(folder.files.get("metadata.ts")).not.toContain("alert(1)");
    // Lint's findings (`[rule]`) aside, the generator took every parameter and scheme as written.
    expect(folder.warnings.filter((warning) => !/\[[\w-]+\] at #/.test(warning))).toEqual([]);
  });

  it("takes a generated folder as it is imported: Sudo's, whose one operation has a body and no parameters", () => {
    expect(requestViolations(sudo, "generateImage", { body: { prompt: "" } })).toEqual([
      { pointer: "/body/model", expected: "required property", received: "nothing" },
      { pointer: "/body/prompt", expected: "must NOT have fewer than 1 characters", received: '""' },
    ]);
    expect(requestViolations(sudo, "generateImage", { body: { prompt: "a heron", model: "gpt-image-2" } })).toEqual([]);
  });
});
