import { RequestValidationError } from "../errors.js";
import type { CredentialParts } from "../http/credentials.js";
import { isJsonType } from "../http/response-body.js";
import { escapeToken } from "../runtime/json-pointer.js";
import { requestViolations } from "../runtime/request-violations.js";
import type { ClientSettings } from "./options.js";
import type { FoundOperation } from "./spec.js";

/** What a call gave openapi-fetch that the request no longer holds as values: path parameters, the body object. */
export interface CallInput
  extends Pick<
    RequestInit,
    "cache" | "credentials" | "integrity" | "keepalive" | "mode" | "referrer" | "referrerPolicy"
  > {
  readonly params?: { readonly path?: Readonly<Record<string, unknown>> | undefined } | undefined;
  readonly body?: unknown;
  /** The body as the serializer made it: what is sent. */
  readonly serialized?: unknown;
  /** How openapi-fetch will read the answer: `"blob"`, `"arrayBuffer"` and `"stream"` are read as bytes. */
  readonly parseAs?: string | undefined;
}

/**
 * Holds a request to its operation before it is sent, as `validateRequests` says: its query and
 * headers as they go on the wire (`url` as sent, headers from the `Request` openapi-fetch built), its path
 * parameters, and its body when it is JSON. `"strict"` throws a `RequestValidationError` naming
 * each place (`/query/limit`, `/body/name`); `"warn"` hands it to `onWarning` and sends. A
 * parameter the spec also declares for the key (`api_key` in the query, beside a scheme that puts
 * it there) is the credential's: not missing, and never checked, so no message can quote the key.
 */
export function checkRequest(
  settings: ClientSettings,
  { operationId }: FoundOperation,
  input: CallInput,
  request: Request,
  url: string,
  credential: CredentialParts | undefined,
): void {
  if (settings.validateRequests === "off") return;
  const json = isJsonType(request.headers.get("content-type") ?? "");
  const violations = requestViolations(settings.spec, operationId, {
    params: wireText(input.params?.path ?? {}),
    query: url.includes("?") ? new URL(url).searchParams : {},
    headers: request.headers,
    body: json ? input.body : undefined,
  }).filter((violation) => !credentialPlaces(credential).some((place) => isAt(violation.pointer, place)));
  if (violations.length === 0) return;
  const failure = new RequestValidationError(operationId, violations);
  if (settings.validateRequests === "strict") throw failure;
  settings.warn(failure);
}

/** The pointers of the places a credential fills: `/query/api_key`, `/header/x-api-key`, `/cookie/session`. */
function credentialPlaces(credential: CredentialParts | undefined): string[] {
  const names = (part: string, values: Readonly<Record<string, string>> | undefined, lower = false) =>
    Object.keys(values ?? {}).map((name) => `/${part}/${escapeToken(lower ? name.toLowerCase() : name)}`);
  return [
    ...names("query", credential?.query),
    ...names("header", credential?.headers, true),
    ...names("cookie", credential?.cookies),
  ];
}

/** Whether `pointer` is `place` or below it. */
function isAt(pointer: string, place: string): boolean {
  return pointer === place || pointer.startsWith(`${place}/`);
}

/** Path parameter values as the path carries them: text (`7`, not the number 7). */
function wireText(values: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));
}
