/**
 * verify's credential checks on a spec of its own (each security scheme, alternatives, two at
 * once, an optional credential, an open operation): each secured operation's scheme sent without
 * its credential and with a wrong one, the valid requests carrying the key where each scheme puts
 * it. Against the mock holding the same key every check passes; against a mock that takes any
 * credential, and a server that takes none, the checks it ignores fail by name.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SpecFolder, startMockServer, type VerifyCheck, verifyServer } from "../../src/testing/index.js";
import { plannedRequests } from "../../src/testing/verify.js";
import { type GeneratedFolder, generatedFolder } from "../helpers/generated-folder.js";
import { closedPort, sendJson, startTestServer } from "../helpers/http-server.js";

const KEY = "k-verify-credentials-1";

let folder: GeneratedFolder;
let spec: SpecFolder;

beforeAll(async () => {
  folder = await generatedFolder("tests/fixtures/kit/credentials.yaml");
  spec = folder.module;
});
afterAll(() => folder?.remove());

const failedNames = (failed: VerifyCheck[]) => [...new Set(failed.map((check) => check.request))].sort();

describe("verifyServer's credential checks", () => {
  it("plans, per secured operation, no credential and a wrong one for each scheme of its first usable alternative", () => {
    const auth = plannedRequests({ spec, include: ["auth"] }).map((request) => request.name);
    expect(auth).toEqual([
      "withBearer: no bearer credential",
      "withBearer: a wrong bearer credential",
      "withHeaderKey: no headerKey credential",
      "withHeaderKey: a wrong headerKey credential",
      "withQueryKey: no queryKey credential",
      "withQueryKey: a wrong queryKey credential",
      "withCookieKey: no cookieKey credential",
      "withCookieKey: a wrong cookieKey credential",
      "withBasic: no basic credential",
      "withBasic: a wrong basic credential",
      "withEither: no headerKey credential",
      "withEither: a wrong headerKey credential",
      "withBoth: no bearer credential",
      "withBoth: a wrong bearer credential",
      "withBoth: no headerKey credential",
      "withBoth: a wrong headerKey credential",
    ]);
  });

  it("plans no credential check for open operations, and says so rather than pass", () => {
    expect(() => plannedRequests({ spec, include: ["auth"], operations: ["open", "withOptional"] })).toThrow(
      "the include option (auth) plans no request: no operation asks for a credential a key can stand for, and zero checks is never a pass",
    );
  });

  it("passes every check against the mock that holds the same key", async () => {
    const mock = await startMockServer({ spec, apiKey: KEY });
    try {
      const report = await verifyServer({ spec, baseUrl: mock.url, apiKey: KEY });
      expect(report.failed).toEqual([]);
      const auth = report.passed.filter((check) => check.request.endsWith(" credential") && check.check === "status");
      expect(auth).toHaveLength(16);
    } finally {
      await mock.close();
    }
  });

  it("fails each wrong-credential check against a mock that takes any credential, and nothing else", async () => {
    const mock = await startMockServer({ spec });
    try {
      const report = await verifyServer({ spec, baseUrl: mock.url, apiKey: KEY });
      expect(failedNames(report.failed)).toEqual(
        [
          "withBearer: a wrong bearer credential",
          "withHeaderKey: a wrong headerKey credential",
          "withQueryKey: a wrong queryKey credential",
          "withCookieKey: a wrong cookieKey credential",
          "withBasic: a wrong basic credential",
          "withEither: a wrong headerKey credential",
          "withBoth: a wrong bearer credential",
          "withBoth: a wrong headerKey credential",
        ].sort(),
      );
      expect(report.failed[0]).toMatchObject({
        check: "status",
        expected: "401 or 403 for a request the key does not allow",
        // The likeliest cause is said where the failure is read.
        received:
          "200 (a wrong key was taken: a mock that holds no key (sudo-images mock without --api-key, Prism) takes any)",
      });
    } finally {
      await mock.close();
    }
  });

  it("fails every credential check against a server that ignores credentials, and never shows the key", async () => {
    // Echoes what it was sent where the schema wants a boolean: the body check quotes it.
    const server = await startTestServer((seen, res) =>
      sendJson(res, 200, { ok: `${seen.url} ${JSON.stringify(seen.headers)}` }),
    );
    try {
      const report = await verifyServer({ spec, baseUrl: server.url, apiKey: KEY, include: ["auth", "valid"] });
      const auth = report.failed.filter((check) => check.request.endsWith(" credential") && check.check === "status");
      expect(auth).toHaveLength(16);
      // The key went out in each scheme's place: in the query, a header, a cookie.
      const sent = server.requests.map((seen) => `${seen.url} ${JSON.stringify(seen.headers)}`).join("\n");
      expect(sent).toContain(`api_key=${KEY}`);
      expect(sent).toContain(`"x-api-key":"${KEY}"`);
      expect(sent).toContain(`session=${KEY}`);
      expect(report.failed.some((check) => check.check === "body")).toBe(true);
      expect(JSON.stringify(report)).not.toContain(KEY);
    } finally {
      await server.close();
    }
  });

  it("never sends the environment's SUDO_API_KEY to another spec's server: its key is the apiKey option alone", async () => {
    const ambient = "sk-sudo-ambient-1";
    const server = await startTestServer((_, res) => sendJson(res, 401, { message: "no key" }));
    const before = process.env.SUDO_API_KEY;
    process.env.SUDO_API_KEY = ambient;
    try {
      const report = await verifyServer({ spec, baseUrl: server.url, operations: ["withBearer"], include: ["valid"] });
      const sent = server.requests.map((seen) => `${seen.url} ${JSON.stringify(seen.headers)}`).join("\n");
      expect(server.requests.length).toBeGreaterThan(0);
      expect(sent).not.toContain(ambient);
      expect(report.failed[0]?.received).toBe("401: the server refused the key (none was given: apiKey)");
    } finally {
      if (before === undefined) delete process.env.SUDO_API_KEY;
      else process.env.SUDO_API_KEY = before;
      await server.close();
    }
  });

  it("gives another spec's 404 under a /v1 base URL no hint about Sudo's paths", async () => {
    const server = await startTestServer((_, res) => sendJson(res, 404, { message: "no" }));
    try {
      const baseUrl = `${server.url}/v1`;
      const report = await verifyServer({ spec, baseUrl, apiKey: KEY, operations: ["open"], include: ["valid"] });
      expect(report.failed[0]?.received).toBe("404");
    } finally {
      await server.close();
    }
  });

  it("shows a URL that carries a query key with the key redacted", async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    const report = await verifyServer({ spec, baseUrl, apiKey: KEY, operations: ["withQueryKey"], include: ["valid"] });
    expect(report.failed[0]?.received).toContain("/query-key?api_key=%5Bredacted%5D");
    expect(JSON.stringify(report)).not.toContain(KEY);
  });
});
