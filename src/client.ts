import {
  ConfigurationError,
  type ErrorContext,
  NoImagesError,
  RequestValidationError,
  ResponseValidationError,
  type SudoImagesError,
} from "./errors.js";
import { callSizes, merged, ruledImagesPerCall, subCallKey } from "./fan-out.js";
import {
  routes,
  shapes,
  validate_ImageGeneration,
  validate_ImageGenerationRequest,
  validators,
} from "./generated/metadata.js";
import { attempt, type Endpoint, type Fetch } from "./http/attempt.js";
import { insecureTarget, type KeySource } from "./http/auth.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./http/body-limit.js";
import { type Limiter, limiter } from "./http/concurrency.js";
import { type Logger, resolveLogger } from "./http/debug-log.js";
import { readEnv } from "./http/environment.js";
import { globalFetch } from "./http/exchange.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retrying } from "./http/retry.js";
import { displayUrl } from "./http/secrets.js";
import {
  checkBaseUrl,
  checkHeaders,
  checkHeaderValue,
  checkTimeout,
  checkWhole,
  DEFAULT_BASE_URL,
} from "./http/settings.js";
import { DEFAULT_TIMEOUT_MS, withTimeout } from "./http/timeout.js";
import type { GenerationResponse, ImageGeneration, ImageGenerationRequest } from "./models.js";
import { normalizeWith } from "./spec/normalize.js";
import { responseViolations } from "./spec/responses.js";
import type { SpecViolation, Validator } from "./spec/types.js";
import { check } from "./spec/validation.js";

export type { Logger } from "./http/debug-log.js";
export type { RetryPolicy } from "./http/retry.js";
export { DEFAULT_BASE_URL } from "./http/settings.js";
export type {
  GenerationResponse,
  ImageData,
  ImageGeneration,
  ImageGenerationRequest,
  ImageUsage,
} from "./models.js";

const OPERATION_ID = "generateImage";
const OPERATION = routes[OPERATION_ID];

/** Retry and timeout settings, on the client and per call. */
export interface ReliabilityOptions {
  /** Retries after the first attempt, for connection errors, timeouts, 408, 409, 429 and 5xx (not 501). @default 2 */
  maxRetries?: number | undefined;
  /** Milliseconds one attempt may take, body included; `Infinity` for no limit. @default 600000 (10 minutes) */
  timeoutMs?: number | undefined;
}

/** How strictly a body is held to the spec: throw (`"strict"`), report through `onWarning` and go on (`"warn"`), or not check. */
export type ValidationMode = "strict" | "warn" | "off";

/** Options of `createImagesClient`. */
export interface ImagesClientOptions extends ReliabilityOptions, FanOutOptions {
  /**
   * The most requests this client has in flight at once, fan-out sub-calls and ordinary calls
   * alike; more wait their turn (in order) instead of drawing 429s. A wait before a retry holds no
   * slot. @default 4
   */
  maxConcurrency?: number | undefined;
  /** The Sudo API key. @default process.env.SUDO_API_KEY, read at each call */
  apiKey?: string | undefined;
  /** The API root: an absolute http(s) URL without query or fragment. @default process.env.SUDO_BASE_URL, else "https://sudoapp.dev/api" */
  baseUrl?: string | undefined;
  /** A fetch to send requests with, such as one with a proxy agent; `generate` calls it as `fetch(url, init)`, `createRawClient`'s client with a `Request`. @default globalThis.fetch */
  fetch?: ((input: string | Request, init?: RequestInit) => Promise<Response>) | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /**
   * What to do with a 2xx body that breaks the spec; `"warn"` returns it normalized. Error answers
   * are checked too, leniently: the mismatch goes on `ApiError.violations`. @default "strict"
   */
  validateResponses?: ValidationMode | undefined;
  /**
   * What to do with a request that breaks the spec; `"warn"` or `"off"` sends it anyway, for a
   * value the API accepts before the spec lists it (a new size or model). @default "strict"
   */
  validateRequests?: ValidationMode | undefined;
  /** Receives `"warn"`-mode violations. @default console.warn */
  onWarning?: ((error: SudoImagesError) => void) | undefined;
  /**
   * Backoff tuning: first delay, cap, and the cap on a server's `Retry-After`.
   * @default { baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60000 }
   */
  retry?: Partial<Omit<RetryPolicy, "maxRetries">> | undefined;
  /** The largest response body accepted, in bytes, counted after decompression. @default 134217728 (128 MB) */
  maxResponseBytes?: number | undefined;
  /** Lets the API key go over plain `http://` to a host that is not loopback. @default false */
  allowInsecureHttp?: boolean | undefined;
  /** Receives debug lines (method, URL, status, timing, retries; credentials redacted). @default stderr when DEBUG=sudo-images (or *) */
  logger?: Logger | undefined;
  /**
   * Lets a web page hold an API key. Anyone who opens the page can read it, so the default is to
   * refuse: in a browser, call your own server, which adds the key (then give no `apiKey` here).
   * @default false
   */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** How many images one call to the API may give: more than that fan out into parallel sub-calls. */
export interface FanOutOptions {
  /**
   * The most images one API call asks for; a request for more becomes parallel sub-calls (each
   * with its own `Idempotency-Key`, derived from the call's) whose images come back as one result,
   * in order, with usage summed.
   * @default what the spec's rules let the request's model take (dall-e-3: 1); else no limit
   */
  maxImagesPerCall?: number | undefined;
}

/** Options of one `generate` call. */
export interface GenerateOptions extends ReliabilityOptions, FanOutOptions {
  /** Cancels the call: the attempt in flight and any wait before a retry. */
  signal?: AbortSignal | undefined;
  /** Sent as `Idempotency-Key` on every attempt of this call. @default a random UUID per call */
  idempotencyKey?: string | undefined;
  /**
   * Called as the images of a fanned-out call arrive, once per sub-call that succeeds, with how
   * many have arrived and how many were asked for: what a progress bar needs. A call that does
   * not fan out calls it once, when its images arrive.
   *
   * @example
   * await client.generate({ prompt, model: "dall-e-3", n: 4 }, { onImages: (arrived, asked) => bar.update(arrived / asked) });
   */
  onImages?: ((arrived: number, asked: number) => void) | undefined;
}

/** What `createImagesClient` returns. */
export interface ImagesClient {
  /**
   * Generates images. Resolves to the spec-valid, normalized result; rejects with a
   * `SudoImagesError` subclass that says what failed, or with the signal's reason when cancelled.
   * An answer with no image is a `NoImagesError`.
   */
  generate(request: ImageGenerationRequest, options?: GenerateOptions): Promise<ImageGeneration>;
  /**
   * `generate`, resolving to the result with the answer's request id, headers and attempt count:
   * what a batch job paces itself by.
   *
   * @example
   * const { data, requestId, headers } = await client.generateWithResponse({ prompt, model });
   * const left = Number(headers.get("x-ratelimit-remaining-requests"));
   */
  generateWithResponse(request: ImageGenerationRequest, options?: GenerateOptions): Promise<GenerationResponse>;
}

/** A client's options, checked and resolved once: what every call reads. */
interface Settings {
  endpoint: Endpoint;
  limit: Limiter;
  maxImagesPerCall: number | undefined;
  timeoutMs: number;
  policy: RetryPolicy;
  validateRequests: ValidationMode;
  validateResponses: ValidationMode;
  warn: (error: SudoImagesError) => void;
}

/**
 * Creates a client for the Sudo images API. Options are checked here: a bad timeout, count, size
 * or URL is a `ConfigurationError` naming the option (a missing key is one at the first call).
 *
 * @example
 * const client = createImagesClient(); // reads SUDO_API_KEY
 * const { data } = await client.generate({ prompt: "a lighthouse at dusk", model: "gpt-image-1" });
 * console.log(data[0]?.url);
 */
export function createImagesClient(options: ImagesClientOptions = {}): ImagesClient {
  const settings = resolveSettings(options);
  return {
    generate: async (request, call = {}) => (await generate(settings, request, call)).data,
    generateWithResponse: (request, call = {}) => generate(settings, request, call),
  };
}

/** Checks and resolves a client's options once; `createRawClient` shares it. @internal */
export function resolveSettings(options: ImagesClientOptions): Settings {
  const browser = isBrowser();
  if (browser && options.apiKey !== undefined && !options.dangerouslyAllowBrowser) {
    throw new ConfigurationError(
      "Refusing to use an API key in a browser, where anyone who opens the page can read it: call the Sudo API " +
        "from your server (a proxy that adds the key) and leave apiKey out here, or set dangerouslyAllowBrowser: true.",
    );
  }
  const baseSource = options.baseUrl !== undefined ? "baseUrl" : "SUDO_BASE_URL";
  const baseUrl = checkBaseUrl(options.baseUrl ?? readEnv("SUDO_BASE_URL") ?? DEFAULT_BASE_URL, baseSource);
  const url = `${baseUrl}${OPERATION.path}`;
  const retry = {
    ...DEFAULT_RETRY_POLICY,
    ...options.retry,
    maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
  };
  const keys: KeySource = {
    apiKey: options.apiKey,
    // In a page without a key, requests go to a proxy of the caller's that adds it.
    required: !browser,
    insecureTarget: insecureTarget(url, options.allowInsecureHttp ?? false),
  };
  const fetchOption = options.fetch;
  const validateResponses = options.validateResponses ?? "strict";
  return {
    endpoint: {
      method: OPERATION.method.toUpperCase(),
      url,
      baseUrl,
      shownUrl: displayUrl(url),
      headers: { ...checkHeaders(options.headers), "content-type": "application/json", accept: "application/json" },
      keys,
      maxResponseBytes: checkWhole(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, "maxResponseBytes", 1),
      fetch: (fetchOption ?? globalFetch) as Fetch,
      log: resolveLogger(options.logger),
      errorViolations:
        validateResponses === "off"
          ? undefined
          : (status, body) => responseViolations(OPERATION_ID, OPERATION.responses, status, body, validators),
    },
    timeoutMs: checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, "timeoutMs"),
    limit: limiter(checkWhole(options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY, "maxConcurrency", 1)),
    maxImagesPerCall: perCall(options.maxImagesPerCall),
    policy: {
      maxRetries: checkWhole(retry.maxRetries, "maxRetries", 0),
      baseDelayMs: checkWhole(retry.baseDelayMs, "retry.baseDelayMs", 0),
      maxDelayMs: checkWhole(retry.maxDelayMs, "retry.maxDelayMs", 0),
      maxRetryAfterMs: checkWhole(retry.maxRetryAfterMs, "retry.maxRetryAfterMs", 0),
    },
    validateRequests: options.validateRequests ?? "strict",
    validateResponses,
    warn: options.onWarning ?? ((error) => console.warn(error.message)),
  };
}

/** The most requests a client has in flight by default. */
const DEFAULT_MAX_CONCURRENCY = 4;

function perCall(value: number | undefined): number | undefined {
  return value === undefined ? undefined : checkWhole(value, "maxImagesPerCall", 1);
}

/** One call: as it is, or fanned out into sub-calls when it asks for more images than one may give. */
async function generate(
  settings: Settings,
  request: ImageGenerationRequest,
  call: GenerateOptions,
): Promise<GenerationResponse> {
  const n = asked(request);
  const most =
    (call.maxImagesPerCall === undefined ? settings.maxImagesPerCall : perCall(call.maxImagesPerCall)) ??
    ruledImagesPerCall(validate_ImageGenerationRequest, request, n);
  let arrived = 0;
  const told = (answer: GenerationResponse) => {
    arrived += answer.data.data.length;
    call.onImages?.(arrived, n);
    return answer;
  };
  if (n <= most) return generateOnce(settings, request, call).then(told);
  const key =
    call.idempotencyKey === undefined ? crypto.randomUUID() : checkHeaderValue(call.idempotencyKey, "idempotencyKey");
  const outcomes = await Promise.allSettled(
    callSizes(n, most).map((count, index) =>
      generateOnce(settings, { ...request, n: count }, { ...call, idempotencyKey: subCallKey(key, index) }).then(told),
    ),
  );
  if (call.signal?.aborted) throw call.signal.reason;
  return merged(outcomes);
}

async function generateOnce(
  settings: Settings,
  request: ImageGenerationRequest,
  call: GenerateOptions,
): Promise<GenerationResponse> {
  const body = normalizeWith(shapes, "ImageGenerationRequest", request);
  const wrong = problemsIn(settings.validateRequests, validate_ImageGenerationRequest, body);
  if (wrong.length > 0)
    report(settings, settings.validateRequests, new RequestValidationError("ImageGenerationRequest", wrong));
  const json = serialized(body);
  const idempotencyKey =
    call.idempotencyKey === undefined ? crypto.randomUUID() : checkHeaderValue(call.idempotencyKey, "idempotencyKey");
  const timeoutMs = call.timeoutMs === undefined ? settings.timeoutMs : checkTimeout(call.timeoutMs, "timeoutMs");
  const policy =
    call.maxRetries === undefined
      ? settings.policy
      : { ...settings.policy, maxRetries: checkWhole(call.maxRetries, "maxRetries", 0) };
  const { endpoint } = settings;
  // The loop hands back the answer with its attempt count; the body is held to the spec after it.
  const { answer, attempts } = await retrying(
    (context) =>
      settings.limit.run(
        () =>
          withTimeout(
            async (signal) => ({
              answer: await attempt(endpoint, json, idempotencyKey, signal, context),
              attempts: context.attempts,
            }),
            timeoutMs,
            call.signal,
            () => `${endpoint.method} ${endpoint.shownUrl} (attempt ${context.attempts})`,
            context,
          ),
        call.signal,
      ),
    policy,
    call.signal,
    endpoint.log ?? (() => {}),
  );
  const context = { attempts, requestId: answer.requestId };
  checkAnswer(settings, answer.body, asked(body), context);
  const data = normalizeWith(shapes, "ImageGeneration", answer.body as ImageGeneration);
  if (Array.isArray(data.data) && data.data.length === 0) {
    throw new NoImagesError(`${endpoint.method} ${endpoint.shownUrl}`, context);
  }
  return { data, requestId: answer.requestId, headers: answer.headers, attempts };
}

/**
 * A 2xx body held to the spec, and to the request's `n`: a `ResponseValidationError` (thrown, or
 * passed to `onWarning`) made whole, with the attempts the call took and the answer's request id.
 */
function checkAnswer(settings: Settings, body: unknown, wanted: number, context: ErrorContext): void {
  const problems = problemsIn(settings.validateResponses, validate_ImageGeneration, body);
  if (settings.validateResponses !== "off") problems.push(...tooMany(body, wanted));
  if (problems.length > 0) {
    report(settings, settings.validateResponses, new ResponseValidationError("ImageGeneration", problems, context));
  }
}

/** How many images a request asks for: its `n`, else one. */
function asked(request: unknown): number {
  const { n } = request as { n?: unknown };
  return typeof n === "number" ? n : 1;
}

/**
 * More images than were asked for is a broken contract, not a bonus: a server that sends 5,000
 * would have them all downloaded and saved.
 */
function tooMany(body: unknown, wanted: number): SpecViolation[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || data.length <= wanted) return [];
  return [
    {
      pointer: "/data",
      expected: `at most ${wanted} image(s), as many as the request's n`,
      received: `${data.length} images`,
    },
  ];
}

/** The problems `validator` finds in `value`, or none when `mode` is `"off"`. */
function problemsIn(mode: ValidationMode, validator: Validator, value: unknown): SpecViolation[] {
  return mode === "off" ? [] : check(validator, value);
}

/** A spec violation, as `mode` says: thrown (`"strict"`) or reported and let through (`"warn"`). */
function report(settings: Settings, mode: ValidationMode, failure: SudoImagesError): void {
  if (mode === "strict") throw failure;
  settings.warn(failure);
}

/** The request as JSON, or a `RequestValidationError` for what JSON cannot hold (a cycle, a BigInt). */
function serialized(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    const violation = { pointer: "", expected: "a value JSON can hold", received: (error as Error).message };
    throw new RequestValidationError("ImageGenerationRequest", [violation]);
  }
}

/** A web page (window and document), as opposed to Node, Deno, Bun or a worker. */
function isBrowser(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown };
  return typeof scope.window === "object" && typeof scope.document === "object";
}
