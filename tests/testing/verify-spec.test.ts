/**
 * `verifyServer({ spec, baseUrl })` for a spec that is not Sudo's: a pets spec of its own (path
 * parameter, query parameters, a POST body, a required response header, 4XX ranges), served by a
 * node:http server that routes and validates by the generated folder. The correct server passes
 * every check; each planted fault is caught, and nothing else.
 */
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRoute } from "../../src/runtime/find-route.js";
import { requestViolations } from "../../src/runtime/request-violations.js";
import { junitReport } from "../../src/testing/junit-report.js";
import { type MockServer, startMockServer } from "../../src/testing/mock-server.js";
import type { SpecFolder } from "../../src/testing/spec-folder.js";
import { describeCheck, plannedRequests, type VerifyCheck, verifyServer } from "../../src/testing/verify.js";
import { type GeneratedFolder, generatedFolder } from "../helpers/generated-folder.js";
import { type SeenRequest, sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";

type Fault =
  | "none"
  | "undocumented status"
  | "off-spec body"
  | "wrong content type"
  | "missing header"
  | "accepts bad query";

let folder: GeneratedFolder;
let spec: SpecFolder;
let server: TestServer;
let fault: Fault = "none";

const PET = { id: 7, name: "Rex", kind: "dog" };

/** An answer: status, JSON body and headers, or a text body with its own content type. */
type Reply = [status: number, body: unknown, headers?: Record<string, string>];

/** The pets server: routes by the spec, refuses what its validators refuse, answers as documented (but for `fault`). */
function answer(seen: SeenRequest, res: ServerResponse): void {
  const [status, body, headers = {}] = reply(seen);
  if (typeof body === "string") res.writeHead(status, { "content-type": "text/plain", ...headers }).end(body);
  else sendJson(res, status, body, headers);
}

function reply(seen: SeenRequest): Reply {
  const url = new URL(seen.url, "http://pets.test");
  const found = findRoute(spec.routes, seen.method, url.pathname);
  if (found === undefined) return [404, { message: "no such path" }];
  if ("refused" in found) return [400, { message: found.refused }];
  if (!("operationId" in found)) return [405, { message: "no such method" }, { allow: found.allowed.join(", ") }];
  // The fault: the query is never looked at (checked as if it were a valid one).
  const query = fault === "accepts bad query" ? new URLSearchParams("limit=1") : url.searchParams;
  const body = seen.body === "" ? undefined : JSON.parse(seen.body);
  const violations = requestViolations(spec, found.operationId, { params: found.params, query, body });
  if (violations.length > 0) return [400, { message: violations[0]?.expected }];
  if (found.operationId === "listPets") {
    if (fault === "wrong content type") return [200, "[]", { "x-total": "1" }];
    return [200, [PET], fault === "missing header" ? {} : { "x-total": "1" }];
  }
  if (found.operationId === "addPet") return [201, fault === "off-spec body" ? { ...PET, id: "seven" } : PET];
  return [fault === "undocumented status" ? 202 : 200, PET];
}

beforeAll(async () => {
  folder = await generatedFolder("tests/fixtures/verify/pets.yaml");
  spec = folder.module;
  server = await startTestServer(answer);
});
afterAll(async () => {
  await server.close();
  await folder.remove();
});

async function failures(planted: Fault): Promise<string[]> {
  fault = planted;
  const report = await verifyServer({ spec, baseUrl: server.url, budget: 1000 });
  expect(report.passed.length).toBeGreaterThan(0);
  return report.failed.map((check: VerifyCheck) => `${check.request} | ${check.check}`).sort();
}

describe("verifyServer with a spec", () => {
  it("plans every operation: path templates filled, the required query parameter set, the body's example first", () => {
    const planned = plannedRequests({ spec, budget: 1000 });
    const valid = planned.filter((request) => request.kind === "valid");
    expect(valid.map((request) => request.operationId)).toEqual(
      expect.arrayContaining(["listPets", "addPet", "getPet"]),
    );
    for (const request of valid.filter((each) => each.operationId === "listPets"))
      expect(request.query?.limit).toBeDefined();
    expect(valid.find((request) => request.operationId === "getPet")?.params).toEqual({ id: "1" });
    expect(valid.find((request) => request.operationId === "addPet")?.body).toEqual({
      name: "Rex",
      kind: "dog",
      age: 3,
    });
    expect(planned.map((request) => request.name)).not.toContain("listPets: query name of the wrong type");
    expect(plannedRequests({ spec, budget: 5 })).toHaveLength(5);
  });

  it("finds no failure on the correct server, and sends path templates filled and the query set", async () => {
    const before = server.requests.length;
    expect(await failures("none")).toEqual([]);
    const paths = server.requests.slice(before).map((seen) => seen.url);
    expect(paths).toEqual(expect.arrayContaining(["/pets/1", "/pets/twelve", "/pets?limit=1&kind=cat"]));
    expect(paths.filter((path) => path.includes("{"))).toEqual([]);
  });

  it.each([
    ["undocumented status", ["getPet: path required fields only | status documented"]],
    [
      "off-spec body",
      [
        "addPet: body age=0 | body",
        "addPet: body kind=dog | body",
        "addPet: body required fields only | body",
        "addPet: the spec's example 1 | body",
      ],
    ],
    [
      "wrong content type",
      [
        "listPets: query kind=cat | content type",
        "listPets: query kind=dog | content type",
        "listPets: query limit=100 | content type",
        "listPets: query required fields only | content type",
      ],
    ],
    [
      "missing header",
      [
        "listPets: query kind=cat | header",
        "listPets: query kind=dog | header",
        "listPets: query limit=100 | header",
        "listPets: query required fields only | header",
      ],
    ],
  ] as const)("catches a server with a planted fault: %s, and nothing else", async (planted, expected) => {
    expect(await failures(planted)).toEqual([...expected].sort());
  });

  it("catches a server that accepts invalid query parameters: each one a status failure", async () => {
    const failed = await failures("accepts bad query");
    expect(failed).toEqual(
      expect.arrayContaining([
        "listPets: query limit above maximum 100 | status",
        "listPets: query missing limit | status",
      ]),
    );
    expect(failed.every((line) => line.startsWith("listPets: query ") && line.endsWith(" | status"))).toBe(true);
  });

  it("writes the report as JUnit XML, one testcase per check, a failure for each failed one", async () => {
    fault = "undocumented status";
    const report = await verifyServer({ spec, baseUrl: server.url, budget: 1000 });
    const xml = junitReport(report);
    expect(xml.match(/<testcase /g)).toHaveLength(report.passed.length + report.failed.length);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain(
      'classname="getPet" name="getPet: path required fields only: status documented"><failure message="expected one of 200, 404, 4XX, received 202">',
    );
  });
});

describe("verifyServer on shapes of published specs, against the spec's own mock", () => {
  let shapes: GeneratedFolder;
  let mock: MockServer;
  beforeAll(async () => {
    shapes = await generatedFolder("tests/fixtures/verify/corpus-shapes.yaml");
    mock = await startMockServer({ spec: shapes.module });
  });
  afterAll(async () => {
    await mock.close();
    await shapes.remove();
  });

  it("holds an answer to the documented statuses only where the spec documents one of its kind", async () => {
    const report = await verifyServer({ spec: shapes.module, baseUrl: mock.url, budget: 1000 });
    expect(report.failed.map(describeCheck)).toEqual([]);
    // The webhook is a request the API sends: nothing is sent to it.
    expect(new Set(report.requests.map((request) => request.operationId))).toEqual(
      new Set(["addPet", "getPet", "search", "getItem", "authorize", "getPhoto", "optionsFileContent", "setBanner"]),
    );
    const checks = report.passed.map((check) => `${check.request} | ${check.check}`);
    // addPet documents a 200 and a 405: its 200 is held to them, its 400 for a missing name is not.
    expect(checks).toContain("addPet: body required fields only | status documented");
    expect(checks).toContain("addPet: body missing name | status");
    expect(checks).not.toContain("addPet: body missing name | status documented");
    // getPet documents no 2xx at all: its 200 is HTTP's to decide.
    expect(checks).toContain("getPet: path required fields only | status");
    expect(checks).not.toContain("getPet: path required fields only | status documented");
    // getItem documents a 404 and no 400: an id that is no integer names no item.
    expect(checks).toContain("getItem: path id of the wrong type | status documented");
    // authorize documents its 400 as an HTML page.
    expect(checks).toContain("authorize: query missing client_id | content type");
  });

  it("says a spec of webhooks alone has nothing to verify, rather than naming an empty list of operations", () => {
    const webhooksOnly = { ...shapes.module, routes: { newPet: { method: "post", responses: {} } } } as never;
    expect(() => plannedRequests({ spec: webhooksOnly })).toThrow(
      "the spec has no operation with a path, nothing a server answers (its webhooks, if any, are requests the API sends), and zero checks is never a pass",
    );
  });

  it("asks for JSON first but takes what the operation answers: a negotiating server sends its image", async () => {
    // As Prism does: 406 unless the Accept header takes the answer's media type.
    const negotiating = await startTestServer((seen, res) => {
      const takes = /\*\/\*|image\/png/.test(String(seen.headers.accept));
      res.writeHead(takes ? 200 : 406, { "content-type": takes ? "image/png" : "text/plain" }).end(takes ? "png" : "");
    });
    try {
      const report = await verifyServer({
        spec: shapes.module,
        baseUrl: negotiating.url,
        operations: ["getPhoto"],
        include: ["valid"],
      });
      expect(report.failed.map(describeCheck)).toEqual([]);
      // Sent with its required list of sizes.
      expect(report.passed.map((check) => check.request)).toContain("getPhoto: query required fields only");
    } finally {
      await negotiating.close();
    }
  });

  it("plans no body for a GET the spec gives one, and the mock reads none", async () => {
    const search = plannedRequests({ spec: shapes.module, operations: ["search"], budget: 1000 });
    expect(
      search.filter((request) => request.kind !== "method").map((request) => [request.name, request.body]),
    ).toEqual([["search: no parameters", undefined]]);
    const answer = await fetch(`${mock.url}/search`);
    expect(answer.status).toBe(200);
  });
});

describe("operations a server cannot tell apart", () => {
  // Box's shape: two operations on one method and path, told apart by a #fragment no request carries.
  const answer = (schema: object) => ({
    description: "ok",
    content: { "application/json": { schema: { type: "object", required: ["id"], properties: schema } } },
  });
  const SHARED = {
    openapi: "3.1.0",
    info: { title: "fragments", version: "1" },
    paths: {
      "/files/{id}": {
        get: {
          operationId: "getFile",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          responses: { "200": answer({ id: { type: "integer" }, name: { type: "string" } }) },
        },
      },
      "/files/{id}#thumbnail": {
        get: {
          operationId: "getThumbnail",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          responses: { "200": answer({ id: { type: "integer" }, pixels: { type: "array" } }) },
        },
      },
    },
  };

  it("checks the first, leaves the later one out (no answer could be held to both), and its mock passes", async () => {
    const folder = await generatedFolder(SHARED);
    const mock = await startMockServer({ spec: folder.module });
    try {
      const report = await verifyServer({ spec: folder.module, baseUrl: mock.url });
      expect(report.failed.map(describeCheck)).toEqual([]);
      expect(new Set(report.requests.map((request) => request.operationId))).toEqual(new Set(["getFile"]));
      // Named on purpose, it is still checked: the caller asked for it.
      expect(plannedRequests({ spec: folder.module, operations: ["getThumbnail"] }).length).toBeGreaterThan(0);
    } finally {
      await mock.close();
      await folder.remove();
    }
  });
});

describe("operations no key can be authorized for", () => {
  it("are left out unless named: basic and bearer at once cannot share one Authorization", async () => {
    const ok = { description: "ok", content: { "application/json": { schema: { type: "object" } } } };
    const folder = await generatedFolder({
      openapi: "3.1.0",
      info: { title: "clash", version: "1" },
      components: {
        securitySchemes: { basic: { type: "http", scheme: "basic" }, bearer: { type: "http", scheme: "bearer" } },
      },
      paths: {
        "/both": { post: { operationId: "both", security: [{ basic: [], bearer: [] }], responses: { "200": ok } } },
        "/open": { get: { operationId: "open", responses: { "200": ok } } },
      },
    });
    try {
      const planned = plannedRequests({ spec: folder.module });
      expect(new Set(planned.map((request) => request.operationId))).toEqual(new Set(["open"]));
    } finally {
      await folder.remove();
    }
  });
});
