import { describe, expect, it } from "vitest";
import { withSpecBody } from "../../src/api-client/form-body.js";

const route = (requestType?: string) => ({ method: "post", path: "/x", requestType });

describe("withSpecBody", () => {
  it("gives a form-encoded operation's body its content type, and leaves JSON and the caller's own choice alone", () => {
    const body = { a: "1" };
    expect(withSpecBody(route("application/x-www-form-urlencoded"), { body })).toEqual({
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(withSpecBody(route(), { body })).toEqual({ body });
    const own = { body, headers: { "Content-Type": "text/plain" } };
    expect(withSpecBody(route("application/x-www-form-urlencoded"), own)).toBe(own);
  });

  it("makes a multipart body of a plain object: a list repeats its field, a Blob stays a file, null is left out", () => {
    const file = new Blob(["x"]);
    const { body } = withSpecBody(route("multipart/form-data"), { body: { file, tags: ["a", "b"], n: 2, gone: null } });
    const form = body as unknown as FormData;
    expect(form.getAll("tags")).toEqual(["a", "b"]);
    expect(form.get("n")).toBe("2");
    expect(form.get("file")).toBeInstanceOf(Blob);
    expect(form.has("gone")).toBe(false);
    const given = new FormData();
    expect(withSpecBody(route("multipart/form-data"), { body: given }).body).toBe(given);
  });
});
