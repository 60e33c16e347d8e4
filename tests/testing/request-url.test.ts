import { describe, expect, it } from "vitest";
import { plannedUrl } from "../../src/testing/request-url.js";

describe("plannedUrl", () => {
  it("sends a template's #fragment nowhere, so the query after it reaches the server (Box's shared links)", () => {
    const planned = { params: { id: "7" }, query: { fields: "shared_link" } };
    expect(plannedUrl("http://127.0.0.1:1", "/files/{id}#add_shared_link", planned)).toBe(
      "http://127.0.0.1:1/files/7?fields=shared_link",
    );
  });
});
