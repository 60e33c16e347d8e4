/** The exchange every door sends through (`src/http/exchange.ts`): redirects refused, lost connections named. */
import { describe, expect, it } from "vitest";
import { RedirectError } from "../../src/index.js";
import { failure } from "../helpers/failure.js";
import { useFaultServer } from "../helpers/fault-server.js";
import { usePlayServer } from "../helpers/play-server.js";

const request = { prompt: "a lighthouse", model: "gpt-image-2" };

describe("with a fault server", () => {
  const { server, client } = useFaultServer("sk-call-options");

  describe("a lost connection", () => {
    it("says whether the body was being read", async () => {
      const error = await failure(client("reset-mid-body").generate(request));
      expect(error.message).toMatch(
        new RegExp(
          `^POST ${server.url.replace(/\./g, "\\.")}/v1/images/generations failed while reading the body: connection error: `,
        ),
      );
    });
  });
});

describe("with a server that plays each test's part", () => {
  const { request, elsewhere, client } = usePlayServer();

  describe("redirects", () => {
    it.each([301, 302, 303, 307, 308])(
      "refuses a %i from the API, naming the Location, sending nothing there",
      async (status) => {
        const location = `${elsewhere.url}/steal`;
        const before = elsewhere.requests.length;
        const headers = { "x-play": "redirect", "x-status": String(status), "x-location": location };
        const error = (await failure(
          client("redirect", { headers, maxRetries: 2 }).generate(request),
        )) as RedirectError;
        expect(error).toBeInstanceOf(RedirectError);
        expect(error.location).toBe(location);
        expect(error.message).toContain(location);
        expect(error.attempts).toBe(1);
        expect(elsewhere.requests.length).toBe(before);
      },
    );
  });
});
