import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { withoutCredentials } from "../http/secrets.js";
import { checkTimeout } from "../http/settings.js";
import { whenAborted } from "../http/signals.js";
import { findRoute } from "../runtime/find-route.js";
import { validateWith } from "../runtime/index.js";
import { requestViolations } from "../runtime/request-violations.js";
import { describeViolations } from "../runtime/validation.js";
import { carriedParts, credentialRefusal, operationCredential } from "./mock-credentials.js";
import {
  type BodyScenario,
  errorReply,
  type MockRefusal,
  type MockReply,
  operationAnswer,
  refusalStatus,
  replyText,
  withRequiredHeaders,
} from "./mock-reply.js";
import { sentBodySchema } from "./request-body.js";
import type { SpecFolder } from "./spec-folder.js";
import { type ReadBody, readRequestBody } from "./wire-body.js";

export type { MockRefusal, MockReply } from "./mock-reply.js";

/**
 * How the mock answers a valid, authorized request:
 * - `"normal"`: every field set (for Sudo's images, with `created`, `usage`, `revised_prompt`, ...);
 * - `"nulls"`: every nullable field `null` (an image still carries its image);
 * - `"minimal"`: only the required fields;
 * - `{ status, message?, type? }`: that status with an error body.
 */
export type MockScenario = BodyScenario | { status: number; message?: string | undefined; type?: string | undefined };

/** A request the mock received, as a plugin sees it. */
export interface MockCall {
  /** The operation it takes, by `operationId`. */
  operationId: string;
  /** The path parameters, decoded, by name. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  /**
   * The body, valid against the spec when the operation has a schema for it: JSON parsed, a form
   * (form-encoded or multipart) as the object its schema describes (a file part a `Blob`), `text/*`
   * as text, another declared media type as a `Buffer`; else the raw text.
   */
  body: unknown;
  seed: number;
  scenario: BodyScenario;
  /** The mock's root URL, for links in an answer (`http://127.0.0.1:53122`). */
  url: string;
  /**
   * Aborts when the client has gone before the answer was sent (it hung up) or the mock is
   * closing: work nobody will receive, such as drawing images, can stop.
   */
  signal: AbortSignal;
}

/** Answers one operation's valid requests in place of the spec's examples or generated bodies. */
export type MockPlugin = (call: MockCall) => MockReply | Promise<MockReply>;

/** The key the CLI's `--mock` runs use: long enough to be scrubbed like a real one, and no word. */
export const MOCK_KEY = "sk-sudo-images-local-mock";

/** Options of `startMockServer`. */
export interface MockServerOptions {
  /**
   * The generated folder to serve (`import * as spec from "./generated/index.js"`, written with
   * `--body-schemas`). @default the Sudo images API, its generation drawing real images
   */
  spec?: SpecFolder | undefined;
  /** Answers an operation (by `operationId`) with a function of yours instead of the spec's examples. */
  plugins?: Readonly<Record<string, MockPlugin>> | undefined;
  /**
   * The spec example to answer with, by name: one name for every operation that has it, or a
   * name per `operationId`. @default each answer's first example, else a generated body
   */
  examples?: string | Readonly<Record<string, string>> | undefined;
  /**
   * The only key accepted, wherever each operation's security schemes put it (a bearer token, a
   * header, query or cookie key, basic's `user:password`); any non-empty credential in those
   * places is accepted when unset. Open operations take none.
   */
  apiKey?: string | undefined;
  /** Changes every generated body and image while keeping them deterministic. @default 0 */
  seed?: number | undefined;
  /** @default "normal" */
  scenario?: MockScenario | undefined;
  /** Milliseconds to wait before answering a valid request. @default 0 */
  delayMs?: number | undefined;
  /** The port to listen on. @default 0, any free port */
  port?: number | undefined;
  /** Milliseconds a request may take to arrive, body included; a slower one gets a 408 and is cut off. @default 30000 */
  requestTimeoutMs?: number | undefined;
}

/** A request the mock received. */
export interface MockRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /**
   * The parsed JSON body, or the raw text when it did not parse; `undefined` for a body over 64 KiB,
   * which is not kept (a long-running mock stays bounded).
   */
  body: unknown;
  /** The body's size in bytes, kept or not. */
  bytes: number;
}

/** A running mock server. */
export interface MockServer {
  /** The API root to give the client as `baseUrl`, such as `http://127.0.0.1:53122`. */
  url: string;
  /** The requests to the spec's operations, in order of arrival: the latest 500. */
  requests: MockRequest[];
  /** Changes how later requests are answered. */
  setScenario(scenario: MockScenario, options?: { delayMs?: number }): void;
  /** Stops the server and drops its connections. */
  close(): Promise<void>;
}

/**
 * What sets one API's mock apart from the generic one (Sudo's: its error body, a bearer key on
 * every call, the images it serves at paths of its own): not public; a spec's mock uses `genericApi`.
 */
export interface MockApi {
  readonly spec: SpecFolder;
  readonly plugins: Readonly<Record<string, MockPlugin>>;
  /** How this API refuses a credential (Sudo: always a 401, as OpenAI's does); else as the spec documents. */
  credentialRefusal?(check: "missing" | "wrong"): MockRefusal;
  /** The body of an error answer. */
  errorBody(refusal: MockRefusal, operationId: string | undefined): MockReply;
  /** A refusal decided before the spec is asked (Sudo: a shut-down model is a 404 whatever the body). */
  refuseFirst?(operationId: string, body: unknown): MockRefusal | undefined;
  /** An answer to a path outside the spec (Sudo: the images it serves), or `undefined`. */
  outsideSpec?(method: string, path: string): MockReply | undefined;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** How many requests `requests` keeps (the oldest go first). */
const REQUESTS_KEPT = 500;
/** The largest body `requests` keeps; a larger one is logged by its size alone. */
const BODY_KEPT_BYTES = 64 * 1024;
/** How long one request may take to arrive: a body trickled byte by byte is cut off. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Starts a spec-driven API on 127.0.0.1 and an ephemeral port, for tests. It routes each request
 * by the spec's paths and methods (an unknown path is a 404, a method the path does not declare a
 * 405 with `Allow`), checks its credentials as the operation's security schemes place them, validates the body against the spec (a 400 names each
 * violation in the client's words), and answers with the spec's example or a body generated from
 * its schema that its validator accepts, the same for the same seed. Without `spec` it is the Sudo
 * images API, whose generation draws real PNGs of the requested size, as base64 or as URLs it
 * serves itself, the same bytes for the same prompt and seed.
 *
 * @example
 * const mock = await startMockServer();
 * const client = createImagesClient({ apiKey: "test", baseUrl: mock.url });
 * const { data } = await client.generate({ prompt: "a red fox", model: "gpt-image-1" });
 * await mock.close();
 *
 * @example
 * import * as spec from "./generated/index.js";
 * const mock = await startMockServer({ spec, seed: 1, examples: "cat" });
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const api = options.spec
    ? genericApi(options.spec, options.plugins)
    : // Loaded only for Sudo's own mock: a spec's mock never pays for the image encoders.
      (await import("./sudo-mock.js")).sudoApi(options.plugins);
  const closing = new AbortController();
  const state: MockState = {
    api,
    options,
    requests: [],
    scenario: options.scenario ?? "normal",
    delayMs: options.delayMs ?? 0,
    url: "",
    answered: 0,
    closing: closing.signal,
  };
  const requestTimeout = checkTimeout(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, "requestTimeoutMs");
  // Node looks for late requests every connectionsCheckingInterval: often enough for the limit to hold.
  const limits =
    requestTimeout === Number.POSITIVE_INFINITY
      ? { requestTimeout: 0 }
      : { requestTimeout, connectionsCheckingInterval: Math.min(1000, requestTimeout) };
  const server = createServer(limits, (req, res) => {
    answer(state, req, res).catch((error: unknown) => {
      const failure = { status: 500, message: `mock server failure: ${String(error)}`, type: "server_error" };
      if (!res.headersSent) send(res, api.errorBody(failure, undefined));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    // A port taken is an error to the caller, not an unhandled 'error' event.
    server.once("error", reject).listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: state.url,
    requests: state.requests,
    setScenario(next, more = {}) {
      state.scenario = next;
      state.delayMs = more.delayMs ?? state.delayMs;
    },
    close: () =>
      new Promise((resolve, reject) => {
        // At once, not when each socket's close event comes: a drawing loop may take its next turn first.
        closing.abort();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The mock of any spec: its errors in the spec's own error bodies, a key checked only when one is set. */
function genericApi(spec: SpecFolder, plugins: Readonly<Record<string, MockPlugin>> = {}): MockApi {
  return {
    spec,
    plugins,
    errorBody: (refusal, operationId) => errorReply(spec, operationId, refusal),
  };
}

/** Everything a running mock knows: its API, its options, what it received, and how it answers now. */
interface MockState {
  readonly api: MockApi;
  readonly options: MockServerOptions;
  readonly requests: MockRequest[];
  scenario: MockScenario;
  delayMs: number;
  url: string;
  answered: number;
  /** Aborts when `close` is called: every call still being answered stops (`MockCall.signal`). */
  closing: AbortSignal;
}

async function answer(state: MockState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.setHeader("access-control-allow-origin", "*");
  // Every answer, errors included, has an id, as real APIs' do: requestId paths can be tested.
  res.setHeader("x-request-id", `req_mock_${++state.answered}`);
  const method = req.method ?? "GET";
  const { pathname, query } = target(req.url ?? "/");
  const found = findRoute(state.api.spec.routes, method, pathname);
  // A CORS preflight, unless the spec declares OPTIONS on that path itself (Box's files content does).
  if (method === "OPTIONS" && (found === undefined || !("operationId" in found))) return preflight(res);
  const outside = state.api.outsideSpec?.(method, pathname);
  if (outside) return send(res, outside);
  const refuse = (refusal: MockRefusal, operationId?: string) => send(res, state.api.errorBody(refusal, operationId));
  // The path as the client sent it is spec-free text: shown JSON-quoted and cut short.
  const shown = JSON.stringify(pathname.length > 200 ? `${pathname.slice(0, 200)}…` : pathname);
  if (found === undefined)
    return refuse({ status: 404, message: `No route for ${method} ${shown}`, type: "not_found" });
  if ("refused" in found) {
    return refuse({ status: 400, message: `Cannot route ${shown}: ${found.refused}`, type: "invalid_request_error" });
  }
  if ("allowed" in found) {
    res.setHeader("allow", found.allowed.join(", "));
    return refuse({
      status: 405,
      message: `Use ${found.allowed.join(" or ")} for ${shown}`,
      type: "invalid_request_error",
    });
  }
  return operation(state, req, res, { ...found, query, pathname, method });
}

/** The pathname, still percent-encoded and with any `..` as sent, and the query of a request target. */
function target(url: string): { pathname: string; query: URLSearchParams } {
  // An absolute-form target (`GET http://host/path`) is read for its path; a normal one is split as it is,
  // since `new URL` would resolve `..` and name another path than the one sent.
  const relative = url.startsWith("/") ? url : new URL(url, "http://mock").pathname;
  const mark = relative.search(/[?#]/);
  const pathname = mark < 0 ? relative : relative.slice(0, mark);
  const query = mark < 0 || relative[mark] === "#" ? "" : relative.slice(mark + 1).split("#")[0];
  return { pathname, query: new URLSearchParams(query) };
}

interface Routed {
  operationId: string;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  pathname: string;
  method: string;
}

/** A request for one of the spec's operations: read, logged, checked (size, key, the spec), then answered. */
async function operation(state: MockState, req: IncomingMessage, res: ServerResponse, routed: Routed): Promise<void> {
  const { api } = state;
  const { operationId } = routed;
  // Whatever the status, the answer carries the headers the spec requires of it.
  const reply = (answer: MockReply) => send(res, withRequiredHeaders(api.spec, operationId, answer));
  const bytes = await readBody(req);
  if (bytes === undefined) {
    res.setHeader("connection", "close");
    const message = `The request body is over ${MAX_BODY_BYTES} bytes`;
    return reply(api.errorBody({ status: 413, message, type: "invalid_request_error" }, operationId));
  }
  const route = api.spec.routes[operationId];
  // A GET or a HEAD carries no body, whatever the spec gives it (sentBodySchema).
  const request = route && sentBodySchema(route);
  const schema = request === undefined ? undefined : api.spec.bodySchemas[request];
  const headers = req.headers;
  const read = await readRequestBody(route, schema, headers["content-type"], bytes);
  const body = read.value;
  const logged = body === undefined || Buffer.isBuffer(body) ? bytes.toString("utf8") : body;
  record(state, { method: routed.method, path: routed.pathname, headers, body: logged, bytes: bytes.length });
  const refused = refusal(state, routed, headers, read);
  if (refused) return reply(api.errorBody(refused, operationId));
  if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
  const { scenario } = state;
  if (typeof scenario === "object") {
    const { status, message, type } = scenario;
    return reply(
      api.errorBody({ status, message: message ?? `Mock error ${status}`, type: type ?? "mock_error" }, operationId),
    );
  }
  const seed = state.options.seed ?? 0;
  const plugin = Object.hasOwn(api.plugins, operationId) ? api.plugins[operationId] : undefined;
  const call = { ...routed, headers, body, seed, scenario, url: state.url, signal: hungUp(res, state.closing) };
  reply(
    plugin
      ? await plugin(call)
      : operationAnswer(api.spec, operationId, {
          seed,
          scenario,
          example: exampleFor(state.options.examples, operationId),
        }),
  );
}

/**
 * A signal that aborts when the response's connection closes before the answer was sent whole, or
 * when the mock is closing.
 */
function hungUp(res: ServerResponse, closing: AbortSignal): AbortSignal {
  const gone = new AbortController();
  const stop = () => gone.abort(new Error("the client went away, or the mock closed, before the answer"));
  const unwatch = whenAborted(closing, stop);
  res.once("close", () => {
    unwatch();
    if (!res.writableFinished) stop();
  });
  return gone.signal;
}

/** The example name asked for `operationId`: the one name, or its own entry. */
function exampleFor(examples: MockServerOptions["examples"], operationId: string): string | undefined {
  if (typeof examples === "string" || examples === undefined) return examples;
  return Object.hasOwn(examples, operationId) ? examples[operationId] : undefined;
}

/**
 * Why a request is refused before it is answered, or `undefined`: the one place that decides
 * whether a request is authorized and valid: its credentials by the operation's security
 * requirements (`operationCredential`), the API's own early refusals, then its parameters
 * (`requestViolations`) and its JSON body against the spec.
 */
function refusal(
  state: MockState,
  { operationId, params, query }: Routed,
  headers: IncomingMessage["headers"],
  { value: body, unsupported }: ReadBody,
): MockRefusal | undefined {
  const { api, options } = state;
  const credential = operationCredential(api.spec, operationId, carriedParts(headers, query), options.apiKey);
  if (credential !== "right") {
    return api.credentialRefusal?.(credential) ?? credentialRefusal(api.spec, operationId, credential);
  }
  const route = api.spec.routes[operationId];
  const request = route && sentBodySchema(route);
  if (unsupported !== undefined) {
    const message = `The body must be sent as ${JSON.stringify(unsupported)}`;
    return { status: 415, message, type: "invalid_request_error" };
  }
  if (request !== undefined && body === undefined) {
    const message = `The body is not valid ${route?.requestType === undefined ? "JSON" : JSON.stringify(route.requestType)}`;
    return { status: 400, message, type: "invalid_request_error" };
  }
  const early = api.refuseFirst?.(operationId, body);
  if (early) return early;
  // Parameters are named by where they are (`/query/limit`), the body's fields by their own pointer (`/prompt`).
  const parameters = requestViolations(api.spec, operationId, { params, query, headers });
  const fields = request === undefined ? [] : validateWith(api.spec.validators, request, body);
  const violations = [...parameters, ...fields];
  if (violations.length === 0) return undefined;
  return {
    status: refusalStatus(api.spec, operationId, parameters[0]?.pointer.startsWith("/path/") === true),
    message: `Invalid request: ${describeViolations(violations)}`,
    type: "invalid_request_error",
    // The field at fault: a parameter's name (`/query/limit`: limit), else the body's top-level field.
    param: parameters[0]?.pointer.split("/")[2] ?? fields[0]?.pointer.slice(1).split("/")[0],
  };
}

/**
 * Logs a request in `requests`, bounded: the latest `REQUESTS_KEPT`, and no body over
 * `BODY_KEPT_BYTES`. The log keeps no credential: every header the client's debug log would
 * redact is redacted here, and every header the spec's API key schemes name.
 */
function record(state: MockState, request: MockRequest): void {
  const keyHeaders = Object.values(state.api.spec.securitySchemes ?? {}).flatMap((scheme) =>
    scheme.type === "apiKey" && scheme.in === "header" ? [scheme.name] : [],
  );
  const headers = withoutCredentials(request.headers, keyHeaders) as IncomingMessage["headers"];
  state.requests.push({ ...request, headers, body: request.bytes > BODY_KEPT_BYTES ? undefined : request.body });
  if (state.requests.length > REQUESTS_KEPT) state.requests.shift();
}

/**
 * The request body's bytes, or `undefined` when it is over the cap: refused on its declared
 * length before a byte is read, else as soon as the count passes it. The rest is not read; the
 * answer closes the connection, so the next request gets a fresh one.
 */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function preflight(res: ServerResponse): void {
  res
    .writeHead(204, {
      "access-control-allow-methods": "GET, PUT, POST, DELETE, PATCH, OPTIONS",
      "access-control-allow-headers": "authorization, content-type, idempotency-key, x-request-id",
      "access-control-max-age": "600",
    })
    .end();
}

/** Sends a reply: its headers (a header the reply sets wins over the mock's own), its media type, its bytes. */
function send(res: ServerResponse, reply: MockReply): void {
  // A header the mock set itself (the request id) is the real one: a reply's placeholder does not replace it.
  for (const [name, value] of Object.entries(reply.headers ?? {})) if (!res.hasHeader(name)) res.setHeader(name, value);
  if (Buffer.isBuffer(reply.body)) {
    const type = reply.type ?? "application/octet-stream";
    res.writeHead(reply.status, { "content-type": type, "content-length": reply.body.length });
    res.end(reply.body);
    return;
  }
  const { text, type } = replyText(reply);
  res.writeHead(reply.status, type ? { "content-type": type } : {}).end(text);
}
