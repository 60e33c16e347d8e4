import createClient, { type Client } from "openapi-fetch";
import { bearerAuth } from "./auth.js";
import { bodyLimit, DEFAULT_MAX_RESPONSE_BYTES } from "./body-limit.js";
import { type Logger, requestLogger, resolveLogger } from "./debug-log.js";
import { readEnv } from "./environment.js";
import {
  ApiError,
  ConfigurationError,
  ConnectionError,
  RequestValidationError,
  ResponseValidationError,
  SudoImagesError,
} from "./errors.js";
import { shapes, validate_ImageGeneration, validate_ImageGenerationRequest } from "./generated/metadata.js";
import type { components, paths } from "./generated/schema.js";
import { parseJsonBody } from "./response-body.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retrying } from "./retry.js";
import { type Normalized, normalizeWith } from "./spec/normalize.js";
import { check } from "./spec/validation.js";
import { withTimeout } from "./timeout.js";

/** The default API root; `/v1/images/generations` is appended to it. */
export const DEFAULT_BASE_URL = "https://sudoapp.dev/api";

/** Image generation is slow: ten minutes per attempt, as the OpenAI SDK allows. */
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

type Schemas = components["schemas"];

/** A request as you write it: fields the spec lets be `null` may also be `null` or left out. */
export type ImageGenerationRequest = Schemas["ImageGenerationRequest"];
/** The result of `generate`: no `null` anywhere, absent instead. */
export type ImageGeneration = Normalized<Schemas["ImageGeneration"]>;
/** One generated image: `url` or `b64_json`, and `revised_prompt` when the model rewrote the prompt. */
export type ImageData = Normalized<Schemas["ImageData"]>;
/** Token usage (OpenAI models only). */
export type ImageUsage = Normalized<Schemas["ImageUsage"]>;

/** Retry and timeout settings, on the client and per call. */
export interface ReliabilityOptions {
  /** Retries after the first attempt, for connection errors, timeouts, 408, 409, 429 and 5xx (not 501). @default 2 */
  maxRetries?: number | undefined;
  /** Milliseconds one attempt may take, body included. @default 600000 (10 minutes) */
  timeoutMs?: number | undefined;
}

/** Options of `createImagesClient`. */
export interface ImagesClientOptions extends ReliabilityOptions {
  /** The Sudo API key. @default process.env.SUDO_API_KEY */
  apiKey?: string | undefined;
  /** The API root. @default process.env.SUDO_BASE_URL, else "https://sudoapp.dev/api" */
  baseUrl?: string | undefined;
  /** A fetch to send requests with, such as one with a proxy agent. @default globalThis.fetch */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /**
   * What to do with a 2xx body that breaks the spec: throw a `ResponseValidationError`
   * (`"strict"`), report it through `onWarning` and return it normalized (`"warn"`), or not check.
   * @default "strict"
   */
  validateResponses?: "strict" | "warn" | "off" | undefined;
  /** Receives `"warn"`-mode violations. @default console.warn */
  onWarning?: ((error: SudoImagesError) => void) | undefined;
  /** Backoff tuning: first delay, cap, and the cap on a server's `Retry-After`. */
  retry?: Partial<Omit<RetryPolicy, "maxRetries">> | undefined;
  /** The largest response body accepted, in bytes. @default 536870912 (512 MB) */
  maxResponseBytes?: number | undefined;
  /** Lets the API key go over plain `http://` to a host that is not loopback. @default false */
  allowInsecureHttp?: boolean | undefined;
  /** Receives debug lines (method, URL, status, attempt, timing; never the key). @default stderr if DEBUG=sudo-images */
  logger?: Logger | undefined;
  /**
   * Lets a web page hold an API key. Anyone who opens the page can read it, so the default is to
   * refuse: in a browser, call your own server, which adds the key (then give no `apiKey` here).
   * @default false
   */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** Options of one `generate` call. */
export interface GenerateOptions extends ReliabilityOptions {
  /** Cancels the call: the attempt in flight and any wait before a retry. */
  signal?: AbortSignal | undefined;
  /** Sent as `Idempotency-Key` on every attempt of this call. @default a random UUID per call */
  idempotencyKey?: string | undefined;
}

/** What `createImagesClient` returns. */
export interface ImagesClient {
  /**
   * Generates images. Resolves to the spec-valid, normalized result; rejects with a
   * `SudoImagesError` subclass that says what failed, or with the signal's reason when cancelled.
   */
  generate(request: ImageGenerationRequest, options?: GenerateOptions): Promise<ImageGeneration>;
  /** The underlying openapi-fetch client, with auth applied, for anything `generate` does not cover. */
  raw: Client<paths>;
}

const OPERATION_PATH = "/v1/images/generations";

/**
 * Creates a client for the Sudo images API.
 *
 * @example
 * const client = createImagesClient(); // reads SUDO_API_KEY
 * const { data } = await client.generate({ prompt: "a lighthouse at dusk", model: "gpt-image-1" });
 * console.log(data[0]?.url);
 */
export function createImagesClient(options: ImagesClientOptions = {}): ImagesClient {
  const browser = isBrowser();
  if (browser && options.apiKey !== undefined && !options.dangerouslyAllowBrowser) {
    throw new ConfigurationError(
      "Refusing to use an API key in a browser, where anyone who opens the page can read it: call the Sudo API " +
        "from your server (a proxy that adds the key) and leave apiKey out here, or set dangerouslyAllowBrowser: true.",
    );
  }
  const baseUrl = (options.baseUrl ?? readEnv("SUDO_BASE_URL") ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const url = `${baseUrl}${OPERATION_PATH}`;
  const log = resolveLogger(options.logger);
  const raw = createClient<paths>({
    baseUrl,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  raw.use(
    bearerAuth(() => options.apiKey ?? readEnv("SUDO_API_KEY"), {
      allowInsecureHttp: options.allowInsecureHttp ?? false,
      // In a page without a key, requests go to a proxy of the caller's that adds it.
      required: !browser,
    }),
  );
  raw.use(bodyLimit(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES));
  if (log) raw.use(requestLogger(log));
  const mode = options.validateResponses ?? "strict";
  const clientPolicy: RetryPolicy = {
    ...DEFAULT_RETRY_POLICY,
    ...options.retry,
    maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
  };
  const warn = options.onWarning ?? ((error) => console.warn(error.message));

  /** One attempt: send, map the outcome to a parsed body or a typed error. */
  async function attempt(body: ImageGenerationRequest, idempotencyKey: string, signal: AbortSignal): Promise<unknown> {
    const { data, error, response } = await raw
      .POST(OPERATION_PATH, { body, signal, parseAs: "text", headers: { "Idempotency-Key": idempotencyKey } })
      .catch((cause: unknown) => {
        throw cause instanceof SudoImagesError || signal.aborted ? cause : new ConnectionError("POST", url, { cause });
      });
    if (!response.ok) {
      throw ApiError.from({ status: response.status, method: "POST", url, headers: response.headers, body: error });
    }
    // parseAs "text" hands back the body as a string; openapi-fetch's types do not follow parseAs.
    return parseJsonBody((data as unknown as string | undefined) ?? "", response);
  }

  function checked(parsed: unknown): ImageGeneration {
    if (mode !== "off") {
      const problems = check(validate_ImageGeneration, parsed);
      if (problems.length > 0) {
        const violation = new ResponseValidationError("ImageGeneration", problems);
        if (mode === "strict") throw violation;
        warn(violation);
      }
    }
    return normalizeWith(shapes, "ImageGeneration", parsed as Schemas["ImageGeneration"]);
  }

  async function generate(request: ImageGenerationRequest, call: GenerateOptions = {}): Promise<ImageGeneration> {
    const body = normalizeWith(shapes, "ImageGenerationRequest", request) as ImageGenerationRequest;
    const violations = check(validate_ImageGenerationRequest, body);
    if (violations.length > 0) throw new RequestValidationError("ImageGenerationRequest", violations);
    const idempotencyKey = call.idempotencyKey ?? crypto.randomUUID();
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const policy = call.maxRetries === undefined ? clientPolicy : { ...clientPolicy, maxRetries: call.maxRetries };
    const parsed = await retrying(
      (number) =>
        withTimeout(
          (signal) => attempt(body, idempotencyKey, signal),
          timeoutMs,
          call.signal,
          () => {
            return `POST ${url} (attempt ${number})`;
          },
        ),
      policy,
      call.signal,
      log ?? (() => {}),
    );
    return checked(parsed);
  }

  return { generate, raw };
}

/** A web page (window and document), as opposed to Node, Deno, Bun or a worker. */
function isBrowser(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown };
  return typeof scope.window === "object" && typeof scope.document === "object";
}
