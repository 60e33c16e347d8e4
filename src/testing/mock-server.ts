import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { validate } from "../generated/index.js";
import type { components } from "../generated/schema.js";
import { withoutCredentials } from "../http/secrets.js";
import { checkTimeout } from "../http/settings.js";
import type { ImageGenerationRequest } from "../models.js";
import { describeViolations } from "../runtime/validation.js";
import {
  buildGeneration,
  type Drawings,
  drawingCache,
  drawnFormat,
  type MockRefusal,
  shutDownModel,
  subCallOf,
  undrawableSize,
} from "./mock-generation.js";
import type { MockImageFormat } from "./mock-image.js";

type Schemas = components["schemas"];

/**
 * How the mock answers a valid, authorized generation request:
 * - `"normal"`: images plus every optional field (`created`, `usage`, `revised_prompt`, ...);
 * - `"nulls"`: the images, with every nullable field `null`;
 * - `"minimal"`: only `data`;
 * - `{ status, message?, type? }`: that status with an `ErrorResponse`.
 */
export type MockScenario =
  | "normal"
  | "nulls"
  | "minimal"
  | { status: number; message?: string | undefined; type?: string | undefined };

/** The key the CLI's `--mock` runs use: long enough to be scrubbed like a real one, and no word. */
export const MOCK_KEY = "sk-sudo-images-local-mock";

/** Options of `startMockServer`. */
export interface MockServerOptions {
  /** The only key accepted; any non-empty bearer token is accepted when unset. */
  apiKey?: string | undefined;
  /** Changes every image while keeping them deterministic. @default 0 */
  seed?: number | undefined;
  /** @default "normal" */
  scenario?: MockScenario | undefined;
  /** Milliseconds to wait before answering a generation request. @default 0 */
  delayMs?: number | undefined;
  /** Milliseconds a request may take to arrive, body included; a slower one gets a 408 and is cut off. @default 30000 */
  requestTimeoutMs?: number | undefined;
}

/** A generation request the mock received. */
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
  /** The requests to the generation endpoint, in order of arrival: the latest 500. */
  requests: MockRequest[];
  /** Changes how later requests are answered. */
  setScenario(scenario: MockScenario, options?: { delayMs?: number }): void;
  /** Stops the server and drops its connections. */
  close(): Promise<void>;
}

const GENERATIONS = "/v1/images/generations";
const MAX_BODY_BYTES = 1024 * 1024;
/** How many requests `requests` keeps (the oldest go first). */
const REQUESTS_KEPT = 500;
/** The largest body `requests` keeps; a larger one is logged by its size alone. */
const BODY_KEPT_BYTES = 64 * 1024;
/** How many url-mode images stay downloadable (the oldest go first). */
const IMAGES_KEPT = 256;
/** How long one request may take to arrive: a body trickled byte by byte is cut off. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Starts a spec-driven Sudo images API on 127.0.0.1 and an ephemeral port, for tests. It checks
 * the bearer token, validates each request against the spec (a 400 `ErrorResponse` names each
 * violation), and answers with spec-valid bodies holding real PNGs of the requested size, as
 * base64 or as URLs it serves itself, the same bytes for the same prompt and seed.
 *
 * @example
 * const mock = await startMockServer();
 * const client = createImagesClient({ apiKey: "test", baseUrl: mock.url });
 * const { data } = await client.generate({ prompt: "a red fox", model: "gpt-image-1" });
 * await mock.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const state: MockState = {
    options,
    requests: [],
    images: new Map(),
    drawings: drawingCache(),
    scenario: options.scenario ?? "normal",
    delayMs: options.delayMs ?? 0,
    url: "",
    answered: 0,
  };
  const requestTimeout = checkTimeout(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, "requestTimeoutMs");
  // Node looks for late requests every connectionsCheckingInterval: often enough for the limit to hold.
  const limits =
    requestTimeout === Number.POSITIVE_INFINITY
      ? { requestTimeout: 0 }
      : { requestTimeout, connectionsCheckingInterval: Math.min(1000, requestTimeout) };
  const server = createServer(limits, (req, res) => {
    answer(state, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendError(res, { status: 500, message: `mock server failure: ${String(error)}`, type: "server_error" });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
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
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Everything a running mock knows: its options, what it received and served, and how it answers now. */
interface MockState {
  readonly options: MockServerOptions;
  readonly requests: MockRequest[];
  /** The url-mode images it serves, by id (the latest `IMAGES_KEPT`). */
  readonly images: Map<string, { bytes: Buffer; type: string }>;
  readonly drawings: Drawings;
  scenario: MockScenario;
  delayMs: number;
  url: string;
  answered: number;
}

/** One route of the mock: which requests it takes, and its answer. */
interface Route {
  takes(method: string, path: string): boolean;
  answer(state: MockState, req: IncomingMessage, res: ServerResponse, path: string): void | Promise<void>;
}

/** The routes, first match answers; a request no route takes is a 404. */
const ROUTES: readonly Route[] = [
  { takes: (method) => method === "OPTIONS", answer: (_state, _req, res) => preflight(res) },
  {
    takes: (method, path) => method === "GET" && path.startsWith("/images/"),
    answer: (state, _req, res, path) => serveImage(res, state.images.get(path.slice("/images/".length))),
  },
  { takes: (method, path) => method === "POST" && path === GENERATIONS, answer: generation },
  {
    takes: (_method, path) => path === GENERATIONS,
    answer: (_state, _req, res, path) =>
      sendError(res, { status: 405, message: `Use POST for ${path}`, type: "invalid_request_error" }),
  },
];

async function answer(state: MockState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.setHeader("access-control-allow-origin", "*");
  // Every answer, errors included, has an id, as the real API's do: requestId paths can be tested.
  res.setHeader("x-request-id", `req_mock_${++state.answered}`);
  const method = req.method ?? "GET";
  const path = new URL(req.url ?? "/", "http://mock").pathname;
  const route = ROUTES.find((candidate) => candidate.takes(method, path));
  if (route) return route.answer(state, req, res, path);
  sendError(res, { status: 404, message: `No route for ${method} ${path}`, type: "not_found" });
}

/** `POST /v1/images/generations`: read, logged, checked (size, key, JSON, the spec), then answered by the scenario. */
async function generation(state: MockState, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const text = await readBody(req);
  if (text === undefined) {
    res.setHeader("connection", "close");
    return sendError(res, {
      status: 413,
      message: `The request body is over ${MAX_BODY_BYTES} bytes`,
      type: "invalid_request_error",
    });
  }
  const body = parseJson(text);
  record(state, { method: "POST", path, headers: req.headers, body: body ?? text, bytes: Buffer.byteLength(text) });
  const refused = refusal(state.options.apiKey, req.headers.authorization, body);
  if (refused) return sendError(res, refused);
  if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
  const { scenario } = state;
  if (typeof scenario === "object") {
    const { status, message, type } = scenario;
    return sendError(res, { status, message: message ?? `Mock error ${status}`, type: type ?? "mock_error" });
  }
  const request = body as ImageGenerationRequest;
  const subCall = subCallOf(req.headers["idempotency-key"] as string | undefined);
  const generated = await buildGeneration(
    request,
    scenario,
    state.options.seed ?? 0,
    subCall,
    state.drawings,
    (image, format) => publish(state, image, format),
  );
  // A format the mock cannot draw (webp) comes as PNG, and a header says so.
  const asked = request.output_format?.toLowerCase();
  const drawn = drawnFormat(asked);
  sendJson(res, 200, generated, asked && asked !== drawn && asked !== "jpg" ? { "x-mock-output-format": drawn } : {});
}

/**
 * Logs a request in `requests`, bounded as the image store is: the latest `REQUESTS_KEPT`, and no
 * body over `BODY_KEPT_BYTES`. The log keeps no credential: every header the client's debug log would
 * redact is redacted here.
 */
function record(state: MockState, request: MockRequest): void {
  const headers = withoutCredentials(request.headers) as IncomingMessage["headers"];
  state.requests.push({ ...request, headers, body: request.bytes > BODY_KEPT_BYTES ? undefined : request.body });
  if (state.requests.length > REQUESTS_KEPT) state.requests.shift();
}

/** Why a generation request is refused before anything is drawn: its key, its JSON, or the spec. */
function refusal(key: string | undefined, authorization: string | undefined, body: unknown): MockRefusal | undefined {
  const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  if (!token || (key !== undefined && token !== key)) {
    return {
      status: 401,
      message: "Invalid or missing API key: send Authorization: Bearer <key>",
      type: "authentication_error",
    };
  }
  if (body === undefined) return { status: 400, message: "The body is not valid JSON", type: "invalid_request_error" };
  const shutDown = shutDownModel(body);
  if (shutDown) return shutDown;
  const violations = validate("ImageGenerationRequest", body);
  if (violations.length === 0) return undrawableSize(body);
  const param = violations[0]?.pointer.slice(1).split("/")[0];
  return {
    status: 400,
    message: `Invalid request: ${describeViolations(violations)}`,
    type: "invalid_request_error",
    param,
  };
}

/** Keeps a url-mode image to serve and says where: only the latest stay, so a long-running mock stays bounded. */
function publish(state: MockState, image: Buffer, format: MockImageFormat): string {
  const id = `${randomUUID()}.${format === "jpeg" ? "jpg" : "png"}`;
  state.images.set(id, { bytes: image, type: `image/${format}` });
  if (state.images.size > IMAGES_KEPT) state.images.delete(state.images.keys().next().value as string);
  return `${state.url}/images/${id}`;
}

/**
 * The request body as text, or `undefined` when it is over the cap: refused on its declared
 * length before a byte is read, else as soon as the count passes it. The rest is not read; the
 * answer closes the connection, so the next request gets a fresh one.
 */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function preflight(res: ServerResponse): void {
  res
    .writeHead(204, {
      "access-control-allow-methods": "POST, GET, OPTIONS",
      "access-control-allow-headers": "authorization, content-type, idempotency-key, x-request-id",
      "access-control-max-age": "600",
    })
    .end();
}

function serveImage(res: ServerResponse, image: { bytes: Buffer; type: string } | undefined): void {
  if (image) res.writeHead(200, { "content-type": image.type, "content-length": image.bytes.length }).end(image.bytes);
  else sendError(res, { status: 404, message: "No such image", type: "not_found" });
}

/**
 * An error in the shape the real API (OpenAI's) sends every one: `{ error: { message, type, param,
 * code } }`, `param` and `code` null when the failure has none, so a client reading `code` finds it
 * on every answer, as it would on the API's.
 */
function sendError(res: ServerResponse, { status, message, type, param, code }: MockRefusal): void {
  // Spread: a spec whose ErrorDetail names only message and type (the upstream one) still types this.
  const error: Schemas["ErrorDetail"] = { message, type, ...{ param: param ?? null, code: code ?? null } };
  sendJson(res, status, { error });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}
