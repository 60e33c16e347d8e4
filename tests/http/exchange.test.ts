/** The exchange every door sends through (`src/http/exchange.ts`): redirects refused, lost connections named. */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { exchange } from "../../src/http/exchange.js";
import { ConnectionError, RedirectError } from "../../src/index.js";
import { failure } from "../helpers/failure.js";
import { useFaultServer } from "../helpers/fault-server.js";
import { usePlayServer } from "../helpers/play-server.js";

const request = { prompt: "a lighthouse", model: "gpt-image-2" };

describe("a fetch that fails", () => {
  it("never shows the key its error quotes (a header, a query key): not in the message, its cause or the log", async () => {
    const key = "sk-exchange/KEY+0123456789";
    const lines: string[] = [];
    // A fetch of the caller's (a proxy's, a wrapper's) whose error repeats what it was asked to send.
    const fetch = async (input: string | Request, init: RequestInit) => {
      const request = new Request(input, init);
      const cause = new Error(`header ${request.headers.get("authorization")}`);
      throw new TypeError(`cannot send ${request.url}`, { cause });
    };
    const wire = { fetch, maxResponseBytes: 1000, log: (line: string) => void lines.push(line) };
    const outgoing = {
      method: "GET",
      input: `http://127.0.0.1:1/pets?api_key=${encodeURIComponent(key)}`,
      shownUrl: "http://127.0.0.1:1/pets",
      headers: { authorization: `Bearer ${key}` },
      key,
    };
    const error = await exchange(wire, outgoing, new AbortController().signal).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(
      "GET http://127.0.0.1:1/pets failed: connection error: cannot send http://127.0.0.1:1/pets?api_key=[redacted]: header Bearer [redacted]",
    );
    expect(((error as Error).cause as Error).name).toBe("TypeError");
    for (const shown of [inspect(error), lines.join("\n")]) {
      expect(shown).not.toContain(key);
      expect(shown).not.toContain(encodeURIComponent(key));
    }
  });

  it("scrubs the key from text a fetch throws, and keeps a cause that holds no key as it came", async () => {
    const key = "sk-thrown-0123456789";
    const thrown = async () => Promise.reject(`no route for Bearer ${key}`);
    const keyed = { method: "GET", input: "http://127.0.0.1:1/", shownUrl: "http://127.0.0.1:1/", key };
    const text = await exchange(
      { fetch: thrown, maxResponseBytes: 1000, log: undefined },
      keyed,
      new AbortController().signal,
    ).catch((caught: unknown) => caught);
    expect((text as Error).message).toBe(
      "GET http://127.0.0.1:1/ failed: connection error: no route for Bearer [redacted]",
    );

    const cause = new Error("connect ECONNREFUSED");
    const fetch = async () => Promise.reject(cause);
    const wire = { fetch, maxResponseBytes: 1000, log: undefined };
    const outgoing = {
      method: "GET",
      input: "http://127.0.0.1:1/",
      shownUrl: "http://127.0.0.1:1/",
      key: "sk-unseen-0123456789",
    };
    const error = await exchange(wire, outgoing, new AbortController().signal).catch((caught: unknown) => caught);
    expect((error as Error).cause).toBe(cause);
  });
});

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
