/**
 * Every door into the package, held to the same rules, row by row: the key never goes over plain
 * http to another host and never comes back in anything a door shows; a body over the cap is
 * refused; time limits and cancellation hold even with a `fetch` that drops `init.signal` and a
 * garbage collection in the middle; redirects follow each door's one policy. Adding a door means
 * adding a row to `doors()` in `helpers/doors.ts`.
 */
import { mkdtempSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageBytes } from "../src/index.js";
import { renderMockPng } from "../src/testing/mock-image.js";
import { type Door, doors, KEY, SPELLINGS } from "./helpers/doors.js";
import { type SeenRequest, sendJson, startTestServer, type TestServer } from "./helpers/http-server.js";
import { unicodeEscaped } from "./helpers/unicode-escaped.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that steer a terminal are what is looked for.
const TERMINAL_CONTROL = /[\u001b\u0007\u009b]/;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/**
 * How the hostile server answers, chosen by the first segment of the path (the base URL each test
 * gives a door): `${server.url}/<mode>`. Every mode that can, echoes the key it was sent.
 */
const MODES: Record<string, (seen: SeenRequest, res: ServerResponse, key: string) => void> = {
  "echo-error-body": (_seen, res, key) =>
    sendJson(res, 401, { error: { message: `Incorrect API key provided: ${key}`, type: "auth" } }),
  "echo-error-headers": (_seen, res, key) =>
    sendJson(res, 400, { error: { message: "no", type: "x" } }, { "x-echo": `Bearer ${key}`, "x-request-id": key }),
  "echo-text": (_seen, res, key) => res.writeHead(200, { "content-type": "text/plain" }).end(`your key is ${key}`),
  "echo-bad-json": (_seen, res, key) =>
    res.writeHead(200, { "content-type": "application/json" }).end(`{"key": "${key}`),
  "echo-off-spec": (_seen, res, key) => sendJson(res, 200, { data: key, created: key }),
  // JSON that parses back into the key: every slash escaped (PHP's json_encode), every character escaped.
  "echo-json-slashes": (_seen, res, key) =>
    res
      .writeHead(401, { "content-type": "application/json" })
      .end(
        JSON.stringify({ error: { message: `Incorrect API key provided: ${key}`, type: "auth" } }).replaceAll(
          "/",
          "\\/",
        ),
      ),
  "echo-json-unicode": (_seen, res, key) => {
    const escaped = unicodeEscaped(key);
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(`{"data": "${escaped}", "${escaped}": 1, "created": 1}`);
  },
  // The same escapes in headers, which nothing parses: a person reads `sk-…\/…` as the key all the same.
  "echo-json-headers": (_seen, res, key) =>
    sendJson(
      res,
      400,
      { error: { message: "no", type: "x" } },
      { "x-request-id": key.replaceAll("/", "\\/"), "x-echo": unicodeEscaped(key) },
    ),
  "echo-percent": (_seen, res, key) =>
    sendJson(
      res,
      401,
      { error: { message: `Denied https://api.test/?key=${encodeURIComponent(key)}`, type: "auth" } },
      { "x-echo": `https://api.test/?key=${encodeURIComponent(key)}` },
    ),
  "echo-base64": (_seen, res, key) =>
    sendJson(
      res,
      401,
      { error: { message: `Denied: ${btoa(`Bearer ${key}`)}`, type: "auth" } },
      { "x-echo": btoa(`Bearer ${key}`) },
    ),
  "echo-location": (_seen, res, key) => res.writeHead(307, { location: `https://elsewhere.test/?key=${key}` }).end(),
  "echo-control": (_seen, res, key) =>
    sendJson(res, 401, { error: { message: `bad key ${key}\u001b[2J\u001b]52;c;Zm9v\u0007 gone`, type: "auth" } }),
  "huge-declared": (_seen, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": String(2 ** 31) });
    res.write("{");
  },
  stall: () => {},
};

/** The modes that answer 2xx with JSON the spec does not allow. */
const OFF_SPEC_2XX = ["echo-off-spec", "echo-json-unicode"];

// Made now, not in a hook: the tables below are built when the file is collected.
const outDir = mkdtempSync(path.join(tmpdir(), "sudo-images-doors-"));
const DOORS: Door[] = doors(outDir);
let hostile: TestServer;
let elsewhere: TestServer;
beforeAll(async () => {
  elsewhere = await startTestServer((_seen, res) => sendJson(res, 200, {}));
  hostile = await startTestServer((seen, res) => {
    const mode = seen.url.split("/")[1] ?? "";
    const key = /^Bearer (.+)$/.exec(String(seen.headers.authorization ?? ""))?.[1] ?? KEY;
    if (mode === "redirect-away") res.writeHead(307, { location: `${elsewhere.url}${seen.url}` }).end();
    else if (mode in MODES) (MODES[mode] as (typeof MODES)[string])(seen, res, key);
    else res.writeHead(404).end();
  });
});
afterAll(async () => {
  await hostile.close();
  await elsewhere.close();
  await rm(outDir, { recursive: true, force: true });
});

const keyDoors = DOORS.filter((door) => door.sendsKey);
const inProcessDoors = DOORS.filter((door) => door.inProcess);

describe.concurrent.each(keyDoors.map((door) => [door.name, door] as const))("%s", (_name, door) => {
  it("refuses to send the key over plain http to a host that is not loopback", async () => {
    const outcome = await door.call({ base: "http://sudo.example.test/api" });
    expect(outcome.failed).toBe(true);
    expect(outcome.texts.join("\n")).toMatch(
      /Refusing to send the API key in clear text to http:\/\/sudo\.example\.test/,
    );
  });

  it.each(Object.keys(MODES).filter((mode) => mode.startsWith("echo-")))(
    "keeps the key out of everything it shows when the server echoes it (%s)",
    async (mode) => {
      const outcome = await door.call({ base: `${hostile.url}/${mode}` });
      // The raw client checks no body against the spec: off-spec JSON is its data (scrubbed too).
      expect(outcome.failed).toBe(!(door.name === "createRawClient" && OFF_SPEC_2XX.includes(mode)));
      const shown = outcome.texts.join("\n");
      for (const spelling of SPELLINGS) expect(shown).not.toContain(spelling);
      // Nothing a server sends can steer a terminal: no escape or bell character reaches the text.
      expect(shown).not.toMatch(TERMINAL_CONTROL);
    },
  );
});

describe.concurrent.each(keyDoors.filter((door) => door.takesOptions).map((door) => [door.name, door] as const))(
  "%s",
  (_name, door) => {
    it.each(["false", "0", "no"])(
      'refuses allowInsecureHttp: "%s", sending nothing, rather than take a string for true',
      async (flag) => {
        // 0.0.0.0 reaches this machine's own listener on Linux, yet it is not a loopback name.
        const base = `http://0.0.0.0:${new URL(hostile.url).port}/echo-error-body/${door.name}-${flag}`;
        const outcome = await door.call({ base, options: { allowInsecureHttp: flag } });
        expect(outcome.failed).toBe(true);
        expect(outcome.texts[0]).toMatch(/ConfigurationError/);
        expect(outcome.texts.join("\n")).toContain(`allowInsecureHttp must be true or false; got "${flag}"`);
        expect(hostile.requests.filter((seen) => seen.url.includes(`/${door.name}-${flag}/`))).toEqual([]);
      },
    );
  },
);

describe.concurrent.each(inProcessDoors.map((door) => [door.name, door] as const))("%s", (_name, door) => {
  it("refuses a fetch that is not a function, naming it, rather than fail with a TypeError", async () => {
    const outcome = await door.call({ base: `${hostile.url}/stall`, options: { fetch: "fetch" } });
    expect(outcome.failed).toBe(true);
    expect(outcome.texts[0]).toMatch(/ConfigurationError/);
    expect(outcome.texts.join("\n")).toContain('fetch must be a function; got "fetch"');
  });
});

describe.concurrent.each(DOORS.map((door) => [door.name, door] as const))("%s", (_name, door) => {
  it("refuses a body whose declared length is over the cap, without reading it", async () => {
    const outcome = await door.call({ base: `${hostile.url}/huge-declared` });
    expect(outcome.failed).toBe(true);
    expect(outcome.texts.join("\n")).toMatch(/over the \d+-byte limit/);
  });

  it("ends a call to a server that never answers at its timeout", async () => {
    const outcome = await door.call({ base: `${hostile.url}/stall`, timeoutMs: 300 });
    expect(outcome.failed).toBe(true);
    expect(outcome.texts.join("\n")).toMatch(/timed out after 300 ms/);
  });

  it(`follows redirects by its door's policy: ${door.sendsKey ? "none, and nothing reaches the other host" : "http(s) only"}`, async () => {
    // The doors run concurrently, so each counts only what arrives under its own path.
    const mine = () => elsewhere.requests.filter((seen) => seen.url.startsWith(`/redirect-away/${door.name}/`));
    const outcome = await door.call({ base: `${hostile.url}/redirect-away/${door.name}` });
    if (door.sendsKey) {
      expect(outcome.failed).toBe(true);
      expect(outcome.texts.join("\n")).toMatch(/redirect \(307\)/);
      expect(mine()).toEqual([]);
    } else {
      // The other host answers JSON, not an image: followed, then refused for what came back.
      expect(outcome.texts.join("\n")).toMatch(/is not an image/);
      expect(mine().length).toBeGreaterThan(0);
      for (const seen of mine()) expect(seen.headers.authorization).toBeUndefined();
    }
  });
});

/** A fetch that drops `init.signal`, as some instrumentation wrappers do. */
const deafFetch = (input: string | Request, init?: RequestInit) => fetch(input, { ...init, signal: null });

describe.each(inProcessDoors.map((door) => [door.name, door] as const))("%s", (_name, door) => {
  it("times out with a fetch that drops init.signal, through forced garbage collections", async () => {
    const pending = door.call({ base: `${hostile.url}/stall`, timeoutMs: 300, fetch: deafFetch });
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    const outcome = await pending;
    expect(outcome.failed).toBe(true);
    expect(outcome.texts.join("\n")).toMatch(/timed out after 300 ms/);
  });

  it("sends nothing when its signal is already aborted, even with a fetch that drops init.signal", async () => {
    const sent: unknown[] = [];
    const counting = (input: string | Request, init?: RequestInit) => {
      sent.push(input);
      return deafFetch(input, init);
    };
    const reason = new Error("cancelled before the call");
    const outcome = await door.call({
      base: `${hostile.url}/stall`,
      fetch: counting,
      signal: AbortSignal.abort(reason),
    });
    expect(outcome.failed).toBe(true);
    expect(outcome.texts[2]).toBe(String(reason));
    expect(sent).toEqual([]);
  });

  it("is cancelled by its signal with a fetch that drops init.signal", async () => {
    const controller = new AbortController();
    const reason = new Error("the user cancelled");
    const pending = door.call({ base: `${hostile.url}/stall`, fetch: deafFetch, signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    controller.abort(reason);
    const outcome = await pending;
    expect(outcome.failed).toBe(true);
    expect(outcome.texts[2]).toBe(String(reason));
  });
});

describe("image doors", () => {
  it.each([
    ["a data: URL", "data:image/png;base64,iVBORw0KGgo=", /not http or https but data:/],
    ["a blob: URL", "blob:https://x.test/1", /not http or https but blob:/],
    ["no URL at all", "http://[not a host", /not an absolute URL/],
  ])("refuses a redirect to %s with an ImageError", async (_what, location, message) => {
    const server = await startTestServer((_seen, res) => {
      res.writeHead(302, { location }).end();
    });
    try {
      for (const door of DOORS.filter((each) => !each.sendsKey)) {
        const outcome = await door.call({ base: server.url });
        expect(outcome.failed).toBe(true);
        expect(outcome.texts[0]).toMatch(/ImageError/);
        expect(outcome.texts.join("\n")).toMatch(message);
      }
    } finally {
      await server.close();
    }
  });

  it("saves nothing when what comes back is not an image", async () => {
    const server = await startTestServer((_seen, res) => sendJson(res, 200, { internal: "secret config" }));
    try {
      const before = await readdir(outDir);
      const outcome = await DOORS.find((door) => door.name === "saveImages")?.call({ base: server.url });
      expect(outcome?.texts.join("\n")).toMatch(/is not an image \(content type application\/json/);
      expect(await readdir(outDir)).toEqual(before);
    } finally {
      await server.close();
    }
  });

  it("downloads an image served as one", async () => {
    const server = await startTestServer((_seen, res) => {
      res.writeHead(200, { "content-type": "image/png" }).end(renderMockPng(8, 6, "door"));
    });
    try {
      const bytes = await imageBytes({ url: `${server.url}/image.png` });
      expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    } finally {
      await server.close();
    }
  });
});
