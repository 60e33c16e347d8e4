import { imageSize } from "image-size";
import { ConfigurationError, SudoImagesError } from "../errors.js";
import { currentKey, insecureTarget, takesWholeHeader } from "../http/auth.js";
import { withBaseUrlHint } from "../http/base-url-hint.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../http/body-limit.js";
import { credentialsFor } from "../http/credentials.js";
import { exchange, globalFetch, type Received, type Wire } from "../http/exchange.js";
import { isJsonType } from "../http/response-body.js";
import { displayUrl } from "../http/secrets.js";
import { checkBaseUrl, checkChoice, checkTimeout, checkWhole } from "../http/settings.js";
import { oneLine } from "../http/shown-text.js";
import { withTimeout } from "../http/timeout.js";
import { detectImageType, IMAGE_HOSTS, type ImageHosts, imageBytes } from "../images.js";
import type { ImageData } from "../models.js";
import { templatePath } from "../runtime/find-route.js";
import { responseSchema, responseViolations } from "../runtime/responses.js";
import { credentialChecks, PROOF_KEY, planOperation, undeclaredMethods } from "./operation-plan.js";
import { isProven } from "./request-proof.js";
import { plannedUrl } from "./request-url.js";
import type { OperationRoute, SpecFolder } from "./spec-folder.js";
import { sudoSpec } from "./sudo-spec.js";
import { plannedCredentials } from "./verify-credentials.js";
import { type PlannedRequest, planRequests, withinBudget } from "./verify-plan.js";
import { formRoundTrip, sentBody } from "./wire-body.js";

export type { PlannedRequest } from "./verify-plan.js";

/**
 * What `verifyServer` checks: valid requests, invalid ones, requests with no key or a wrong one
 * (scheme by scheme), a method the path does not define, and the images that come back.
 */
export type VerifyPart = "valid" | "invalid" | "auth" | "method" | "images";

/** The Sudo images folder: what verify checks when no `spec` is given. */
const SUDO: SpecFolder = sudoSpec;

/** Options of `verifyServer`. */
export interface VerifyOptions {
  /**
   * The generated folder of the spec to verify against (`import * as spec from "./generated/index.js"`,
   * written with body schemas). @default this package's Sudo images spec
   */
  spec?: SpecFolder | undefined;
  /**
   * Sent where each operation's security schemes put it (`Authorization: Bearer`, a header, query
   * or cookie key, `Basic` of `user:password`); never printed. With a `spec`, only this option gives
   * one: no environment variable is read, so a Sudo key in the environment never goes to another
   * API's server. @default process.env.SUDO_API_KEY (without a `spec`)
   */
  apiKey?: string | undefined;
  /** The operations to verify, by operationId. @default every operation (of the Sudo spec: with a JSON request body) */
  operations?: readonly string[] | undefined;
  /**
   * The most requests to send. The default is cheap on a paid API: at most 3 of the 10 generate,
   * one image each; the rest are invalid requests a conforming server refuses before generating.
   * Every request the plan holds (each enum value, each boundary) takes about 35. With a `spec`, the
   * default is 100: that spec's server is not assumed to charge per request. @default 10
   */
  budget?: number | undefined;
  /** Requests in flight at once. @default 2 */
  concurrency?: number | undefined;
  /** Milliseconds one request (and one image download) may take. @default 120000 */
  timeoutMs?: number | undefined;
  /** Rotates which values go together in the valid requests; the same seed sends the same requests. @default 0 */
  seed?: number | undefined;
  /** What to check. @default ["valid", "invalid", "images"] */
  include?: readonly VerifyPart[] | undefined;
  /** Lets the key go over plain `http://` to a host that is not loopback, as the client's option does. @default false */
  allowInsecureHttp?: boolean | undefined;
  /** Which hosts image URLs may point at, as `imageBytes`'s option. @default "any" */
  imageHosts?: ImageHosts | undefined;
  /**
   * Stops the run: no request is sent after it aborts and those in flight are dropped; the report
   * holds the checks made by then and says `interrupted` (never a pass).
   */
  signal?: AbortSignal | undefined;
}

/** `verifyServer`'s one-object form: the options and the server's base URL. */
export interface VerifyServerOptions extends VerifyOptions {
  /** The server's base URL, such as `http://127.0.0.1:8080`; the operations' paths are appended to it. */
  baseUrl: string;
}

/** One check on one answer. */
export interface VerifyCheck {
  /** The planned request, such as `size=1792x1024` or `missing prompt`. */
  request: string;
  /** The operation it was sent to. */
  operationId?: string | undefined;
  /** What was checked: `status`, `header`, `content type`, `body`, `image count`, `image format`, `image size`, `image url`. */
  check: string;
  /** What the spec wants. */
  expected: string;
  /** What the server did. */
  received: string;
  /** Where in the body, for body checks (a JSON pointer). */
  pointer?: string | undefined;
}

/** What `verifyServer` found: every check that passed and every one that failed. */
export interface VerifyReport {
  passed: VerifyCheck[];
  failed: VerifyCheck[];
  /** The requests planned, in plan order (all sent, unless `interrupted`). */
  requests: PlannedRequest[];
  /** Why the run stopped before its plan was done (the `signal`'s reason, as text); absent when it ran whole. */
  interrupted?: string;
}

/** Every part, in the order the CLI lists them. */
export const VERIFY_PARTS: readonly VerifyPart[] = ["valid", "invalid", "auth", "method", "images"];
const ALL_PARTS = VERIFY_PARTS;
/** What each kind of request must get back. */
const EXPECTED: Record<PlannedRequest["kind"], { statuses: (status: number) => boolean; text: string }> = {
  valid: { statuses: (status) => status >= 200 && status < 300, text: "2xx for a valid request" },
  invalid: { statuses: (status) => status === 400 || status === 422, text: "400 or 422 for an invalid request" },
  auth: {
    statuses: (status) => status === 401 || status === 403,
    text: "401 or 403 for a request the key does not allow",
  },
  method: {
    statuses: (status) => status === 404 || status === 405,
    text: "405 (or 404) for a method the path does not define",
  },
};

/**
 * The requests `verifyServer` would send with these options, without sending anything (the CLI's
 * `--dry-run`). Options that plan nothing (an empty `include`, a `budget` of 0, an operation the spec
 * does not have) are a `ConfigurationError` naming the option: zero checks is never a pass.
 */
export function plannedRequests(options: VerifyOptions = {}): PlannedRequest[] {
  const spec = options.spec ?? SUDO;
  const include = checkedParts(options.include);
  const operations = checkedOperations(spec, options.operations);
  if (options.operations === undefined && operations.length === 0)
    throw new ConfigurationError(`${NO_PATHS}${NEVER_A_PASS}`);
  const seed = checkWhole(options.seed ?? 0, "seed", 0);
  const budget = checkWhole(options.budget ?? (options.spec ? 100 : 10), "budget", 0);
  const planned = (options.spec ? planOf(spec, operations, seed) : sudoPlan(operations, seed)).filter((request) =>
    isProven(spec, request, options.spec !== undefined),
  );
  if (planned.length === 0)
    throw nothingPlanned(
      "the operations option",
      `(${operations.join(", ")})`,
      options.spec ? NOTHING_PROVEN : NO_BODY,
    );
  const wanted = planned.filter((request) => include.includes(request.kind));
  if (wanted.length === 0)
    throw nothingPlanned("the include option", `(${include.join(", ")})`, includeAdvice(include));
  if (budget === 0) throw new ConfigurationError(`the budget option is 0: nothing would be sent${NEVER_A_PASS}`);
  return withinBudget(wanted, budget);
}

const NEVER_A_PASS = ", and zero checks is never a pass";
const BODILESS_STATUSES = [204, 205, 304];
const NO_PATHS =
  "the spec has no operation with a path, nothing a server answers (its webhooks, if any, are requests the API sends)";
const NO_BODY = "none has a JSON request body to send";
const NOTHING_PROVEN = "no request could be made that the spec's validators take";

/** The Sudo images plan: each operation's JSON body varied, with the key and method checks. */
function sudoPlan(operations: readonly string[], seed: number): PlannedRequest[] {
  return operations.flatMap((id) => {
    const request = (SUDO.routes[id] as { request?: string }).request;
    const schema = request === undefined ? undefined : SUDO.bodySchemas[request];
    return request === undefined || schema === undefined
      ? []
      : planRequests(id, schema, seed, SUDO.validators[request]);
  });
}

/**
 * Any spec's plan: each operation's parameters and body varied, then each secured operation's
 * credentials taken away and got wrong, scheme by scheme, then an undeclared method on each path.
 */
function planOf(spec: SpecFolder, operations: readonly string[], seed: number): PlannedRequest[] {
  const planned = operations.flatMap((id) => planOperation(spec, id, seed)).map((request) => asSent(spec, request));
  const proven = planned.filter((request) => isProven(spec, request));
  return [...planned, ...credentialChecks(spec, proven), ...undeclaredMethods(spec, proven)];
}

/** A planned request with a form body as the server reads it back (`formRoundTrip`), so the proof judges what is sent. */
function asSent(spec: SpecFolder, request: PlannedRequest): PlannedRequest {
  const route = spec.routes[request.operationId] as OperationRoute;
  const schema = route.request === undefined ? undefined : spec.bodySchemas[route.request];
  return schema === undefined ? request : { ...request, body: formRoundTrip(route, schema, request.body) };
}

/** Why options planned no request, as one `ConfigurationError` naming the option. */
function nothingPlanned(option: string, value: string, why: string): ConfigurationError {
  return new ConfigurationError(`${option} ${value} plans no request: ${why}${NEVER_A_PASS}`);
}

function includeAdvice(include: readonly VerifyPart[]): string {
  if (include.includes("images")) return "images are checked on the answers to valid requests, so include valid too";
  if (include.includes("auth")) return "no operation asks for a credential a key can stand for";
  return "it names no kind of request";
}

/** `include` as given (every part known), or every part. */
function checkedParts(include: readonly VerifyPart[] | undefined): readonly VerifyPart[] {
  if (include === undefined) return ALL_PARTS;
  const unknown = Array.isArray(include) ? include.filter((part) => !ALL_PARTS.includes(part)) : [include];
  if (unknown.length === 0) return include;
  throw new ConfigurationError(
    `the include option takes ${ALL_PARTS.join(", ")}; not ${unknown.map(shownName).join(", ")}`,
  );
}

/** `operations` as given, each one an operationId of the spec with a path (never a webhook, nor a name inherited from `Object`), or all. */
function checkedOperations(spec: SpecFolder, operations: readonly string[] | undefined): readonly string[] {
  const { routes } = spec;
  // A 3.1 webhook is a request the API sends, not one it serves: it has no path to send to.
  const known = Object.keys(routes).filter((id) => typeof routes[id]?.path === "string");
  if (operations === undefined) return distinguishable(spec, known);
  const unknown = Array.isArray(operations) ? operations.filter((id) => !known.includes(id)) : [operations];
  if (unknown.length === 0) return operations;
  throw new ConfigurationError(
    `the operations option names no operation of the spec: ${unknown.map(shownName).join(", ")} (it has ${known.join(", ")})`,
  );
}

/**
 * The operations verify can check: those a key can be authorized for (`keyCanMeet`), and of those
 * the ones a server can tell apart: one that shares its method and path with an earlier one
 * (a `#fragment` is not sent: Box's `/files/{id}#get_content`, the upstream Sudo spec's
 * `/v1/responses#stream`) gets the same requests, and no answer could be held to both; it is left
 * out, and a summary of the run says how many operations it checked.
 */
function distinguishable(spec: SpecFolder, operationIds: readonly string[]): string[] {
  const seen = new Set<string>();
  return operationIds.filter((id) => {
    const route = spec.routes[id] as OperationRoute;
    if (!keyCanMeet(spec, route)) return false;
    const sent = `${route.method.toUpperCase()} ${templatePath(route.path ?? "")}`;
    if (seen.has(sent)) return false;
    seen.add(sent);
    return true;
  });
}

/**
 * Whether one key can meet the operation's security: an open operation, or one with an
 * alternative whose schemes each carry a key in a place of their own (`credentialsFor`). One that
 * asks for basic and bearer at once (both `Authorization`), or for mutual TLS alone, is left out
 * unless named: no request verify can send would be authorized.
 */
function keyCanMeet(spec: SpecFolder, route: OperationRoute): boolean {
  const schemes = spec.securitySchemes ?? {};
  // A scheme the folder does not describe has nothing to check it by (the mock counts it as carried).
  const described = (route.security ?? []).map((names) => names.filter((name) => Object.hasOwn(schemes, name)));
  return credentialsFor(schemes, described, PROOF_KEY) !== undefined || described.some((names) => names.length === 0);
}

/** A name the caller gave, quoted and escaped (JSON), and cut short. */
function shownName(name: unknown): string {
  return JSON.stringify(String(name).slice(0, 60));
}

/**
 * Checks that the server at `baseUrl` honours this package's spec: sends a deterministic set of
 * requests generated from it (valid ones covering the request fields' values and bounds, invalid
 * ones the spec says must be refused) and checks each answer: a status the spec documents, 2xx
 * only for valid requests and 4xx for invalid ones, a JSON content type, the body against the
 * schema of its status, and the images (as many as asked, of the asked format and size, `url`s
 * fetchable without the key). Resolves to a report; never throws for what the server does.
 *
 * @example
 * const report = await verifyServer("http://127.0.0.1:8080/api", { apiKey: "test" });
 * expect(report.failed).toEqual([]);
 */
export async function verifyServer(
  baseUrlOrOptions: string | VerifyServerOptions,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  if (typeof baseUrlOrOptions !== "string") {
    const { baseUrl, ...rest } = baseUrlOrOptions;
    return verifyServer(baseUrl, rest);
  }
  const baseUrl = baseUrlOrOptions;
  const run = verifyRun(baseUrl, options);
  const requests = plannedRequests(options);
  const report: VerifyReport = { passed: [], failed: [], requests };
  let next = 0;
  let keyRefused = false;
  const worker = async () => {
    for (let index = next++; index < requests.length && !run.signal?.aborted; index = next++) {
      const results = await verifyOne(run, requests[index] as PlannedRequest).catch((error: unknown) => {
        // A request cut off by the caller's stop checked nothing: it is left out, not failed.
        if (run.signal?.aborted) return [];
        throw error;
      });
      // A refused key makes every later answer a 401: it is said once, and nothing of those counts.
      if (results[0]?.keyRefused && keyRefused) continue;
      keyRefused ||= results[0]?.keyRefused === true;
      for (const result of results) (result.ok ? report.passed : report.failed).push(result.check);
    }
  };
  await Promise.all(Array.from({ length: Math.min(run.concurrency, Math.max(1, requests.length)) }, worker));
  if (run.signal?.aborted) report.interrupted = reasonText(run.signal.reason);
  return report;
}

/** An abort reason as one line of text. */
function reasonText(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

/** A `verifyServer` run's options, checked by the client's rules before anything is sent. */
interface Run {
  spec: SpecFolder;
  root: string;
  key: string | undefined;
  /** Where a key could have come from, for the line that says none was given. */
  keyOrigin: string;
  wire: Wire;
  timeoutMs: number;
  concurrency: number;
  checkImages: boolean;
  imageHosts: ImageHosts;
  signal: AbortSignal | undefined;
}

/**
 * The options checked as the client checks its own, and the key by the client's rules: never over
 * plain http to a host that is not loopback, never with a line break. A `ConfigurationError` here is
 * the caller's mistake, thrown before anything is sent.
 */
function verifyRun(baseUrl: string, options: VerifyOptions): Run {
  const root = checkBaseUrl(baseUrl, "baseUrl");
  const key = currentKey({
    apiKey: options.apiKey,
    envName: options.spec === undefined ? "SUDO_API_KEY" : undefined,
    creator: "verifyServer()",
    required: false,
    wholeHeader: takesWholeHeader((options.spec ?? SUDO).securitySchemes ?? {}),
    insecureTarget: insecureTarget(root, options.allowInsecureHttp ?? false),
  });
  return {
    spec: options.spec ?? SUDO,
    root,
    key,
    keyOrigin: options.spec === undefined ? "apiKey, or SUDO_API_KEY" : "apiKey",
    wire: { fetch: globalFetch, maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES, log: undefined },
    timeoutMs: checkTimeout(options.timeoutMs ?? 120_000, "timeoutMs"),
    concurrency: checkWhole(options.concurrency ?? 2, "the concurrency option", 1),
    // Images are the Sudo spec's answers; another spec's valid answers are checked by their schemas alone.
    checkImages: options.spec === undefined && (options.include ?? ALL_PARTS).includes("images"),
    imageHosts: checkChoice(options.imageHosts ?? "any", "imageHosts", IMAGE_HOSTS),
    signal: options.signal,
  };
}

/**
 * `verifyServer` for a test: resolves when every check passes, else rejects with one `Error` that
 * lists each failure on a line of its own.
 *
 * @example
 * await expectServerMatchesSpec(mock.url);
 */
export async function expectServerMatchesSpec(baseUrl: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const report = await verifyServer(baseUrl, options);
  if (report.interrupted !== undefined) {
    throw new Error(`${displayUrl(baseUrl)}: verify was interrupted (${report.interrupted}): not a pass`);
  }
  if (report.failed.length > 0) {
    const lines = report.failed.map((failure) => `- ${describeCheck(failure)}`);
    throw new Error(
      `${displayUrl(baseUrl)} does not match the spec in ${report.failed.length} check(s):\n${lines.join("\n")}`,
    );
  }
  return report;
}

/** One check as a line: `request: check: expected …, received … (at /pointer)`. */
export function describeCheck(check: VerifyCheck): string {
  const where = check.pointer === undefined ? "" : ` at ${check.pointer || "(body)"}`;
  return `${check.request}: ${check.check}${where}: expected ${check.expected}, received ${check.received}`;
}

/**
 * Why a wrong key may have passed: most often the server is a mock that holds no key (a
 * `sudo-images mock` started without `--api-key`), not a server that skips its check.
 */
const TOOK_WRONG_KEY =
  "a wrong key was taken: a mock that holds no key (sudo-images mock without --api-key, Prism) takes any";

function tookWrongKey(planned: PlannedRequest, status: number): boolean {
  return planned.key === "wrong" && status >= 200 && status < 300;
}

interface Result {
  ok: boolean;
  check: VerifyCheck;
  /** The server answered 401 to a request with the run's key. */
  keyRefused?: boolean;
}

async function verifyOne(run: Run, planned: PlannedRequest): Promise<Result[]> {
  const route = run.spec.routes[planned.operationId] as OperationRoute;
  const answer = await ask(run, route, planned);
  if (typeof answer === "string") {
    return resultsOf(planned, [finding("status", false, "an answer", `no usable answer: ${answer}`)]);
  }
  const { response, text } = answer;
  const status = response.status;
  if (status === 401 && (planned.kind === "valid" || planned.kind === "invalid")) {
    const received = `401: the server refused the key${run.key === undefined ? ` (none was given: ${run.keyOrigin})` : ""}`;
    return [
      {
        ok: false,
        keyRefused: true,
        check: {
          request: planned.name,
          operationId: planned.operationId,
          check: "key",
          expected: "the key accepted",
          received,
        },
      },
    ];
  }
  const found: Finding[] = [];
  const expected = expectedStatus(route, planned);
  // The /v1 hint knows Sudo's paths (each starts with /v1); another spec's 404 says nothing of them.
  const shown = tookWrongKey(planned, status)
    ? TOOK_WRONG_KEY
    : run.spec === SUDO
      ? withBaseUrlHint(undefined, status, run.root)
      : undefined;
  found.push(finding("status", expected.statuses(status), expected.text, `${status}${shown ? ` (${shown})` : ""}`));
  // A method the path does not define has no documented answer to hold the rest to.
  if (planned.kind === "method") return resultsOf(planned, found);
  const documented = run.spec.answers?.[planned.operationId] ?? route.responses;
  // A spec with no answer of the kind this request must get (only a 405 for invalid input, no 2xx
  // at all) leaves that status to HTTP: no answer could be both right and documented.
  if (!documentsAny(documented, expected.statuses)) return resultsOf(planned, found);
  const isDocumented = responseSchema<unknown>(documented, status) !== undefined;
  // A refused credential is held to the documented statuses only where the operation documents its refusals.
  if (planned.kind !== "auth" || Object.keys(documented).some(isErrorStatus))
    found.push(
      finding("status documented", isDocumented, `one of ${Object.keys(documented).join(", ")}`, String(status)),
    );
  for (const name of responseSchema(route.headers ?? {}, status) ?? []) {
    const present = response.headers.has(name);
    found.push(finding("header", present, `${name}, which the spec documents`, present ? "present" : "none"));
  }
  // HTTP gives a 204, 205 or 304 no body, whatever the spec says its content is (Jira documents JSON).
  if (BODILESS_STATUSES.includes(status)) return resultsOf(planned, found);
  const type = response.headers.get("content-type") ?? "";
  const wanted = isDocumented ? documentedType(run.spec, route, planned.operationId, status) : "application/json";
  const json = isJsonType(type);
  if (wanted !== undefined) found.push(finding("content type", sameMediaType(wanted, type), wanted, type || "none"));
  if (!json || responseSchema(route.responses, status) === undefined) return resultsOf(planned, found);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    found.push(finding("body", false, "JSON", `text that does not parse (${(error as Error).message})`));
    return resultsOf(planned, found);
  }
  const problems = responseViolations(planned.operationId, route.responses, status, body, run.spec.validators);
  for (const problem of problems)
    found.push(finding("body", false, problem.expected, problem.received, problem.pointer));
  if (problems.length === 0) found.push(finding("body", true, "the schema of this status", "a body that matches"));
  if (run.checkImages && planned.kind === "valid" && status < 300 && problems.length === 0) {
    found.push(...(await checkImagesOf(run, planned, body as { data: ImageData[]; output_format?: string })));
  }
  return resultsOf(planned, found);
}

/**
 * Sends one planned request through the exchange every door uses, under the run's timeout: the
 * answer, or what went wrong (already one line, scrubbed of the key) when there is no usable one.
 */
async function ask(run: Run, route: OperationRoute, planned: PlannedRequest): Promise<Received | string> {
  const method = planned.method ?? route.method.toUpperCase();
  const credentials = plannedCredentials(run.spec, planned, run.key);
  // Only operations with a path are planned (`checkedOperations`): a webhook is never asked.
  const template = route.path ?? "";
  const url = plannedUrl(run.root, template, {
    params: planned.params,
    query: { ...planned.query, ...credentials.query },
  });
  // JSON first, anything else the operation answers too: a server that negotiates (Prism) answers an
  // image operation with its image, not a 406.
  const accept = "application/json, */*;q=0.8";
  const headers: Record<string, string> = { accept, ...planned.headers, ...credentials.headers };
  const cookies = Object.entries(credentials.cookies).map(([name, value]) => `${name}=${value}`);
  if (cookies.length > 0) headers.cookie = cookies.join("; ");
  const sent = sentBody(route, planned.body);
  if (sent.type !== undefined) headers["content-type"] = sent.type;
  // A key in the query is never shown: the URL messages name has it redacted.
  const hidden = Object.fromEntries(Object.keys(credentials.query).map((name) => [name, "[redacted]"]));
  const shownUrl = displayUrl(
    plannedUrl(run.root, template, { params: planned.params, query: { ...planned.query, ...hidden } }),
  );
  // A form goes as a Request that fetch encodes (multipart's boundary is its own).
  const outgoing =
    typeof sent.body === "string" || sent.body === undefined
      ? { method, input: url, shownUrl, headers, body: sent.body, key: run.key }
      : { method, input: new Request(url, { method, headers, body: sent.body }), shownUrl, key: run.key };
  try {
    return await withTimeout(
      (signal) => exchange(run.wire, outgoing, signal),
      run.timeoutMs,
      run.signal,
      () => `${method} ${shownUrl}`,
    );
  } catch (error) {
    if (error instanceof SudoImagesError && !run.signal?.aborted) return error.message;
    throw error;
  }
}

/** Whether a documented status (`401`, `4XX`, `default`) stands for an error answer. */
function isErrorStatus(status: string): boolean {
  return status === "default" || /^[45]/.test(status);
}

/**
 * The statuses a planned request must get back. A valid request to a path with parameters may
 * also get a 404 the spec documents (the id it names may not exist), and a request whose path
 * parameter is invalid may get a 404 (no resource has such a name): both are how servers answer.
 */
function expectedStatus(route: OperationRoute, planned: PlannedRequest): (typeof EXPECTED)[PlannedRequest["kind"]] {
  const expected = EXPECTED[planned.kind];
  const notFound =
    (planned.kind === "valid" && route.parameters?.path !== undefined && route.responses["404"] !== undefined) ||
    (planned.kind === "invalid" && planned.breaks?.startsWith("/path/") === true);
  if (!notFound) return expected;
  return { statuses: (status) => expected.statuses(status) || status === 404, text: `${expected.text} (or 404)` };
}

/** Whether any status the spec documents (an exact code, a range such as `4XX`, or `default`) is one of `statuses`. */
function documentsAny(documented: Readonly<Record<string, unknown>>, statuses: (status: number) => boolean): boolean {
  return Object.keys(documented).some((key) => {
    if (key === "default") return true;
    const range = /^([1-5])XX$/i.exec(key);
    if (range === null) return statuses(Number(key));
    return Array.from({ length: 100 }, (_, index) => Number(range[1]) * 100 + index).some(statuses);
  });
}

/**
 * The media type the spec documents for this answer: the documented one (`answers`), else JSON
 * when the status has a body schema; `undefined` when the spec names none (then any is taken).
 */
function documentedType(
  spec: SpecFolder,
  route: OperationRoute,
  operationId: string,
  status: number,
): string | undefined {
  const answers = spec.answers?.[operationId];
  if (answers !== undefined) return responseSchema(answers, status)?.type;
  return responseSchema(route.responses, status) === undefined ? undefined : "application/json";
}

/** Whether a `content-type` header is the documented media type (any JSON for a JSON one; `image/*` any image). */
function sameMediaType(wanted: string, received: string): boolean {
  if (isJsonType(wanted)) return isJsonType(received);
  const essence = received.split(";")[0]?.trim().toLowerCase() ?? "";
  const want = wanted.toLowerCase();
  return want.endsWith("/*") ? essence.startsWith(want.slice(0, -1)) : essence === want;
}

/** One check on one answer, before it is named by its request. */
interface Finding {
  check: string;
  ok: boolean;
  expected: string;
  received: string;
  pointer?: string | undefined;
}

function finding(check: string, ok: boolean, expected: string, received: string, pointer?: string): Finding {
  return { check, ok, expected, received, pointer };
}

/** The findings on one planned request as results; every text a server sent is made one terminal-safe line. */
function resultsOf(planned: PlannedRequest, findings: readonly Finding[]): Result[] {
  return findings.map(({ check, ok, expected, received, pointer }) => ({
    ok,
    check: {
      request: planned.name,
      operationId: planned.operationId,
      check,
      expected,
      received: oneLine(received, 300) ?? "",
      ...(pointer === undefined ? {} : { pointer }),
    },
  }));
}

/**
 * Checks the images of one answer: as many as asked, each of the asked format and size. At most
 * as many as asked are downloaded, all under one deadline (`timeoutMs`), however many the server lists.
 */
async function checkImagesOf(
  run: Run,
  planned: PlannedRequest,
  body: { data: ImageData[]; output_format?: string },
): Promise<Finding[]> {
  const found: Finding[] = [];
  const request = planned.body as { n?: number; size?: string; output_format?: string };
  const asked = request.n ?? 1;
  const count = body.data.length;
  found.push(finding("image count", count === asked, `${asked} image(s)`, `${count}`, "/data"));
  const format = body.output_format ?? request.output_format;
  const size = request.size && /^\d+x\d+$/.test(request.size) ? request.size : undefined;
  const signal = run.signal
    ? AbortSignal.any([run.signal, AbortSignal.timeout(run.timeoutMs)])
    : AbortSignal.timeout(run.timeoutMs);
  for (const [index, item] of body.data.slice(0, asked).entries()) {
    const pointer = `/data/${index}`;
    let bytes: Uint8Array;
    try {
      bytes = await imageBytes(item, { timeoutMs: run.timeoutMs, signal, imageHosts: run.imageHosts });
    } catch (error) {
      if (run.signal?.aborted) throw error;
      found.push(
        finding(item.b64_json ? "image data" : "image url", false, "an image", (error as Error).message, pointer),
      );
      continue;
    }
    const { extension, mediaType } = detectImageType(bytes);
    const isImage = mediaType.startsWith("image/");
    found.push(
      finding(
        "image format",
        isImage && (format === undefined || sameFormat(format, extension)),
        format ? `a ${format} image` : "an image",
        isImage ? extension : "bytes that are no image",
        pointer,
      ),
    );
    if (size !== undefined && isImage) {
      const measured = measuredSize(bytes);
      found.push(finding("image size", measured === size, size, measured ?? "unreadable", pointer));
    }
  }
  return found;
}

function sameFormat(format: string, extension: string): boolean {
  const normalized = format.toLowerCase() === "jpeg" ? "jpg" : format.toLowerCase();
  return normalized === extension;
}

function measuredSize(bytes: Uint8Array): string | undefined {
  try {
    const { width, height } = imageSize(bytes);
    return `${width}x${height}`;
  } catch {
    return undefined;
  }
}
