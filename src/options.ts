import { ConfigurationError, type SudoImagesError } from "./errors.js";
import { routes } from "./generated/metadata.js";
import type { Endpoint, Fetch } from "./http/attempt.js";
import { insecureTarget, type KeySource } from "./http/auth.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./http/body-limit.js";
import { type Limiter, limiterFor } from "./http/concurrency.js";
import { type Logger, resolveLogger } from "./http/debug-log.js";
import { readEnv } from "./http/environment.js";
import { globalFetch } from "./http/exchange.js";
import { callReliability } from "./http/reliability.js";
import { policyOf, type RetryPolicy } from "./http/retry.js";
import { displayUrl } from "./http/secrets.js";
import {
  checkBaseUrl,
  checkFlag,
  checkFunction,
  checkHeaders,
  checkHeaderValue,
  checkSignal,
  checkTimeout,
  checkValidationMode,
  checkWhole,
  DEFAULT_BASE_URL,
  type ValidationMode,
} from "./http/settings.js";
import { DEFAULT_TIMEOUT_MS } from "./http/timeout.js";
import type { SpecViolation } from "./runtime/types.js";

/**
 * The client's options and one call's, each checked and resolved in one place, beside each other:
 * `resolveSettings` once per client (and per `createRawClient`), `resolveCall` once per call, and
 * for the spec checks' own options `resolveCheckSettings` and `resolveCheckCall`. A bad value is a
 * `ConfigurationError` naming the option, before anything is sent.
 */

/** The operation the image client calls. */
export const OPERATION_ID = "generateImage";
/** Its method, path and documented answers, from the generated routes. */
export const OPERATION = routes[OPERATION_ID];

/** Retry and timeout settings, on the client and per call. */
export interface ReliabilityOptions {
  /** Retries after the first attempt, for connection errors, timeouts, 408, 409, 429 and 5xx (not 501). @default 2 */
  maxRetries?: number | undefined;
  /** Milliseconds one attempt may take, body included; `Infinity` for no limit. @default 600000 (10 minutes) */
  timeoutMs?: number | undefined;
}

export type { ValidationMode } from "./http/settings.js";

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
  baseUrl?: string | URL | undefined;
  /** A fetch to send requests with, such as one with a proxy agent; `generate` calls it as `fetch(url, init)`, `createRawClient`'s client with a `Request`. @default globalThis.fetch */
  fetch?: ((input: string | Request, init?: RequestInit) => Promise<Response>) | undefined;
  /** Headers sent with every request: a `Headers`, an array of `[name, value]` pairs or an object. */
  headers?: HeadersInit | undefined;
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
  /** Lets the API key go over plain `http://` to a host that is not loopback: `true` only (a string such as `"false"` is refused). @default false */
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

/** A client's options, checked and resolved once: what every call reads. @internal */
export interface Settings {
  endpoint: Endpoint;
  limit: Limiter;
  timeoutMs: number;
  policy: RetryPolicy;
}

/**
 * Checks and resolves a client's options once; `createRawClient` shares it. A value of the wrong
 * type (`"false"` for a flag, a string for a function) is refused here. `errorViolations`, from
 * the generate path's checks, is how an error body breaks the spec (none when absent).
 * @internal
 */
export function resolveSettings(options: ImagesClientOptions, errorViolations?: ErrorViolations): Settings {
  const browser = isBrowser();
  const allowBrowser = checkFlag(options.dangerouslyAllowBrowser, "dangerouslyAllowBrowser");
  if (browser && options.apiKey !== undefined && !allowBrowser) {
    throw new ConfigurationError(
      "Refusing to use an API key in a browser, where anyone who opens the page can read it: call the Sudo API " +
        "from your server (a proxy that adds the key) and leave apiKey out here, or set dangerouslyAllowBrowser: true.",
    );
  }
  return {
    endpoint: endpointOf(options, browser, errorViolations),
    timeoutMs: checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, "timeoutMs"),
    limit: limiterFor(options.maxConcurrency),
    policy: policyOf(options),
  };
}

/** The options of a client's spec checks, checked and resolved once: what `specChecks` reads. @internal */
export interface CheckSettings {
  maxImagesPerCall: number | undefined;
  validateRequests: ValidationMode;
  validateResponses: ValidationMode;
  warn: (error: SudoImagesError) => void;
}

/**
 * The client options only the spec checks read (`resolveCheckSettings`): what a client without
 * them leaves out of its types and refuses by name.
 */
export const CHECK_OPTIONS = ["validateRequests", "validateResponses", "maxImagesPerCall", "onWarning"] as const;
/** The call options only the spec checks read (`resolveCheckCall`): fan-out's limit and progress. */
export const CHECK_CALL_OPTIONS = ["maxImagesPerCall", "onImages"] as const;

/**
 * Checks and resolves the options only the spec checks read (validation modes, the warning sink,
 * fan-out's limit): a client without the checks has no code for them.
 * @internal
 */
export function resolveCheckSettings(options: ImagesClientOptions): CheckSettings {
  return {
    maxImagesPerCall: perCall(options.maxImagesPerCall),
    validateRequests: checkValidationMode(options.validateRequests, "validateRequests"),
    validateResponses: checkValidationMode(options.validateResponses, "validateResponses"),
    warn: checkFunction(options.onWarning, "onWarning") ?? ((error) => console.warn(error.message)),
  };
}

/** How a non-2xx answer breaks the spec: the generate path's checks say, when it has them. */
type ErrorViolations = (status: number, body: unknown) => SpecViolation[];

/** Where and how a client's requests go: the URL, headers, key, cap, fetch and log. */
function endpointOf(options: ImagesClientOptions, browser: boolean, errorViolations?: ErrorViolations): Endpoint {
  const baseSource = options.baseUrl !== undefined ? "baseUrl" : "SUDO_BASE_URL";
  const baseUrl = checkBaseUrl(options.baseUrl ?? readEnv("SUDO_BASE_URL") ?? DEFAULT_BASE_URL, baseSource);
  const url = `${baseUrl}${OPERATION.path}`;
  const keys: KeySource = {
    apiKey: options.apiKey,
    envName: "SUDO_API_KEY",
    creator: "createImagesClient()",
    // In a page without a key, requests go to a proxy of the caller's that adds it.
    required: !browser,
    insecureTarget: insecureTarget(url, options.allowInsecureHttp),
  };
  return {
    method: OPERATION.method.toUpperCase(),
    url,
    baseUrl,
    shownUrl: displayUrl(url),
    headers: { ...checkHeaders(options.headers), "content-type": "application/json", accept: "application/json" },
    keys,
    maxResponseBytes: checkWhole(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, "maxResponseBytes", 1),
    fetch: (checkFunction(options.fetch, "fetch") ?? globalFetch) as Fetch,
    log: resolveLogger(checkFunction(options.logger, "logger")),
    errorViolations,
  };
}

function perCall(value: number | undefined): number | undefined {
  return value == null ? undefined : checkWhole(value, "maxImagesPerCall", 1);
}

/** One call's options, checked and merged over its client's once: what each of its attempts reads. @internal */
export interface CallSettings {
  timeoutMs: number;
  policy: RetryPolicy;
  /** The call's `Idempotency-Key`, or a fresh one; a fanned-out call derives each sub-call's from it. */
  idempotencyKey: string;
  signal: AbortSignal | undefined;
}

/** Checks one call's options and merges them over its client's settings. @internal */
export function resolveCall(settings: Settings, call: GenerateOptions): CallSettings {
  return {
    ...callReliability(settings, call),
    idempotencyKey: checkHeaderValue(call.idempotencyKey ?? crypto.randomUUID(), "idempotencyKey"),
    signal: checkSignal(call.signal, "signal"),
  };
}

/** One call's options that only the spec checks read (fan-out's limit and progress), checked. @internal */
export interface CheckCall {
  /** The call's or the client's limit; `undefined` when neither set one (the spec's rules decide). */
  maxImagesPerCall: number | undefined;
  onImages: ((arrived: number, asked: number) => void) | undefined;
}

/** Checks the options of one call that only the spec checks read, over its client's. @internal */
export function resolveCheckCall(settings: CheckSettings, call: GenerateOptions): CheckCall {
  return {
    maxImagesPerCall: perCall(call.maxImagesPerCall) ?? settings.maxImagesPerCall,
    onImages: checkFunction(call.onImages, "onImages"),
  };
}

function isBrowser(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown };
  return typeof scope.window === "object" && typeof scope.document === "object";
}
