import { describe, expect, it } from "vitest";
import { asResponse } from "../../src/http/as-response.js";

const head = (status: number) => ({
  status,
  statusText: "",
  ok: status < 300,
  headers: new Headers({ "x-request-id": "r1" }),
});

describe("asResponse", () => {
  it("hands the text, status and headers back as a Response", async () => {
    const response = asResponse({ response: head(404), text: '{"message":"gone"}' });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBe("r1");
    expect(await response.json()).toEqual({ message: "gone" });
  });

  it.each([204, 205, 304])("gives a %i no body, as Response requires", (status) => {
    expect(asResponse({ response: head(status), text: "" }).body).toBeNull();
  });
});
