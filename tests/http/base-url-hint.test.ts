/**
 * A 404 from a base URL that ends in `/v1` says what is most likely wrong (the version written
 * twice), whatever the body: the client, verify and the CLI word it alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImagesClient, NotFoundError } from "../../src/index.js";
import { verifyServer } from "../../src/testing/index.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";

const HINT = "check that baseUrl is the API root, without /v1, such as https://sudoapp.dev/api";

let site: TestServer;
beforeAll(async () => {
  // A JSON API of its own that knows no such path, as a gateway in front of the API would answer.
  site = await startTestServer((_seen, res) =>
    sendJson(res, 404, { error: { message: "Not found", type: "not_found" } }),
  );
});
afterAll(() => site.close());

const generate = (baseUrl: string) =>
  createImagesClient({ apiKey: "sk-hint-test", baseUrl, maxRetries: 0 })
    .generate({ prompt: "a fox", model: "dall-e-2" })
    .then(
      () => expect.fail("expected a 404"),
      (error: unknown) => error as Error,
    );

describe("a 404 under a base URL ending in /v1", () => {
  it.each(["/v1", "/api/v1", "/api/V1/"])(
    "names the base URL as the likely fault (%s), and keeps the server's words",
    async (path) => {
      const error = await generate(`${site.url}${path}`);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toContain(`failed with status 404: ${HINT} (Not found)`);
    },
  );

  it("gives no such hint for another base URL", async () => {
    const error = await generate(`${site.url}/api`);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).not.toContain("/v1,");
    expect(error.message).toContain("failed with status 404: Not found");
  });

  it("says the same in verify's report", async () => {
    const report = await verifyServer(`${site.url}/v1`, { apiKey: "sk-hint-test", budget: 1, include: ["valid"] });
    expect(report.failed.find((check) => check.check === "status")?.received).toBe(`404 (${HINT})`);
  });
});
