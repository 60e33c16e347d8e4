import { describe, expect, it } from "vitest";
import { findRoute, templatePath } from "../../src/runtime/find-route.js";

describe("findRoute", () => {
  // Box's shape: operations on one path told apart by a `#fragment`, which no request carries.
  const routes = {
    put_files_id: { method: "put", path: "/files/{id}" },
    "put_files_id#add_shared_link": { method: "put", path: "/files/{id}#add_shared_link" },
    "get_files_id_content#download": { method: "get", path: "/files/{id}/content#download" },
  };

  it("routes to a template written with a #fragment by its path alone", () => {
    expect(findRoute(routes, "GET", "/files/7/content")).toEqual({
      operationId: "get_files_id_content#download",
      params: { id: "7" },
    });
  });

  it("answers by the first of two operations on one method and path", () => {
    expect(findRoute(routes, "PUT", "/files/7")).toEqual({ operationId: "put_files_id", params: { id: "7" } });
  });
});

describe("templatePath", () => {
  it("leaves out the #fragment, and a template without one as it is", () => {
    expect(templatePath("/files/{id}#get_content")).toBe("/files/{id}");
    expect(templatePath("/pets/{id}")).toBe("/pets/{id}");
  });
});
