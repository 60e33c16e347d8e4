import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { insecureTarget, type KeySource, keysFor, takesWholeHeader } from "../../src/http/auth.js";
import { displayUrl, scrub } from "../../src/http/secrets.js";
import {
  type ApiError,
  ConfigurationError,
  createImagesClient,
  MissingApiKeyError,
  type SudoImagesError,
} from "../../src/index.js";
import { VALID_BODY } from "../helpers/fault-server.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";
import { asPage } from "../helpers/page-globals.js";
import { usePlayServer } from "../helpers/play-server.js";

const request = { prompt: "p", model: "m" };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((seen, res) => {
    const echo = seen.headers["x-echo"];
    if (echo) sendJson(res, 401, { error: { message: String(echo), type: "auth" } });
    else sendJson(res, 200, VALID_BODY);
  });
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllEnvs());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a failure"),
    (error: SudoImagesError) => error,
  );
const lastAuthorization = () => server.requests.at(-1)?.headers.authorization;

describe("where the key comes from", () => {
  it("trims SUDO_API_KEY as it reads it", async () => {
    vi.stubEnv("SUDO_API_KEY", "  sk-padded \n");
    await createImagesClient({ baseUrl: server.url, maxRetries: 0 }).generate(request);
    expect(lastAuthorization()).toBe("Bearer sk-padded");
  });

  it("takes an empty SUDO_API_KEY as no key", async () => {
    vi.stubEnv("SUDO_API_KEY", "");
    const before = server.requests.length;
    const error = await failure(createImagesClient({ baseUrl: server.url }).generate(request));
    expect(error).toBeInstanceOf(MissingApiKeyError);
    expect(error.message).toBe(
      "No API key: set the SUDO_API_KEY environment variable or pass `apiKey` to createImagesClient().",
    );
    expect(server.requests.length).toBe(before);
  });

  it("prefers the apiKey option to the environment, call after call", async () => {
    vi.stubEnv("SUDO_API_KEY", "sk-from-env");
    const client = createImagesClient({ apiKey: "sk-option", baseUrl: server.url, maxRetries: 0 });
    await client.generate(request);
    expect(lastAuthorization()).toBe("Bearer sk-option");
    await client.generate(request);
    expect(lastAuthorization()).toBe("Bearer sk-option");
  });

  it("sends no Authorization from a keyless page (its own proxy adds the key)", async () => {
    vi.stubEnv("SUDO_API_KEY", undefined);
    await asPage(() => createImagesClient({ baseUrl: server.url, maxRetries: 0 }).generate(request));
    expect(server.requests.at(-1)?.headers).not.toHaveProperty("authorization");
  });
});

describe("keysFor: the key source for where one request goes", () => {
  const keys: KeySource = {
    apiKey: "k",
    envName: undefined,
    creator: "createClient()",
    required: true,
    insecureTarget: undefined,
  };
  const root = "https://api.example.test/v1";

  it.each([root, `${root}/pets`, `${root}?q=1`])("keeps the client's own source for %s, under its API root", (url) => {
    expect(keysFor(keys, root, url, undefined)).toBe(keys);
  });

  it.each([
    ["http://api.example.test/v1/pets", "api.example.test"],
    ["http://api.example.test:443/v1x", "api.example.test:443"],
    ["https://api.example.test/v1x", undefined],
    ["http://127.0.0.1:9/v1", undefined],
  ])("judges %s again for plain http: %s", (url, target) => {
    expect(keysFor(keys, root, url, undefined).insecureTarget).toBe(target);
  });
});

describe("plain http", () => {
  it.each([
    ["https to any host", "https://api.example.test/v1", undefined],
    ["localhost", "http://localhost:8080/v1", undefined],
    ["[::1]", "http://[::1]:8080/v1", undefined],
    ["127.0.0.1", "http://127.0.0.1/v1", undefined],
    ["any 127/8 address", "http://127.10.200.31:9/v1", undefined],
    ["another host", "http://api.example.test:8080/v1", "api.example.test:8080"],
    ["a host that starts like loopback", "http://127.0.0.1.nip.test/v1", "127.0.0.1.nip.test"],
    ["localhost as a subdomain", "http://localhost.evil.test/v1", "localhost.evil.test"],
  ])("to %s: %s gives %s", (_what, url, target) => {
    expect(insecureTarget(url, false)).toBe(target);
    expect(insecureTarget(url, true)).toBeUndefined();
  });

  it("refuses the key to another host with a message that says how to allow it", async () => {
    const error = await failure(
      createImagesClient({ apiKey: "sk-x", baseUrl: "http://api.example.test:8080" }).generate(request),
    );
    expect(error.message).toBe(
      "Refusing to send the API key in clear text to http://api.example.test:8080: use https, or set allowInsecureHttp: true (the CLI's --allow-insecure-http).",
    );
  });

  it("refuses it on every call, not only the first", async () => {
    const client = createImagesClient({ apiKey: "sk-x", baseUrl: "http://api.example.test" });
    await expect(client.generate(request)).rejects.toThrow(/Refusing to send the API key/);
    await expect(client.generate(request)).rejects.toThrow(/Refusing to send the API key/);
  });
});

describe("a key the server echoes back", () => {
  it("is redacted from the message and the body, even a short one", async () => {
    for (const key of ["sk-1", "sk-a-much-longer-key"]) {
      const client = createImagesClient({ apiKey: key, baseUrl: server.url, headers: { "x-echo": `Bad key ${key}!` } });
      const error = (await failure(client.generate(request))) as ApiError;
      expect(error.message).toMatch(/status 401: Bad key \[redacted\]!$/);
      expect(JSON.stringify(error.body)).not.toContain(key);
    }
  });

  it("is looked for only when it is long enough to mean something", () => {
    expect(scrub("ab- ab-d", "ab-")).toBe("ab- ab-d");
    expect(scrub("ab-d ab-d", "ab-d")).toBe("[redacted] [redacted]");
    expect(scrub("undefined", undefined)).toBe("undefined");
    expect(scrub("text", "other")).toBe("text");
  });
});

describe("displayUrl", () => {
  it.each([
    ["https://user:pw@api.test/v1", "https://[redacted]@api.test/v1"],
    ["git+https://tok@host.test/x", "git+https://[redacted]@host.test/x"],
    ["HTTP://u@host.test", "HTTP://[redacted]@host.test"],
    ["https://api.test/v1?next=http://a:b@c.test", "https://api.test/v1?next=http://a:b@c.test"],
    ["https://api.test/a@b", "https://api.test/a@b"],
    ["https://api.test", "https://api.test"],
    ["1http://u@h", "1http://u@h"],
  ])("%s shows as %s", (url, shown) => {
    expect(displayUrl(url)).toBe(shown);
  });
});

describe("with a server that plays each test's part", () => {
  const { KEY, request, server } = usePlayServer();

  describe("the key", () => {
    const saved = process.env.SUDO_API_KEY;
    afterEach(() => {
      if (saved === undefined) delete process.env.SUDO_API_KEY;
      else process.env.SUDO_API_KEY = saved;
    });

    it("is read from SUDO_API_KEY at each call, so a rotated key is used by the next one", async () => {
      process.env.SUDO_API_KEY = "sk-first-key";
      const unkeyed = createImagesClient({ baseUrl: server.url, maxRetries: 0 });
      const before = server.requests.length;
      await unkeyed.generate(request);
      process.env.SUDO_API_KEY = "sk-rotated-key";
      await unkeyed.generate(request);
      expect(server.requests.slice(before).map((seen) => seen.headers.authorization)).toEqual([
        "Bearer sk-first-key",
        "Bearer sk-rotated-key",
      ]);
    });

    it.each(["127.0.0.1.nip.io", "localhost.evil.com", "127.0.0.1.example", "my-localhost"])(
      "is not sent over plain http to %s, which only looks like loopback",
      async (host) => {
        const error = await failure(
          createImagesClient({ apiKey: KEY, baseUrl: `http://${host}:8080` }).generate(request),
        );
        expect(error).toBeInstanceOf(ConfigurationError);
        expect(error.message).toContain(`http://${host}:8080`);
      },
    );
  });
});

describe("takesWholeHeader", () => {
  it("is true only for an API key in the Authorization header, whatever its case", () => {
    expect(takesWholeHeader({ a: { type: "apiKey", in: "header", name: "Authorization" } })).toBe(true);
    expect(takesWholeHeader({ a: { type: "apiKey", in: "header", name: "authorization" } })).toBe(true);
    expect(takesWholeHeader({ a: { type: "apiKey", in: "header", name: "X-Api-Key" } })).toBe(false);
    expect(takesWholeHeader({ a: { type: "apiKey", in: "query", name: "Authorization" } })).toBe(false);
    expect(takesWholeHeader({ a: { type: "http", scheme: "bearer" } })).toBe(false);
  });
});
