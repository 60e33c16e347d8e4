import { describe, expect, it } from "vitest";
import { credentialChecks, undeclaredMethods } from "../../src/testing/operation-plan.js";
import type { SpecFolder } from "../../src/testing/spec-folder.js";
import type { PlannedRequest } from "../../src/testing/verify-plan.js";

/** A spec of `routes` and nothing else the plans below read. */
const specOf = (routes: SpecFolder["routes"], securitySchemes?: SpecFolder["securitySchemes"]): SpecFolder => ({
  routes,
  ...(securitySchemes === undefined ? {} : { securitySchemes }),
  validators: {},
  shapes: {},
  bodySchemas: {},
});

/** A valid planned request of `operationId`, with these path parameters. */
const valid = (operationId: string, params?: Record<string, string>): PlannedRequest => ({
  name: operationId,
  kind: "valid",
  operationId,
  body: undefined,
  images: 0,
  ...(params === undefined ? {} : { params }),
});

describe("undeclaredMethods", () => {
  it("takes operations told apart by a #fragment as one path (Box's shared links)", () => {
    const spec = specOf({
      put_files_id: { method: "put", path: "/files/{id}", responses: {} },
      "patch_files_id#add_shared_link": { method: "patch", path: "/files/{id}#add_shared_link", responses: {} },
    });
    const id = { id: "7" };
    const planned = undeclaredMethods(spec, [valid("put_files_id", id), valid("patch_files_id#add_shared_link", id)]);
    expect(planned.map((request) => request.method)).toEqual(["DELETE"]);
  });
});

describe("credentialChecks", () => {
  // ReadMe's security-multiple: [[oauth2, apiKey_header], [oauth2_alternate]], where both OAuth 2
  // schemes are bearer tokens; and one alternative whose basic and bearer share Authorization.
  const spec = specOf(
    {
      andOr: { method: "post", path: "/and-or", responses: {}, security: [["oauth2", "header"], ["alternate"]] },
      clash: { method: "post", path: "/clash", responses: {}, security: [["basic", "oauth2"], ["header"]] },
    },
    {
      oauth2: { type: "http", scheme: "bearer" },
      alternate: { type: "http", scheme: "bearer" },
      header: { type: "apiKey", in: "header", name: "x-api-key" },
      basic: { type: "http", scheme: "basic" },
    },
  );

  it("asks only for refusals a server following the spec must give, proven by the mock's own rule", () => {
    const names = credentialChecks(spec, [valid("andOr"), valid("clash")]).map((request) => request.name);
    // Without the header key, or with a wrong one, the bearer token still meets [alternate]: no refusal to ask for.
    expect(names.filter((name) => name.startsWith("andOr:"))).toEqual([
      "andOr: no oauth2 credential",
      "andOr: a wrong oauth2 credential",
    ]);
    // basic and oauth2 cannot share one Authorization: the header-key alternative is the one tested.
    expect(names.filter((name) => name.startsWith("clash:"))).toEqual([
      "clash: no header credential",
      "clash: a wrong header credential",
    ]);
  });
});
