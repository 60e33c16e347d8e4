/** The time limit on each attempt (`src/http/timeout.ts`): per call, and on the body as well as the headers. */
import { describe, expect, it } from "vitest";
import { TimeoutError } from "../../src/index.js";
import { failure } from "../helpers/failure.js";
import { usePlayServer } from "../helpers/play-server.js";

describe("with a server that plays each test's part", () => {
  const { request, client } = usePlayServer();

  describe("timeouts", () => {
    it("honours a per-call timeoutMs shorter than the client's", async () => {
      const error = await failure(client("slow", { timeoutMs: 60_000 }).generate(request, { timeoutMs: 50 }));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error.message).toContain("timed out after 50 ms");
    });

    it("bounds the body read too: headers in time, body never", async () => {
      const error = await failure(client("stall-body", { timeoutMs: 100 }).generate(request));
      expect(error).toBeInstanceOf(TimeoutError);
    });
  });
});
