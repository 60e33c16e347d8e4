import { describe, expect, it } from "vitest";
import { InvalidResponseError } from "../../src/errors.js";
import { asResponse } from "../../src/http/as-response.js";

const head = (status: number) => ({
  status,
  statusText: "",
  ok: status < 300,
  headers: new Headers({ "x-request-id": "r1", "content-type": "application/json" }),
});

const URL = "http://127.0.0.1:1/pets?limit=2";

describe("asResponse", () => {
  it("hands the text, status and headers back as a Response", async () => {
    const response = asResponse({ response: head(404), text: '{"message":"gone"}', url: URL });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBe("r1");
    expect(await response.json()).toEqual({ message: "gone" });
  });

  it("answers text(), json() and its body stream alike, and hands bytes back as they came", async () => {
    const text = '{"name":"café ☕"}';
    expect(await asResponse({ response: head(200), text, url: URL }).text()).toBe(text);
    expect(await new Response(asResponse({ response: head(200), text, url: URL }).body).text()).toBe(text);
    expect(new TextDecoder().decode(await asResponse({ response: head(200), text, url: URL }).arrayBuffer())).toBe(
      text,
    );
    expect(await (await asResponse({ response: head(200), text, url: URL }).blob()).text()).toBe(text);
    const bytes = new Uint8Array([0xff, 0x00, 0xfe]);
    const binary = asResponse({ response: head(200), text: "", bytes, url: URL });
    expect(new Uint8Array(await binary.arrayBuffer())).toEqual(bytes);
  });

  it("reads json() by generate's rule: what is not JSON is an InvalidResponseError, the server's bytes escaped", async () => {
    const page = { ...head(200), headers: new Headers({ "content-type": "text/html" }) };
    const error = await asResponse({ response: page, text: "<html>\u001b[31mhi</html>", url: URL })
      .json()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(
      /^Expected a JSON body but got an HTML page, not the API's JSON: check that baseUrl is the API root: /,
    );
    const named = await asResponse({ response: page, text: "<html></html>", url: URL }, "https://api.example/v2")
      .json()
      .catch((caught: unknown) => caught);
    expect((named as Error).message).toContain("check that baseUrl is the API root, such as https://api.example/v2:");
    expect((error as Error).message).not.toContain("\u001b");
    const cut = await asResponse({ response: head(200), text: '{"a":', url: URL })
      .json()
      .catch((caught: unknown) => caught);
    expect(cut).toBeInstanceOf(InvalidResponseError);
  });

  it("clones whole: a middleware that reads response.clone() gets the text, json() by the same rule, and the URL", async () => {
    const text = '{"name":"café ☕"}';
    const response = asResponse({ response: head(200), text, url: URL }, "https://api.example/v2");
    const copy = response.clone();
    expect(await copy.text()).toBe(text);
    expect(await response.clone().json()).toEqual({ name: "café ☕" });
    expect(await new Response(response.clone().body).text()).toBe(text);
    expect(copy.url).toBe(URL);
    expect(copy.headers.get("x-request-id")).toBe("r1");
    const page = asResponse({ response: head(200), text: "<html>", url: URL }, "https://api.example/v2");
    await expect(page.clone().json()).rejects.toThrow(InvalidResponseError);
    // The original still reads after being cloned, as a Response does.
    expect(await response.json()).toEqual({ name: "café ☕" });
  });

  it.each([204, 205, 304])("gives a %i no body, as Response requires", (status) => {
    expect(asResponse({ response: head(status), text: "", url: URL }).body).toBeNull();
  });

  it("says the URL asked, where a Response made here would say nothing", () => {
    const bytes = new Uint8Array([1]);
    for (const received of [
      { response: head(200), text: "{}", url: URL },
      { response: head(200), text: "", bytes, url: URL },
      { response: head(204), text: "", url: URL },
    ]) {
      expect(asResponse(received).url).toBe(URL);
    }
  });
});
