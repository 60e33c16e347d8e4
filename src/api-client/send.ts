import { ApiError, type ErrorContext } from "../errors.js";
import { asResponse } from "../http/as-response.js";
import { exchange, type Outgoing, type Received, type Wire } from "../http/exchange.js";
import { errorBody } from "../http/response-body.js";
import { isRetryable, type RetryPolicy, retrying } from "../http/retry.js";
import { displayUrl } from "../http/secrets.js";
import { withTimeout } from "../http/timeout.js";
import { credentialFor, withCredentialHeaders, withCredentialQuery } from "./credentials.js";
import { readsBytes } from "./methods.js";
import type { ClientSettings, SpecCall } from "./options.js";
import { type CallInput, checkRequest } from "./request-check.js";
import type { FoundOperation } from "./spec.js";

/** Methods a retry cannot make happen twice (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"]);

/**
 * One call's request, as openapi-fetch built it, sent by the rules every door keeps: checked
 * against the spec, the credential placed, each attempt one `exchange` (no redirect, the size
 * cap, the key scrubbed) under `timeoutMs`, retried by the call's policy only when a retry is
 * safe (an idempotent method, or an `Idempotency-Key` header), each attempt holding one of the
 * client's `maxConcurrency` slots. `call` is the client's timeout, policy and wire with the
 * call's own options over them. Handed back as a `Response` read whole; what is not an answer (no
 * connection, a timeout, a redirect, too large) is a typed error.
 */
export async function send(
  settings: ClientSettings,
  operation: FoundOperation,
  input: CallInput,
  request: Request,
  call: SpecCall,
): Promise<Response> {
  const url = withoutFragment(request.url);
  const { parts, key } = credentialFor(settings, operation.route, url);
  checkRequest(settings, operation, input, request, url, parts);
  const { method } = request;
  // A copy: openapi-fetch hands `request` to onResponse and onError middleware, which may log it.
  const headers = withCredentialHeaders(new Headers(request.headers), parts);
  const outgoing: Outgoing = {
    method,
    // Shown before the credential joins the query, so no message or log line holds a query key.
    shownUrl: displayUrl(url),
    input: withCredentialQuery(url, parts),
    headers,
    body: await bodyOf(input.serialized, request),
    options: fetchOptions(input),
    key,
    binary: readsBytes(input.parseAs),
  };
  // A form gets a new boundary each time it is sent, which fetch writes into the content type.
  if (outgoing.body instanceof FormData) headers.delete("content-type");
  const policy = retriable(method, request.headers) ? call.policy : { ...call.policy, maxRetries: 0 };
  const received = await retrying(
    (context) =>
      settings.limit.run(
        () =>
          withTimeout(
            (signal) => attempt(settings, call.wire, outgoing, policy, signal, context),
            call.timeoutMs,
            request.signal,
            () => `${method} ${outgoing.shownUrl} (attempt ${context.attempts})`,
            context,
          ),
        request.signal,
      ),
    policy,
    request.signal,
    call.wire.log ?? (() => {}),
  );
  return asResponse(received, settings.spec.baseUrl);
}

/**
 * The URL as a server receives it: a path template's `#fragment` (Box tells operations on one path
 * apart so) is no part of a request, and openapi-fetch appends the query after it, where the
 * fragment would swallow it: the query is kept, the fragment dropped.
 */
function withoutFragment(url: string): string {
  const hash = url.indexOf("#");
  if (hash < 0) return url;
  const query = url.indexOf("?", hash);
  return url.slice(0, hash) + (query < 0 ? "" : url.slice(query));
}

/**
 * The body every attempt sends: as the serializer made it when fetch can send that again (text,
 * bytes, a `Blob`, a form, search parameters), else the request's bytes, read once (a stream).
 */
async function bodyOf(serialized: unknown, request: Request): Promise<BodyInit | undefined> {
  if (request.body === null) return undefined;
  const reusable =
    typeof serialized === "string" ||
    serialized instanceof Blob ||
    serialized instanceof FormData ||
    serialized instanceof URLSearchParams ||
    serialized instanceof ArrayBuffer ||
    ArrayBuffer.isView(serialized);
  return reusable ? (serialized as BodyInit) : request.arrayBuffer();
}

/** fetch's own options a call may set beside openapi-fetch's, sent with the request the wire builds. */
const FETCH_OPTIONS = ["cache", "credentials", "integrity", "keepalive", "mode", "referrer", "referrerPolicy"] as const;

/**
 * fetch's own options as the call set them, sent with the URL, headers and body taken apart
 * above, or a call's `integrity` (or, in a browser, its `credentials` and `mode`) would be dropped
 * though its type accepts it. Read from the call's options, not from the `Request` openapi-fetch
 * built (whose getters, and defaults passed to fetch again, cost a tenth of a small call); only
 * those it set. `signal` and `redirect` are the wire's.
 */
function fetchOptions(input: CallInput): RequestInit | undefined {
  let options: Record<string, unknown> | undefined;
  for (const name of FETCH_OPTIONS) {
    if (input[name] != null) {
      options ??= {};
      options[name] = input[name];
    }
  }
  return options;
}

function retriable(method: string, headers: Headers): boolean {
  return IDEMPOTENT.has(method) || headers.has("idempotency-key");
}

/**
 * One exchange. An answer whose status says "later" (429, 5xx, …) is thrown as its `ApiError` while
 * retries remain, for `retrying` to wait (by its `Retry-After`) and try again; the last one is the
 * caller's, as openapi-fetch's `{ error }`.
 */
async function attempt(
  settings: ClientSettings,
  wire: Wire,
  outgoing: Outgoing,
  policy: RetryPolicy,
  signal: AbortSignal,
  context: ErrorContext & { attempts: number },
): Promise<Received> {
  const received = await exchange(wire, outgoing, signal, context);
  const { response, text } = received;
  if (response.ok || context.attempts > policy.maxRetries) return received;
  const { body, message } = errorBody(text, response, settings.spec.baseUrl);
  const error = ApiError.from({ ...response, method: outgoing.method, url: outgoing.shownUrl, body, message, context });
  if (isRetryable(error)) throw error;
  return received;
}
