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

  it("answers text(), json() and its body stream alike, and hands bytes back as they came", async () => {
    const text = '{"name":"café ☕"}';
    expect(await asResponse({ response: head(200), text }).text()).toBe(text);
    expect(await new Response(asResponse({ response: head(200), text }).body).text()).toBe(text);
    expect(new TextDecoder().decode(await asResponse({ response: head(200), text }).arrayBuffer())).toBe(text);
    expect(await (await asResponse({ response: head(200), text }).blob()).text()).toBe(text);
    const bytes = new Uint8Array([0xff, 0x00, 0xfe]);
    const binary = asResponse({ response: head(200), text: "", bytes });
    expect(new Uint8Array(await binary.arrayBuffer())).toEqual(bytes);
  });

  it.each([204, 205, 304])("gives a %i no body, as Response requires", (status) => {
    expect(asResponse({ response: head(status), text: "" }).body).toBeNull();
  });
});
