/**
 * `verifyServer` and `sudo-images verify` against three servers on 127.0.0.1: our mock (every check
 * passes), Prism's mock of the spec (passes but for what Prism cannot do), and a deliberately wrong
 * server that must be caught once per planted fault.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigurationError } from "../../src/errors.js";
import { validate } from "../../src/generated/index.js";
import {
  describeCheck,
  expectServerMatchesSpec,
  type MockServer,
  plannedRequests,
  startMockServer,
  type VerifyCheck,
  type VerifyOptions,
  verifyServer,
} from "../../src/testing/index.js";
import { renderMockImage } from "../../src/testing/mock-image.js";
import { drawingTimeout } from "../helpers/drawing-timeout.js";
import { closedPort, sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";
import { type BackendServer, startBackendServer } from "../helpers/openapi-backend-server.js";
import { type PrismServer, startPrism } from "../helpers/prism.js";
import { processTimeout, runScript } from "../helpers/run-script.js";

const ALL = { budget: 1000, apiKey: "test-key" };

/** The planned request with this name, by the body it sends. */
function bodyOf(name: string): string {
  const found = plannedRequests(ALL).find((request) => request.name === name);
  if (!found) throw new Error(`no planned request named ${name}`);
  return JSON.stringify(found.body);
}

/** A run of the whole plan against the mock (or the wrong server in front of it), by the images it draws. */
const WHOLE_PLAN_MS = drawingTimeout(plannedRequests(ALL).reduce((sum, request) => sum + request.images, 0));

const summary = (checks: VerifyCheck[]) => checks.map((check) => `${check.request} | ${check.check}`).sort();

let mock: MockServer;
let wrong: TestServer;
/** The planted faults: request body → what the wrong server does instead of the mock's answer. */
let faults: Map<string, (res: import("node:http").ServerResponse, mockAnswer: unknown) => void>;

beforeAll(async () => {
  mock = await startMockServer({ apiKey: ALL.apiKey });
  // The asked format (jpeg), the wrong size: exactly one fault.
  const small = renderMockImage(256, 256, "wrong size", "jpeg").toString("base64");
  faults = new Map([
    [bodyOf("required fields only"), (res, answer) => sendJson(res, 202, answer)],
    [
      bodyOf("n=1 output_compression=0 output_format=jpeg"),
      (res, answer) => sendJson(res, 200, { ...(answer as object), created: "yesterday" }),
    ],
    [
      bodyOf(plannedRequests(ALL)[1]?.name ?? ""),
      (res, answer) => res.writeHead(200, { "content-type": "text/plain" }).end(JSON.stringify(answer)),
    ],
    [
      bodyOf(
        plannedRequests(ALL).find((request) => (request.body as { size?: string } | undefined)?.size === "1536x864")
          ?.name ?? "",
      ),
      (res, answer) => sendJson(res, 200, { ...(answer as object), data: [{ b64_json: small }] }),
    ],
    [bodyOf("missing prompt"), (res) => sendJson(res, 200, { data: [] })],
  ]);
  wrong = await startTestServer(async (seen, res) => {
    const authorization = seen.headers.authorization;
    const answer = await fetch(`${mock.url}${seen.url}`, {
      method: seen.method,
      headers: { ...(authorization ? { authorization } : {}), "content-type": "application/json" },
      body: seen.method === "GET" ? undefined : seen.body,
    });
    const text = await answer.text();
    res.setHeader("x-request-id", answer.headers.get("x-request-id") ?? "");
    // The key checks send the same body as "required fields only": they get the mock's own answer.
    const fault = authorization === `Bearer ${ALL.apiKey}` ? faults.get(seen.body) : undefined;
    if (fault) fault(res, answer.status === 200 ? JSON.parse(text) : { data: [] });
    else res.writeHead(answer.status, { "content-type": "application/json" }).end(text);
    // (A server that ignores the key, or validates after it, is planted in its own test below.)
  });
});
afterAll(async () => {
  await wrong.close();
  await mock.close();
});

describe("verifyServer", () => {
  it("plans every enum value, both bounds and each way to break the request, cheapest first", () => {
    const planned = plannedRequests(ALL);
    const valid = planned.filter((request) => request.kind === "valid");
    const sizes = new Set(valid.map((request) => (request.body as { size?: string }).size));
    for (const size of ["auto", "1024x1024", "1536x1024", "1024x1536", "1536x864"]) {
      expect(sizes).toContain(size);
    }
    expect(valid.map((request) => (request.body as { n?: number }).n)).toEqual(expect.arrayContaining([1, 10]));
    const invalid = planned.filter((request) => request.kind === "invalid").map((request) => request.name);
    expect(invalid).toEqual(
      expect.arrayContaining([
        "missing prompt",
        "missing model",
        "n above maximum 10",
        "quality outside its enum",
        "size outside its pattern",
        "prompt shorter than minLength",
        "n not a whole number",
        "gpt-image-2 rule: size=1024x102",
        "gpt-image-2 quality rule: quality=xhigh",
        "gpt-image-2.5 and gpt-image-2.6 rule: quality=standard",
        "gpt-image-* and chatgpt-image-* rule: response_format=url",
        "output_compression rule: no output_format",
      ]),
    );
    // Each valid request holds to every model rule (a size goes with a model that takes it), and
    // each rule-breaking one breaks its rule alone.
    for (const request of valid) expect(validate("ImageGenerationRequest", request.body), request.name).toEqual([]);
    for (const request of planned.filter((each) => each.name.includes(" rule: "))) {
      const rules = validate("ImageGenerationRequest", request.body).map((violation) => violation.rule);
      expect(new Set(rules), request.name).toEqual(new Set([request.name.split(" rule: ")[0]]));
    }
    expect(plannedRequests({ ...ALL, seed: 1 })).not.toEqual(planned);
    expect(plannedRequests({ ...ALL, seed: 1 })).toEqual(plannedRequests({ ...ALL, seed: 1 }));
  });

  it("plans no request with a model the spec marks shut down, valid or rule-breaking", () => {
    const models = new Set(
      plannedRequests(ALL).map((request) => (request.body as { model?: string } | undefined)?.model),
    );
    for (const retired of [
      "dall-e-2",
      "dall-e-3",
      "gpt-image-1",
      "gpt-image-1-mini",
      "gpt-image-1.5",
      "chatgpt-image-latest",
    ])
      expect(models, retired).not.toContain(retired);
    // Besides the live models: no body (a GET), and the model of the wrong type.
    expect(models).toEqual(new Set(["gpt-image-2", "gpt-image-2.5", "gpt-image-2.6", undefined, 12345]));
  });

  it("keeps the default cheap: 10 requests, at most 3 of them generating one image each", () => {
    const planned = plannedRequests();
    expect(planned).toHaveLength(10);
    expect(planned.filter((request) => request.kind === "valid").map((request) => request.images)).toEqual([1, 1, 1]);
  });

  it(
    "passes our own mock on every check",
    async () => {
      const report = await expectServerMatchesSpec(mock.url, ALL);
      expect(report.failed).toEqual([]);
      expect(report.passed.length).toBeGreaterThan(150);
      expect(summary(report.passed)).toEqual(
        expect.arrayContaining(["n=10 output_compression=100 output_format=jpeg | image count"]),
      );
    },
    WHOLE_PLAN_MS,
  );

  it(
    "finds every planted fault of a wrong server, once each, and nothing else",
    async () => {
      const report = await verifyServer(wrong.url, ALL);
      const sized = plannedRequests(ALL).find(
        (request) => (request.body as { size?: string } | undefined)?.size === "1536x864",
      )?.name;
      expect(summary(report.failed)).toEqual(
        [
          "required fields only | status documented",
          "n=1 output_compression=0 output_format=jpeg | body",
          `${plannedRequests(ALL)[1]?.name} | content type`,
          `${sized} | image size`,
          "missing prompt | status",
        ].sort(),
      );
      const body = report.failed.find((check) => check.check === "body");
      expect(body).toMatchObject({ pointer: "/created", expected: "must be integer,null", received: '"yesterday"' });
      await expect(expectServerMatchesSpec(wrong.url, ALL)).rejects.toThrow(
        /does not match the spec in 5 check\(s\):\n- /,
      );
    },
    2 * WHOLE_PLAN_MS,
  );

  it("says which reply it could not get, for a server that is not there", async () => {
    const report = await verifyServer("http://127.0.0.1:9", { budget: 1, timeoutMs: 2_000 });
    expect(report.failed).toEqual([expect.objectContaining({ check: "status", expected: "an answer" })]);
  });
});

describe("describeCheck", () => {
  const check = { request: "size=256x256", check: "body", expected: "object", received: "an array" };

  it("names the body itself as (body), a place inside by its pointer, and no place when there is none", () => {
    expect(describeCheck({ ...check, pointer: "" })).toBe(
      "size=256x256: body at (body): expected object, received an array",
    );
    expect(describeCheck({ ...check, pointer: "/data/0" })).toMatch(/^size=256x256: body at \/data\/0: /);
    expect(describeCheck(check)).toBe("size=256x256: body: expected object, received an array");
  });
});

describe("verifyServer cannot pass by accident", () => {
  it("says once that the key was refused, and counts none of those answers as a pass", async () => {
    const report = await verifyServer(mock.url, { apiKey: "sk-wrong", budget: 40, include: ["valid", "invalid"] });
    expect(report.passed).toEqual([]);
    expect(report.failed).toEqual([
      expect.objectContaining({
        check: "key",
        expected: "the key accepted",
        received: "401: the server refused the key",
      }),
    ]);
  });

  it("fails a server that ignores the key, and one that answers an invalid request with 403", async () => {
    const lax = await startTestServer((seen, res) => {
      const body = JSON.parse(seen.body || "{}") as { prompt?: unknown };
      if (typeof body.prompt !== "string") return sendJson(res, 403, { error: { message: "no", type: "forbidden" } });
      sendJson(res, 200, { created: 1, data: [{ url: "https://img.test/1.png" }] }, { "x-request-id": "req_lax" });
    });
    try {
      const report = await verifyServer(lax.url, { apiKey: "k", include: ["auth", "invalid"], budget: 4 });
      expect(summary(report.failed)).toEqual([
        "a wrong key | status",
        "missing model | status",
        "missing prompt | status",
        "no key | status",
      ]);
      expect(report.failed.find((check) => check.request === "missing prompt")).toMatchObject({
        expected: "400 or 422 for an invalid request",
        received: "403",
      });
      // The likeliest reason a wrong key passes, said where the failure is read.
      expect(report.failed.find((check) => check.request === "a wrong key")).toMatchObject({
        received:
          "200 (a wrong key was taken: a mock that holds no key (sudo-images mock without --api-key, Prism) takes any)",
      });
    } finally {
      await lax.close();
    }
  });
});

describe("verifyServer stopped by its signal", () => {
  it("sends nothing once stopped, says why, and expectServerMatchesSpec never reads it as a pass", async () => {
    const server = await startTestServer((_, res) => sendJson(res, 500, {}));
    try {
      const signal = AbortSignal.abort(new Error("stopped by the test"));
      const report = await verifyServer(server.url, { apiKey: "k", signal });
      expect(report).toMatchObject({ passed: [], failed: [], interrupted: "stopped by the test" });
      expect(server.requests).toEqual([]);
      await expect(expectServerMatchesSpec(server.url, { apiKey: "k", signal })).rejects.toThrow(
        `${server.url}: verify was interrupted (stopped by the test): not a pass`,
      );
    } finally {
      await server.close();
    }
  });
});

describe("verifyServer and the headers the spec documents", () => {
  it("fails each 200 that leaves out x-request-id, once, and nothing else", async () => {
    const bare = await startTestServer(async (seen, res) => {
      const answer = await fetch(`${mock.url}${seen.url}`, {
        method: seen.method,
        headers: { authorization: String(seen.headers.authorization ?? ""), "content-type": "application/json" },
        body: seen.body,
      });
      // Everything the mock said but its request id.
      res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
    });
    try {
      const report = await verifyServer(bare.url, { ...ALL, budget: 3, include: ["valid"] });
      expect(summary(report.failed)).toEqual(report.requests.map((request) => `${request.name} | header`).sort());
      expect(report.failed[0]).toMatchObject({ expected: "x-request-id, which the spec documents", received: "none" });
      const fromMock = await verifyServer(mock.url, { ...ALL, budget: 3, include: ["valid"] });
      expect(fromMock.passed.filter((check) => check.check === "header")).toHaveLength(3);
    } finally {
      await bare.close();
    }
  });
});

describe("verifyServer and the spec's model rules", () => {
  it("fails a server that holds the fields to the spec but not the model rules, once per broken rule", async () => {
    // It asks the mock with a model no rule names: every field rule holds, no model rule does.
    const unruled = await startTestServer(async (seen, res) => {
      const body = JSON.parse(seen.body || "{}") as Record<string, unknown>;
      const answer = await fetch(`${mock.url}${seen.url}`, {
        method: seen.method,
        headers: { authorization: String(seen.headers.authorization ?? ""), "content-type": "application/json" },
        body: JSON.stringify({
          ...body,
          ...(typeof body.model === "string" ? { model: "another-provider/model" } : {}),
        }),
      });
      const id = answer.headers.get("x-request-id") ?? "";
      res.writeHead(answer.status, { "content-type": "application/json", "x-request-id": id }).end(await answer.text());
    });
    try {
      const report = await verifyServer(unruled.url, { ...ALL, include: ["invalid"] });
      const modelRules = report.requests
        .map((request) => request.name)
        .filter((name) => /^gpt-image-[^ ]*( quality| and [^ ]+)? rule: /.test(name));
      expect(modelRules.length).toBeGreaterThanOrEqual(6);
      expect(summary(report.failed)).toEqual(modelRules.map((name) => `${name} | status`).sort());
      expect(report.failed[0]).toMatchObject({ expected: "400 or 422 for an invalid request", received: "200" });
    } finally {
      await unruled.close();
    }
  });
});

describe("verifyServer's options and limits", () => {
  it.each([
    [{ budget: -1 }, "budget must be a whole number of at least 0; got -1"],
    [{ concurrency: 0 }, "the concurrency option must be a whole number of at least 1; got 0"],
    [
      { timeoutMs: Number.NaN },
      "timeoutMs must be a whole number of milliseconds from 1 to 2147483647, or Infinity for none; got NaN",
    ],
    [{ seed: 1.5 }, "seed must be a whole number of at least 0; got 1.5"],
  ])("refuses %j before sending anything, as the client would", async (options, message) => {
    const before = mock.requests.length;
    await expect(verifyServer(mock.url, options)).rejects.toThrow(message);
    expect(mock.requests.length).toBe(before);
  });

  it("refuses a base URL the client refuses, and never shows its password", async () => {
    const withPassword = mock.url.replace("http://", "http://user:hunter2@");
    const error = await verifyServer(withPassword, { apiKey: "k" }).catch((caught: Error) => caught);
    expect((error as Error).message).toBe("baseUrl must not hold a user name or password; send credentials as headers");
    await expect(verifyServer("ftp://127.0.0.1/", { apiKey: "k" })).rejects.toThrow(
      "baseUrl must be an http or https URL",
    );
  });

  it("takes a huge concurrency as no more workers than requests", async () => {
    const report = await verifyServer(mock.url, { ...ALL, budget: 2, include: ["invalid"], concurrency: 1e9 });
    expect(report.failed).toEqual([]);
    expect(report.requests).toHaveLength(2);
  });

  it("downloads no more images than were asked for, however many the server lists", async () => {
    const png = renderMockImage(8, 8, "many", "png");
    const server = await startTestServer((seen, res) => {
      if (seen.url.startsWith("/img/")) return void res.writeHead(200, { "content-type": "image/png" }).end(png);
      const urls = Array.from({ length: 50 }, (_, index) => ({ url: `${server.url}/img/${index}.png` }));
      sendJson(res, 200, { created: 1, data: urls });
    });
    try {
      const report = await verifyServer(server.url, { apiKey: "k", budget: 1, include: ["valid", "images"] });
      expect(report.failed.map((check) => check.check)).toContain("image count");
      expect(server.requests.filter((seen) => seen.url.startsWith("/img/"))).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe("verifyServer with nothing to check", () => {
  it.each([
    [{ include: [] }, "the include option () plans no request"],
    [
      { include: ["images"] },
      "the include option (images) plans no request: images are checked on the answers to valid requests",
    ],
    [{ budget: 0 }, "the budget option is 0: nothing would be sent"],
    [{ operations: ["toString"] }, 'the operations option names no operation of the spec: "toString"'],
    [{ operations: ["generateImage", "nope"] }, 'the operations option names no operation of the spec: "nope"'],
    [
      { include: ["valid", "everything"] },
      'the include option takes valid, invalid, auth, method, images; not "everything"',
    ],
  ] as const)("refuses %j before anything is sent: zero checks is never a pass", async (options, message) => {
    // A closed port: a run that sent anything would fail on it, so a refusal is the only way to end.
    const nowhere = `http://127.0.0.1:${await closedPort()}`;
    const refused = await verifyServer(nowhere, options as VerifyOptions).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConfigurationError);
    expect((refused as Error).message).toContain(message);
    expect(() => plannedRequests(options as VerifyOptions)).toThrow(message);
    await expect(expectServerMatchesSpec(nowhere, options as VerifyOptions)).rejects.toThrow(message);
  });
});

describe("verifyServer against Prism's mock of the spec", () => {
  let prism: PrismServer;
  beforeAll(async () => {
    prism = await startPrism(["mock", "openapi/sudo-images.yaml"]);
  });
  afterAll(() => prism?.close());

  it("passes every status, content type and body check; the only failures are what Prism cannot do", async () => {
    const report = await verifyServer(prism.url, ALL);
    // Prism answers with bodies made from the schema: its b64_json is the word "string", not an
    // image, and it returns one item whatever n says; it checks that a key is sent, not which one.
    // Nothing else may fail.
    const reasons = new Set(
      report.failed.map((check) => `${check.request} | ${check.check}: ${check.received.replace(/\b\d+\b/g, "N")}`),
    );
    const kinds = [...reasons].map((reason) => reason.replace(/^(?!a wrong key).*? \| /, ""));
    expect([...new Set(kinds)].sort()).toEqual([
      "a wrong key | status: N (a wrong key was taken: a mock that holds no key (sudo-images mock without --api-key, Prism) takes any)",
      "image count: N",
      "image data: b64_json is not valid base64 (N characters)",
    ]);
    expect(report.passed.filter((check) => check.check === "status").length).toBe(report.requests.length - 1);
  }, 60_000);
});

describe("verifyServer against openapi-backend, a third implementation of the spec", () => {
  let backend: BackendServer;
  beforeAll(async () => {
    backend = await startBackendServer(ALL.apiKey);
  });
  afterAll(() => backend.close());

  it("agrees on every status; it fails only where its mock cannot write 3.1's type lists or headers", async () => {
    const report = await verifyServer(backend.url, ALL);
    // Its own router, Ajv validation and security handler refuse exactly what ours do: every
    // invalid and rule-breaking request (400), no key and a wrong key (401), GET (405).
    const statuses = report.passed.filter((check) => check.check === "status");
    expect(statuses).toHaveLength(report.requests.length);
    expect(report.requests.filter((request) => request.name.includes(" rule: ")).length).toBeGreaterThanOrEqual(9);
    // mock-json-schema reads `type: [string, "null"]` as an object: its bodies break the spec there;
    // and it makes bodies only, so the x-request-id the spec documents on a 200 is missing.
    const kinds = new Set(
      report.failed.map((check) => `${check.check}: ${check.expected}, received ${check.received}`),
    );
    expect([...kinds].sort()).toEqual([
      "body: must be integer,null, received an object",
      "body: must be string,null, received an object",
      "header: x-request-id, which the spec documents, received none",
    ]);
  }, 60_000);
});

describe("sudo-images verify", () => {
  async function cli(args: string[]) {
    return runScript("src/cli/bin.ts", ["verify", ...args], { timeout: processTimeout(1) });
  }

  it(
    "exits 0 against the mock, with a line per check and a summary",
    async () => {
      const result = await cli(["--base-url", mock.url, "--api-key", ALL.apiKey, "--budget", "40"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^pass {2}required fields only: status documented: expected one of 200, /m);
      expect(result.stdout).toMatch(
        /^pass {2}a wrong key: status: expected 401 or 403 for a request the key does not allow, received 401$/m,
      );
      expect(result.stdout).toMatch(/matches the spec \(\d+ checks passed, 0 failed, 40 requests\)\n$/);
    },
    processTimeout(1),
  );

  it(
    "exits 1 against the wrong server, listing every planted fault",
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "sudo-images-junit-"));
      const junit = path.join(dir, "verify.xml");
      const result = await cli(["--base-url", wrong.url, "--api-key", ALL.apiKey, "--budget", "40", "--junit", junit]);
      const xml = await readFile(junit, "utf8");
      await rm(dir, { recursive: true, force: true });
      expect(result.code).toBe(1);
      expect(xml.match(/<failure /g)).toHaveLength(3);
      expect(xml).toContain(
        'name="missing prompt: status"><failure message="expected 400 or 422 for an invalid request, received 200">',
      );
      // Three of the five: the boundary request with the planted bad `created`, and the valid one
      // answered with an image of the wrong size, are beyond a budget of 40.
      expect(result.stdout.split("\n").filter((line) => line.startsWith("FAIL"))).toHaveLength(3);
      expect(result.stdout).toContain(
        "FAIL  missing prompt: status: expected 400 or 422 for an invalid request, received 200",
      );
    },
    processTimeout(1),
  );

  it(
    "lists what it would send with --dry-run, sends nothing, and exits 2 on bad flags",
    async () => {
      const before = mock.requests.length;
      const dry = await cli(["--base-url", mock.url, "--dry-run"]);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(/10 request\(s\), 3 image\(s\) if valid ones succeed; nothing sent/);
      expect(mock.requests.length).toBe(before);
      const bad = await cli(["--include", "everything"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("--include takes valid, invalid, auth, method, images");
    },
    processTimeout(2),
  );
});
