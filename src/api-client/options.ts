import { type ClientOptions, defaultBodySerializer } from "openapi-fetch";
import { ConfigurationError, type SudoImagesError } from "../errors.js";
import { insecureTarget, type KeySource, takesWholeHeader } from "../http/auth.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../http/body-limit.js";
import { callFetch } from "../http/call-fetch.js";
import { type Limiter, limiterFor } from "../http/concurrency.js";
import { type Logger, resolveLogger } from "../http/debug-log.js";
import { type Fetch, globalFetch, type Wire } from "../http/exchange.js";
import { callReliability, type Reliability } from "../http/reliability.js";
import { policyOf, type RetryPolicy } from "../http/retry.js";
import {
  checkBaseUrl,
  checkFunction,
  checkHeaders,
  checkTimeout,
  checkValidationMode,
  checkWhole,
  type ValidationMode,
} from "../http/settings.js";
import { DEFAULT_TIMEOUT_MS } from "../http/timeout.js";
import type { ReliabilityOptions } from "../options.js";
import { type ClientSpec, type FoundOperation, operationIndex } from "./spec.js";

/** Options of a generated folder's `createClient` (and of `createSpecClient`). */
export interface SpecClientOptions
  extends ReliabilityOptions,
    Pick<ClientOptions, "querySerializer" | "bodySerializer" | "pathSerializer"> {
  /** The API key, sent as each operation's security scheme says (bearer, basic `user:password`, an API key in a header, query or cookie). @default the folder's environment variable (such as `DIRECTUS_API_KEY`), read at each call */
  apiKey?: string | undefined;
  /** The API root: an absolute http(s) URL without query or fragment. @default the spec's first absolute server URL; required when it has none */
  baseUrl?: string | URL | undefined;
  /** A fetch to send requests with (called as `fetch(url, init)`). @default globalThis.fetch */
  fetch?: ((input: string | Request, init?: RequestInit) => Promise<Response>) | undefined;
  /** Headers sent with every request: a `Headers`, an array of `[name, value]` pairs or an object. */
  headers?: HeadersInit | undefined;
  /** What to do with a request whose parameters or JSON body break the spec: throw a `RequestValidationError`, warn and send, or send unchecked. @default "strict" */
  validateRequests?: ValidationMode | undefined;
  /** What to do with a 2xx JSON body that breaks the spec (`ResponseValidationError`); error bodies that break it are only warned of. @default "strict" */
  validateResponses?: ValidationMode | undefined;
  /** Receives `"warn"`-mode violations. @default console.warn */
  onWarning?: ((error: SudoImagesError) => void) | undefined;
  /**
   * The most requests this client has in flight at once; more wait their turn (in order) instead of
   * drawing 429s. A wait before a retry holds no slot. @default 4
   */
  maxConcurrency?: number | undefined;
  /** Backoff tuning, as `createImagesClient` takes it. Retries apply to GET, HEAD, PUT, DELETE, OPTIONS, TRACE, and any request with an `Idempotency-Key` header. */
  retry?: Partial<Omit<RetryPolicy, "maxRetries">> | undefined;
  /** The largest response body accepted, in bytes, counted after decompression. @default 134217728 (128 MB) */
  maxResponseBytes?: number | undefined;
  /** Lets the API key go over plain `http://` to a host that is not loopback: `true` only. @default false */
  allowInsecureHttp?: boolean | undefined;
  /** Receives debug lines (method, URL, status, timing, retries; credentials redacted). @default stderr when DEBUG=sudo-images (or *) */
  logger?: Logger | undefined;
}

/** A spec client's options and spec data, checked and resolved once: what every call reads. @internal */
export interface ClientSettings {
  spec: ClientSpec;
  operations: ReadonlyMap<string, FoundOperation>;
  baseUrl: string;
  headers: Readonly<Record<string, string>>;
  /** The client's `bodySerializer`, else openapi-fetch's own (which it calls with the headers too: a form-encoded body). */
  bodySerializer: (body: unknown, headers?: unknown) => unknown;
  wire: Wire;
  keys: KeySource;
  /** The `allowInsecureHttp` option, as given: what a call's own `baseUrl` is judged by too. */
  allowInsecureHttp: boolean | undefined;
  timeoutMs: number;
  policy: RetryPolicy;
  limit: Limiter;
  validateRequests: ValidationMode;
  validateResponses: ValidationMode;
  warn: (error: SudoImagesError) => void;
}

/**
 * Checks a spec client's options once, with the checks every client shares (`http/settings.ts`,
 * `policyOf`): a bad value is a `ConfigurationError` naming the option, before anything is sent.
 */
export function resolveClientSettings(spec: ClientSpec, options: SpecClientOptions): ClientSettings {
  const given = options.baseUrl ?? spec.baseUrl;
  if (given === undefined) {
    throw new ConfigurationError("baseUrl is required: the spec names no absolute server URL to default to");
  }
  const baseUrl = checkBaseUrl(given, options.baseUrl === undefined ? "the spec's server URL" : "baseUrl");
  return {
    spec,
    operations: operationIndex(spec.routes),
    baseUrl,
    headers: checkHeaders(options.headers),
    bodySerializer: (checkFunction(options.bodySerializer, "bodySerializer") ??
      defaultBodySerializer) as ClientSettings["bodySerializer"],
    wire: {
      fetch: (checkFunction(options.fetch, "fetch") ?? globalFetch) as Fetch,
      maxResponseBytes: checkWhole(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, "maxResponseBytes", 1),
      log: resolveLogger(checkFunction(options.logger, "logger")),
    },
    keys: {
      apiKey: options.apiKey,
      envName: spec.apiKeyEnv,
      creator: spec.creator ?? "createClient()",
      required: true,
      wholeHeader: takesWholeHeader(spec.securitySchemes),
      insecureTarget: insecureTarget(baseUrl, options.allowInsecureHttp),
    },
    allowInsecureHttp: options.allowInsecureHttp,
    timeoutMs: checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, "timeoutMs"),
    policy: policyOf(options),
    limit: limiterFor(options.maxConcurrency),
    validateRequests: checkValidationMode(options.validateRequests, "validateRequests"),
    validateResponses: checkValidationMode(options.validateResponses, "validateResponses"),
    warn: checkFunction(options.onWarning, "onWarning") ?? ((error) => console.warn(error.message)),
  };
}

/** One call's own options, checked and merged over its client's: what each of its attempts reads. @internal */
export interface SpecCall extends Reliability {
  /** The client's wire, or with the call's own `fetch` in place of the client's. */
  readonly wire: Wire;
}

/**
 * Checks one call's options (its `timeoutMs`, `maxRetries` and `fetch`, beside openapi-fetch's)
 * and merges them over its client's: a bad value is a `ConfigurationError` naming it, before
 * anything is sent. A call's `fetch` is openapi-fetch's option, so it is called as openapi-fetch
 * documents it, with one `Request` (method, headers, body and the attempt's signal in it), on
 * every attempt.
 * @internal
 */
export function resolveSpecCall(
  settings: ClientSettings,
  call: ReliabilityOptions & { readonly fetch?: unknown },
): SpecCall {
  const fetch = callFetch(call.fetch);
  return {
    ...callReliability(settings, call),
    wire: fetch === undefined ? settings.wire : { ...settings.wire, fetch },
  };
}
