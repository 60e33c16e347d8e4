/**
 * The client's options and one call's, as `src/options.ts` checks them: a value of the wrong type
 * (a string from an environment variable, a config loader's `"false"`) is a `ConfigurationError`
 * naming the option, never a truthy flag or a mode that quietly means "warn".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConfigurationError,
  createImagesClient,
  createRawClient,
  type ImagesClientOptions,
  imageBytes,
} from "../src/index.js";
import { verifyServer } from "../src/testing/index.js";
import { VALID_BODY } from "./helpers/fault-server.js";
import { sendJson, startTestServer, type TestServer } from "./helpers/http-server.js";
import { asPage } from "./helpers/page-globals.js";

const KEY = "sk-options-0123456789";
const request = { prompt: "a lighthouse", model: "gpt-image-1" };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((_seen, res) => sendJson(res, 200, VALID_BODY));
});
afterAll(() => server.close());

/** Options as a config loader might hand them over: any value, whatever the types say. */
const loose = (options: Record<string, unknown>) => options as ImagesClientOptions;

const MODES = '"strict" or "warn" or "off"';

describe("options of the wrong type are refused at creation, naming the option", () => {
  it.each([
    [{ allowInsecureHttp: "false" }, 'allowInsecureHttp must be true or false; got "false"'],
    [{ allowInsecureHttp: "0" }, 'allowInsecureHttp must be true or false; got "0"'],
    [{ allowInsecureHttp: "no" }, 'allowInsecureHttp must be true or false; got "no"'],
    [{ allowInsecureHttp: 1 }, "allowInsecureHttp must be true or false; got 1"],
    [{ dangerouslyAllowBrowser: "false" }, 'dangerouslyAllowBrowser must be true or false; got "false"'],
    [{ validateRequests: true }, `validateRequests must be ${MODES}; got true`],
    [{ validateRequests: false }, `validateRequests must be ${MODES}; got false`],
    [{ validateRequests: "STRICT" }, `validateRequests must be ${MODES}; got "STRICT"`],
    [{ validateResponses: false }, `validateResponses must be ${MODES}; got false`],
    [{ validateResponses: "Warn" }, `validateResponses must be ${MODES}; got "Warn"`],
    [{ fetch: "fetch" }, 'fetch must be a function; got "fetch"'],
    [{ logger: 1 }, "logger must be a function; got 1"],
    [{ onWarning: {} }, "onWarning must be a function; got an object"],
    [{ retry: 5 }, "retry must be an object; got 5"],
    [
      { headers: "x-trace: 1" },
      'headers must be a Headers, an array of [name, value] pairs or an object; got "x-trace: 1"',
    ],
    [
      { headers: [["x-trace"]] },
      "headers must be a Headers, an array of [name, value] pairs or an object; got an array",
    ],
    [{ headers: [["bad name", "1"]] }, 'headers holds "bad name", which is not a header name'],
    [{ baseUrl: 42 }, "baseUrl must be a string or a URL; got 42"],
    [{ maxRetries: "3" }, 'maxRetries must be a whole number of at least 0; got "3"'],
  ])("%j", (options, message) => {
    for (const create of [createImagesClient, createRawClient]) {
      expect(() => create({ apiKey: KEY, baseUrl: server.url, ...loose(options) })).toThrow(
        new ConfigurationError(message),
      );
    }
  });

  it('refuses dangerouslyAllowBrowser: "false" in a page too, rather than taking it for true', () =>
    asPage(() => {
      expect(() => createImagesClient(loose({ apiKey: KEY, dangerouslyAllowBrowser: "false" }))).toThrow(
        new ConfigurationError('dangerouslyAllowBrowser must be true or false; got "false"'),
      );
    }));

  it("sends nothing when allowInsecureHttp is a string: the key never goes over plain http to another host", async () => {
    // 0.0.0.0 reaches this machine's own listener on Linux, yet it is not a loopback name.
    const baseUrl = `http://0.0.0.0:${new URL(server.url).port}/insecure-string`;
    const before = server.requests.length;
    const attempt = async () =>
      createImagesClient(loose({ apiKey: KEY, baseUrl, allowInsecureHttp: "false", maxRetries: 0 })).generate(request);
    await expect(attempt()).rejects.toThrow(
      new ConfigurationError('allowInsecureHttp must be true or false; got "false"'),
    );
    expect(server.requests.length).toBe(before);
  });
});

describe("options of the wrong type are refused by every other door that takes them", () => {
  it("imageBytes: fetch, imageHosts and signal", async () => {
    const item = { url: `${server.url}/image.png` };
    await expect(imageBytes(item, loose({ fetch: "fetch" }))).rejects.toThrow(
      new ConfigurationError('fetch must be a function; got "fetch"'),
    );
    await expect(imageBytes(item, loose({ imageHosts: true }))).rejects.toThrow(
      new ConfigurationError('imageHosts must be "any" or "public"; got true'),
    );
    await expect(imageBytes(item, loose({ signal: "stop" }))).rejects.toThrow(
      new ConfigurationError('signal must be an AbortSignal; got "stop"'),
    );
  });

  it("verifyServer: allowInsecureHttp", async () => {
    const before = server.requests.length;
    const baseUrl = `http://0.0.0.0:${new URL(server.url).port}`;
    await expect(verifyServer(baseUrl, loose({ apiKey: KEY, allowInsecureHttp: "false" }))).rejects.toThrow(
      new ConfigurationError('allowInsecureHttp must be true or false; got "false"'),
    );
    expect(server.requests.length).toBe(before);
  });
});

it("refuses an apiKey that is not a string at the first call, without showing it", async () => {
  const client = createImagesClient(loose({ apiKey: 4242424242, baseUrl: server.url }));
  await expect(client.generate(request)).rejects.toThrow(
    new ConfigurationError(
      "The API key from the apiKey option must be a string, not a number (the key is not shown here)",
    ),
  );
});

describe("a call's options of the wrong type are refused at the call, before sending", () => {
  it.each([
    [{ onImages: "progress" }, 'onImages must be a function; got "progress"'],
    [{ signal: {} }, "signal must be an AbortSignal; got an object"],
    [
      { timeoutMs: "100" },
      'timeoutMs must be a whole number of milliseconds from 1 to 2147483647, or Infinity for none; got "100"',
    ],
  ])("%j", async (call, message) => {
    const before = server.requests.length;
    const client = createImagesClient({ apiKey: KEY, baseUrl: server.url });
    await expect(client.generate(request, call as never)).rejects.toThrow(new ConfigurationError(message));
    expect(server.requests.length).toBe(before);
  });
});

describe("the types an option may reasonably come in", () => {
  it.each([
    ["a Headers", new Headers({ "X-Trace": "t-1" })],
    ["an array of pairs", [["X-Trace", "t-1"]]],
    ["a Map", new Map([["x-trace", "t-1"]])],
    ["an object", { "X-Trace": "t-1" }],
  ])("sends headers given as %s", async (_as, headers) => {
    const before = server.requests.length;
    await createImagesClient(loose({ apiKey: KEY, baseUrl: server.url, headers })).generate(request);
    expect(server.requests[before]?.headers["x-trace"]).toBe("t-1");
  });

  it("lets the client's own content type win over a caller's in any case of its name", async () => {
    const before = server.requests.length;
    const headers = { "Content-Type": "text/plain" };
    await createImagesClient({ apiKey: KEY, baseUrl: server.url, headers }).generate(request);
    expect(server.requests[before]?.headers["content-type"]).toBe("application/json");
  });

  it("takes baseUrl as a URL", async () => {
    const before = server.requests.length;
    await createImagesClient({ apiKey: KEY, baseUrl: new URL(`${server.url}/api/`) }).generate(request);
    expect(server.requests[before]?.url).toBe("/api/v1/images/generations");
  });

  it("takes true and false for every flag, and each validation mode", () => {
    for (const flag of [true, false]) {
      const options = { apiKey: KEY, baseUrl: server.url, allowInsecureHttp: flag, dangerouslyAllowBrowser: flag };
      expect(() => createImagesClient(options)).not.toThrow();
    }
    for (const mode of ["strict", "warn", "off"] as const) {
      expect(() => createImagesClient({ apiKey: KEY, validateRequests: mode, validateResponses: mode })).not.toThrow();
    }
  });
});
