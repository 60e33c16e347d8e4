import { describe, expect, it } from "vitest";
import { undeclaredMethods } from "../../src/testing/operation-plan.js";
import type { SpecFolder } from "../../src/testing/spec-folder.js";
import type { PlannedRequest } from "../../src/testing/verify-plan.js";

describe("undeclaredMethods", () => {
  it("takes operations told apart by a #fragment as one path (Box's shared links)", () => {
    const spec: SpecFolder = {
      routes: {
        put_files_id: { method: "put", path: "/files/{id}", responses: {} },
        "patch_files_id#add_shared_link": { method: "patch", path: "/files/{id}#add_shared_link", responses: {} },
      },
      validators: {},
      shapes: {},
      bodySchemas: {},
    };
    const valid = (operationId: string): PlannedRequest => ({
      name: operationId,
      kind: "valid",
      operationId,
      body: undefined,
      images: 0,
      params: { id: "7" },
    });
    const planned = undeclaredMethods(spec, [valid("put_files_id"), valid("patch_files_id#add_shared_link")]);
    expect(planned.map((request) => request.method)).toEqual(["DELETE"]);
  });
});
