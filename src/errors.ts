import type { components } from "./generated/schema.js";
import { oneLine } from "./http/shown-text.js";
import type { ImageData, ImageGeneration, ImageUsage } from "./models.js";
import type { SpecViolation } from "./runtime/types.js";
import { describeViolations } from "./runtime/validation.js";

/** The body of a failed request, as the spec defines it. */
export type ErrorBody = components["schemas"]["ErrorResponse"];

/**
 * The base of every error this package throws, so one `instanceof` catches them all.
 *
 * @example
 * try { await client.generate({ prompt, model }); }
 * catch (error) { if (error instanceof SudoImagesError) console.error(error.message); }
 */
export class SudoImagesError extends Error {
  override name = "SudoImagesError";
  /** How many attempts the call made before failing with this error (0 when nothing was sent). */
  declare readonly attempts: number;
  /** The server's id (`x-request-id`) of the last response the call got, if any. */
  declare readonly requestId: string | undefined;

  /**
   * Every message is one line of at most 500 characters, whatever a server sent; details stay on
   * fields. Every field is set here, once: an error is complete when it is made.
   */
  constructor(message: string, options: ErrorContext = {}) {
    super(
      oneLine(options.note ? `${message}; ${options.note}` : message, MAX_MESSAGE) ?? "",
      "cause" in options ? { cause: options.cause } : undefined,
    );
    this.attempts = options.attempts ?? 1;
    this.requestId = options.requestId;
  }
}

/** Where in a call an error was made: its attempt and the last request id the server gave. */
export interface ErrorContext {
  /** What caused it (a network error, a parse error). */
  cause?: unknown;
  /** The attempt it ends (0: nothing was sent). @default 1 */
  attempts?: number | undefined;
  /** The last `x-request-id` the server sent in this call, when the error's own answer has none. */
  requestId?: string | undefined;
  /** What the spec says of the request that the server may not (a model shut down, and its replacement): ends the message. */
  note?: string | undefined;
}

/** The server's id for a response (`x-request-id`), which a support ticket needs. */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get("x-request-id") ?? undefined;
}

/** The longest `message` any error of this package has. */
const MAX_MESSAGE = 500;
const MARK = Symbol.for("sudo-images.error");
Object.defineProperty(SudoImagesError.prototype, MARK, { value: true });

/**
 * True for an error of this package, even one thrown by another copy of it (two versions in one
 * bundle, or another realm), where `instanceof` says no. Check `name` for the class.
 *
 * @example
 * if (isSudoImagesError(error) && error.name === "RateLimitError") retryLater();
 */
export function isSudoImagesError(error: unknown): error is SudoImagesError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[MARK] === true;
}

/**
 * The client cannot work as configured: an invalid option or a browser key (raised at creation),
 * or no usable API key (raised at the call, before anything is sent).
 */
export class ConfigurationError extends SudoImagesError {
  override name = "ConfigurationError";
  /** Nothing was sent: `attempts` is 0. */
  constructor(message: string, options: ErrorContext = {}) {
    super(message, { attempts: 0, ...options });
  }
}

/** No API key was given or found in `SUDO_API_KEY` (raised at the call, before anything is sent). */
export class MissingApiKeyError extends ConfigurationError {
  override name = "MissingApiKeyError";
}

/** What every API error knows about the exchange that failed. */
export interface ApiErrorDetails {
  status: number;
  /** The status line's text, such as `Service Unavailable`: the message when the body has none. */
  statusText?: string | undefined;
  method: string;
  url: string;
  headers: Headers;
  /** The parsed `ErrorResponse`, or the raw text when the body was not one. */
  body: ErrorBody | string | undefined;
  /** The server's own words, when the body has any (`error.message`, or a text body). */
  message?: string | undefined;
  /** How the answer breaks the spec (an undocumented status, a body off its schema). */
  violations?: readonly SpecViolation[] | undefined;
  /** The attempt this answer ends, and the call's last request id before it. */
  context?: ErrorContext | undefined;
}

/**
 * The server answered with a non-2xx status. Subclasses name the common statuses; `status`,
 * the server's `body`, and `requestId` (from `x-request-id`) are on every one.
 */
export class ApiError extends SudoImagesError {
  override name = "ApiError";
  /** The HTTP status, such as 429. */
  declare readonly status: number;
  /** The response headers (`retry-after`, `x-request-id`, …). */
  declare readonly headers: Headers;
  /** The parsed `ErrorResponse`, or the raw text when the body was not one. */
  declare readonly body: ErrorBody | string | undefined;
  /** `error.type` from the body, such as `invalid_request_error`. */
  declare readonly type: string | undefined;
  /** `error.code` from the body, when the server sent one. */
  declare readonly code: string | undefined;
  /** `error.param` from the body: the request field the error is about. */
  declare readonly param: string | undefined;
  /**
   * How this answer breaks the spec: a status it does not document, or a body that does not
   * match the status's schema (each with its JSON pointer). Error bodies are held to the spec
   * leniently: a mismatch lands here and the error is still the one its status calls for. Empty
   * when the answer conforms, or with `validateResponses: "off"`.
   */
  declare readonly violations: readonly SpecViolation[];

  constructor(details: ApiErrorDetails) {
    const detail = errorDetail(details.body);
    const serverMessage = details.message ?? detail.message;
    const requestId = requestIdOf(details.headers);
    const reason = serverMessage
      ? `: ${oneLine(serverMessage, 300)}`
      : details.statusText
        ? ` ${details.statusText}`
        : "";
    super(
      `${details.method} ${details.url} failed with status ${details.status}${reason}` +
        (requestId ? ` (request id ${requestId})` : ""),
      { ...details.context, requestId: requestId ?? details.context?.requestId },
    );
    this.status = details.status;
    this.headers = details.headers;
    this.body = details.body;
    this.type = detail.type;
    this.code = detail.code;
    this.param = detail.param;
    this.violations = details.violations ?? [];
  }

  /**
   * The error class for a status, picked in this one place.
   *
   * @example
   * throw ApiError.from({ status: 429, ... }); // a RateLimitError
   */
  static from(details: ApiErrorDetails): ApiError {
    const ErrorClass = STATUS_CLASSES[details.status] ?? (details.status >= 500 ? InternalServerError : ApiError);
    return new ErrorClass(details);
  }
}

/** 400: the server rejected the request as malformed. */
export class BadRequestError extends ApiError {
  override name = "BadRequestError";
  declare readonly status: 400;
}
/** 401: the API key is missing, wrong or revoked. */
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
  declare readonly status: 401;
}
/** 403: the key is valid but not allowed to do this. */
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
  declare readonly status: 403;
}
/** 404: the endpoint or model was not found (often a wrong base URL). */
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
  declare readonly status: 404;
}
/** 409: the request conflicts with another, such as a reused idempotency key. */
export class ConflictError extends ApiError {
  override name = "ConflictError";
  declare readonly status: 409;
}
/** 422: the request was well-formed but could not be processed. */
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
  declare readonly status: 422;
}
/** 429: too many requests, or out of quota; retried after the server's `Retry-After`. */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
  declare readonly status: 429;
}
/** 5xx: the server or a gateway failed. */
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}

const STATUS_CLASSES: Record<number, new (details: ApiErrorDetails) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * The connection failed: DNS, refused, reset before or while the response came, TLS.
 * The network error is the `cause`.
 */
export class ConnectionError extends SudoImagesError {
  override name = "ConnectionError";
  /** `during` says when, such as " while reading the body" (a body cut off mid-transfer). */
  constructor(method: string, url: string, options: ErrorContext & { cause: unknown }, during = "") {
    super(`${method} ${url} failed${during}: connection error: ${causeText(options.cause)}`, options);
  }
}

/** An attempt took longer than `timeoutMs` (retried like a lost connection). */
export class TimeoutError extends SudoImagesError {
  override name = "TimeoutError";
}

/** What an error needs of a response: its status and headers. */
export type Answered = Pick<Response, "status" | "headers">;

/**
 * The response arrived whole but its body is not usable: not JSON (an HTML page, JSON cut short by
 * the server), the wrong content type, too large. A body cut off mid-transfer is a `ConnectionError`.
 */
export class InvalidResponseError extends SudoImagesError {
  override name = "InvalidResponseError";
  /** The HTTP status of the unusable response; 0 where none could be read (headers over the limit, a browser's opaque redirect). */
  declare readonly status: number;
  constructor(message: string, response: Answered, options: ErrorContext = {}) {
    const requestId = requestIdOf(response.headers);
    const said = [response.status > 0 ? `status ${response.status}` : "", requestId ? `request id ${requestId}` : ""];
    const details = said.filter(Boolean).join(", ");
    super(details ? `${message} (${details})` : message, { ...options, requestId: requestId ?? options.requestId });
    this.status = response.status;
  }
}

/**
 * The API answered with a redirect, which it never does: the call is refused rather than sent on
 * to `location` (which could be another host, or plain http). Not retried.
 */
export class RedirectError extends InvalidResponseError {
  override name = "RedirectError";
  /** Where the response pointed (`Location`), or `undefined` where the runtime hides it (browsers). */
  declare readonly location: string | undefined;
  constructor(what: string, response: Answered, context: ErrorContext = {}) {
    const location = response.headers.get("location") ?? undefined;
    super(
      `${what} answered with a redirect (${response.status}) to ${location ?? "a hidden location"}; refused`,
      response,
      context,
    );
    this.location = location;
  }
}

/**
 * The API answered 2xx with no image at all (`data: []`, or no `data` list where nothing held the
 * answer to the spec): the call succeeded on the wire and still gave nothing to save, as a content
 * filter can. Not retried; `requestId` says which answer.
 */
export class NoImagesError extends SudoImagesError {
  override name = "NoImagesError";
  constructor(what: string, context: ErrorContext) {
    const { requestId } = context;
    super(`${what} answered with no image (data is empty)${requestId ? ` (request id ${requestId})` : ""}`, context);
  }
}

/** A sub-call of a fanned-out call that failed: which one (1-based, in request order), and why. */
export interface FailedSubCall {
  call: number;
  error: unknown;
}

/** What a fanned-out call ended with: its sub-calls, the ones that failed, and what the others paid for. */
export interface PartialOutcome {
  /** How many sub-calls the call made. */
  calls: number;
  failures: readonly FailedSubCall[];
  /** The sub-calls that succeeded, merged (images in order, usage summed); absent when none did. */
  paid: { data: ImageGeneration; requestIds: readonly string[]; attempts: number } | undefined;
  /** Why the call stopped early (the signal's reason), when it did. */
  cause?: unknown;
}

/**
 * A call fanned out into sub-calls (more images than one call may give) and not all of them
 * brought images: some failed, or the call was cancelled halfway. Nothing paid for is lost:
 * `result` holds every image that arrived, with the usage and request ids of the calls that were
 * paid; `failedCalls` and `errors` say which sub-calls failed and why.
 *
 * @example
 * catch (error) { if (error instanceof PartialGenerationError) await saveImages(error.result, "./out"); }
 */
export class PartialGenerationError extends SudoImagesError {
  override name = "PartialGenerationError";
  /** What arrived, as a result `saveImages` takes: the images in sub-call order, usage summed. */
  declare readonly result: ImageGeneration;
  /** The images that arrived (`result.data`). */
  declare readonly images: readonly ImageData[];
  /** The token usage of the sub-calls that were paid, summed, when each reported it. */
  declare readonly usage: ImageUsage | undefined;
  /** The request id of each sub-call that was paid, in order: what a support ticket or a refund names. */
  declare readonly requestIds: readonly string[];
  /** Which sub-calls failed, numbered from 1 in request order. */
  declare readonly failedCalls: readonly number[];
  /** Why each failed sub-call failed, in the order of `failedCalls`. */
  declare readonly errors: readonly unknown[];
  constructor({ calls, failures, paid, cause }: PartialOutcome) {
    const result = paid?.data ?? { data: [] };
    const [first] = failures;
    const why =
      cause === undefined
        ? `${failures.length} of ${calls} sub-calls failed (sub-call ${first?.call}: ${messageOf(first?.error)})`
        : `the call was cancelled (${messageOf(cause)}) with ${failures.length} of ${calls} sub-calls unfinished`;
    super(`${why}; ${result.data.length} image(s) arrived and are on \`result\``, {
      ...(cause === undefined ? {} : { cause }),
      attempts: failures.reduce((sum, { error }) => sum + attemptsOf(error), paid?.attempts ?? 0),
      requestId: paid?.requestIds[0],
    });
    this.result = result;
    this.images = result.data;
    this.usage = result.usage;
    this.requestIds = paid?.requestIds ?? [];
    this.failedCalls = failures.map((failure) => failure.call);
    this.errors = failures.map((failure) => failure.error);
  }
}

/**
 * Your `onImages` callback threw. Reported through `onWarning`, never thrown: the images it was
 * told about were paid for, and the call goes on to return them.
 */
export class CallbackError extends SudoImagesError {
  override name = "CallbackError";
  constructor(callback: string, cause: unknown) {
    super(`${callback} threw (${messageOf(cause)}); the call went on and returns every image`, { cause, attempts: 0 });
  }
}

function attemptsOf(error: unknown): number {
  return error instanceof SudoImagesError ? error.attempts : 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An image could not be had from a result item or saved: malformed base64, no data, a failed download, a bad file name. */
export class ImageError extends SudoImagesError {
  override name = "ImageError";
  /** The files `saveImages` had written before this image failed (empty elsewhere). */
  declare readonly written: readonly string[];
  constructor(message: string, options?: { cause?: unknown; written?: readonly string[] }) {
    super(message, options);
    this.written = options?.written ?? [];
  }
}

export type { SpecViolation } from "./runtime/types.js";

/** A body breaks the spec; `violations` says where and how. */
export class SpecValidationError extends SudoImagesError {
  override name = "SpecValidationError";
  /** The schema the body was checked against, such as `ImageGeneration`. */
  declare readonly schema: string;
  /** Each place the body breaks the spec. */
  declare readonly violations: readonly SpecViolation[];
  constructor(what: string, schema: string, violations: readonly SpecViolation[], context: ErrorContext = {}) {
    super(`${what} does not match ${schema} in the spec: ${describeViolations(violations)}`, context);
    this.schema = schema;
    this.violations = violations;
  }
}

/** A 2xx response body does not match the spec. */
export class ResponseValidationError extends SpecValidationError {
  override name = "ResponseValidationError";
  constructor(schema: string, violations: readonly SpecViolation[], context: ErrorContext = {}) {
    super("Response", schema, violations, context);
  }
}

/** The request does not match the spec (or JSON cannot hold it); caught before anything was sent. */
export class RequestValidationError extends SpecValidationError {
  override name = "RequestValidationError";
  /** Nothing was sent: `attempts` is 0. */
  constructor(schema: string, violations: readonly SpecViolation[]) {
    super("Request", schema, violations, { attempts: 0 });
  }
}

/**
 * `error.message`, `type`, `code` and `param` of an error body, each kept only when it is a string.
 * Read leniently, field by field: servers send fields the spec does not name (the upstream spec has
 * no `code` or `param`) and bodies that break it, and an error must still come out right.
 */
function errorDetail(body: unknown): {
  message?: string | undefined;
  type?: string | undefined;
  code?: string | undefined;
  param?: string | undefined;
} {
  const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error !== "object" || error === null) return {};
  const fields = error as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string) : undefined);
  return { message: text("message"), type: text("type"), code: text("code"), param: text("param") };
}

function causeText(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // undici puts the useful part (ECONNREFUSED 127.0.0.1:1234) on the cause of "fetch failed".
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  return `${cause.message}${inner}`;
}
