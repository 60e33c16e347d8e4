import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { validate } from "../generated/index.js";
import type { components } from "../generated/schema.js";
import { withoutCredentials } from "../http/secrets.js";
import { checkTimeout } from "../http/settings.js";
import type { ImageGenerationRequest } from "../models.js";
import { describeViolations } from "../spec/validation.js";
import { filledBody, onlyRequired, withNulls } from "./mock-body.js";
import { type MockImageFormat, renderMockImage } from "./mock-image.js";

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
  /** The parsed JSON body, or the raw text when it did not parse. */
  body: unknown;
}

/** A running mock server. */
export interface MockServer {
  /** The API root to give the client as `baseUrl`, such as `http://127.0.0.1:53122`. */
  url: string;
  /** Every request to the generation endpoint, in order of arrival. */
  requests: MockRequest[];
  /** Changes how later requests are answered. */
  setScenario(scenario: MockScenario, options?: { delayMs?: number }): void;
  /** Stops the server and drops its connections. */
  close(): Promise<void>;
}

const GENERATIONS = "/v1/images/generations";
const MAX_BODY_BYTES = 1024 * 1024;
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
  const requests: MockRequest[] = [];
  const images = new Map<string, { bytes: Buffer; type: string }>();
  const drawings = drawingCache();
  let scenario: MockScenario = options.scenario ?? "normal";
  let delayMs = options.delayMs ?? 0;
  let url = "";

  const requestTimeout = checkTimeout(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, "requestTimeoutMs");
  // Node looks for late requests every connectionsCheckingInterval: often enough for the limit to hold.
  const limits =
    requestTimeout === Number.POSITIVE_INFINITY
      ? { requestTimeout: 0 }
      : { requestTimeout, connectionsCheckingInterval: Math.min(1000, requestTimeout) };
  const server = createServer(limits, (req, res) => {
    answer(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, `mock server failure: ${String(error)}`, "server_error");
      else res.destroy();
    });
  });

  let answered = 0;
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader("access-control-allow-origin", "*");
    // Every answer, errors included, has an id, as the real API's do: requestId paths can be tested.
    res.setHeader("x-request-id", `req_mock_${++answered}`);
    const path = new URL(req.url ?? "/", "http://mock").pathname;
    if (req.method === "OPTIONS") return preflight(res);
    if (req.method === "GET" && path.startsWith("/images/")) return serveImage(res, images.get(path.slice(8)));
    if (path !== GENERATIONS) return sendError(res, 404, `No route for ${req.method} ${path}`, "not_found");
    if (req.method !== "POST") return sendError(res, 405, `Use POST for ${path}`, "invalid_request_error");
    const text = await readBody(req);
    if (text === undefined) {
      res.setHeader("connection", "close");
      return sendError(res, 413, `The request body is over ${MAX_BODY_BYTES} bytes`, "invalid_request_error");
    }
    const body = parseJson(text);
    // The log keeps no credential: every header the client's debug log would redact is redacted here.
    const headers = withoutCredentials(req.headers) as IncomingMessage["headers"];
    requests.push({ method: req.method, path, headers, body: body ?? text });
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!token || (options.apiKey !== undefined && token !== options.apiKey)) {
      return sendError(
        res,
        401,
        "Invalid or missing API key: send Authorization: Bearer <key>",
        "authentication_error",
      );
    }
    if (body === undefined) return sendError(res, 400, "The body is not valid JSON", "invalid_request_error");
    const violations = validate("ImageGenerationRequest", body);
    if (violations.length > 0) {
      const param = violations[0]?.pointer.slice(1).split("/")[0];
      return sendError(res, 400, `Invalid request: ${describeViolations(violations)}`, "invalid_request_error", param);
    }
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (typeof scenario === "object") {
      return sendError(
        res,
        scenario.status,
        scenario.message ?? `Mock error ${scenario.status}`,
        scenario.type ?? "mock_error",
      );
    }
    const generation = await buildGeneration(
      body as ImageGenerationRequest,
      scenario,
      options.seed ?? 0,
      drawings,
      (image, format) => {
        const id = `${randomUUID()}.${format === "jpeg" ? "jpg" : "png"}`;
        images.set(id, { bytes: image, type: `image/${format}` });
        // Only the latest images stay downloadable, so a long-running mock does not grow without bound.
        if (images.size > IMAGES_KEPT) images.delete(images.keys().next().value as string);
        return `${url}/images/${id}`;
      },
    );
    // A format the mock cannot draw (webp) comes as PNG, and a header says so.
    const asked = (body as ImageGenerationRequest).output_format?.toLowerCase();
    const drawn = drawnFormat(asked);
    sendJson(
      res,
      200,
      generation,
      asked && asked !== drawn && asked !== "jpg" ? { "x-mock-output-format": drawn } : {},
    );
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    setScenario(next, more = {}) {
      scenario = next;
      delayMs = more.delayMs ?? delayMs;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * How the images come back: as asked, else as URLs, unless the spec's rules for the request's
 * model refuse `response_format: "url"` (the gpt-image models), whose images always come as base64,
 * as the real API's do. Asking the validator keeps the model list in the spec alone.
 */
function carrierOf(request: ImageGenerationRequest): "url" | "b64_json" {
  if (request.response_format) return request.response_format;
  return validate("ImageGenerationRequest", { ...request, response_format: "url" }).length === 0 ? "url" : "b64_json";
}

/**
 * The response body for a valid request in a non-error scenario, built from the spec's own
 * schemas: `"normal"` sets every field (those the mock knows, such as `size`, `usage` and the
 * images, from the request; any other, such as one added to the spec, from a schema-valid
 * sample), `"nulls"` sets every nullable field to `null` and `"minimal"` keeps the required ones;
 * each image keeps the field that carries it.
 */
async function buildGeneration(
  request: ImageGenerationRequest,
  scenario: "normal" | "nulls" | "minimal",
  seed: number,
  drawings: Drawings,
  publish: (image: Buffer, format: MockImageFormat) => string,
): Promise<Schemas["ImageGeneration"]> {
  const [width, height] = dimensions(request.size);
  const format = drawnFormat(request.output_format);
  const carrier = carrierOf(request);
  const filled = filledBody("ImageGeneration") as Record<string, unknown>;
  const {
    url: _url,
    b64_json: _b64,
    ...item
  } = ((filled.data as unknown[] | undefined)?.[0] ?? {}) as Record<string, unknown>;
  const data: Record<string, unknown>[] = [];
  for (let index = 0; index < (request.n ?? 1); index++) {
    const bytes = await drawings.get(
      width,
      height,
      `${request.prompt}|seed=${seed}|${index}`,
      format,
      `MOCK ${width}X${height} SEED ${seed}`,
    );
    const image = carrier === "b64_json" ? bytes.toString("base64") : publish(bytes, format);
    data.push({ ...item, [carrier]: image, revised_prompt: `${request.prompt}, as drawn by the sudo-images mock` });
  }
  const textTokens = request.prompt.split(/\s+/).filter(Boolean).length;
  const outputTokens = data.length * Math.ceil((width * height) / 4096);
  const normal = {
    ...filled,
    created: Math.floor(Date.now() / 1000),
    background: request.background ?? "opaque",
    output_format: format,
    quality: request.quality ?? "auto",
    size: `${width}x${height}`,
    usage: {
      input_tokens: textTokens,
      output_tokens: outputTokens,
      total_tokens: textTokens + outputTokens,
      input_tokens_details: { image_tokens: 0, text_tokens: textTokens },
    },
    data,
  };
  const keep = new Set([carrier]);
  const body =
    scenario === "nulls"
      ? withNulls(normal, "ImageGeneration", keep)
      : scenario === "minimal"
        ? onlyRequired(normal, "ImageGeneration", keep)
        : normal;
  return body as Schemas["ImageGeneration"];
}

/** Drawn images by size and key, so a test suite asking for the same picture again gets it at once. */
interface Drawings {
  get(width: number, height: number, key: string, format: MockImageFormat, label: string): Promise<Buffer>;
}

const DRAWINGS_KEPT = 64;

/**
 * A cache of drawn images (the last 64). Drawing a 1792×1024 PNG takes ~190 ms of the event loop;
 * each one waits for the next turn of the loop first, so a server drawing ten of them still
 * answers other requests between them.
 */
function drawingCache(): Drawings {
  const kept = new Map<string, Buffer>();
  return {
    async get(width, height, key, format, label) {
      const id = `${width}x${height}|${format}|${key}`;
      const cached = kept.get(id);
      if (cached) return cached;
      await new Promise((resolve) => setImmediate(resolve));
      const png = renderMockImage(width, height, key, format, label);
      kept.set(id, png);
      if (kept.size > DRAWINGS_KEPT) kept.delete(kept.keys().next().value as string);
      return png;
    },
  };
}

/** The format the mock draws for an `output_format`: PNG and JPEG as asked; anything else as PNG. */
function drawnFormat(outputFormat: string | null | undefined): MockImageFormat {
  const asked = outputFormat?.toLowerCase();
  return asked === "jpeg" || asked === "jpg" ? "jpeg" : "png";
}

function dimensions(size: string | null | undefined): [number, number] {
  const match = /^(\d+)x(\d+)$/.exec(size ?? "");
  return match ? [Number(match[1]), Number(match[2])] : [1024, 1024];
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
  else sendError(res, 404, "No such image", "not_found");
}

function sendError(res: ServerResponse, status: number, message: string, type: string, param?: string): void {
  const error: Schemas["ErrorDetail"] = { message, type, ...(param ? { param } : {}) };
  sendJson(res, status, { error });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}
