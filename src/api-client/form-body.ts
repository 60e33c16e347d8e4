import type { ClientRoute } from "./spec.js";

/** What a call hands openapi-fetch that decides how its body is written. */
interface BodyInit {
  headers?: unknown;
  body?: unknown;
}

const URLENCODED = "application/x-www-form-urlencoded";

/**
 * A call's options with its body written as the operation's spec says when the caller did not
 * say: an `application/x-www-form-urlencoded` body gets that content type (openapi-fetch then
 * writes the object as form fields), and a `multipart/form-data` body given as a plain object
 * becomes a `FormData` (a list repeats its field, a `Blob` stays a file, anything else its text).
 * A JSON operation's call, or one with its own content type or `FormData`, is left as it is.
 *
 * @example
 * withSpecBody({ requestType: "application/x-www-form-urlencoded" }, { body: { grant_type: "client_credentials" } })
 * // { body: { grant_type: "client_credentials" }, headers: { "content-type": "application/x-www-form-urlencoded" } }
 */
export function withSpecBody<Init extends BodyInit>(route: ClientRoute, init: Init): Init {
  const { requestType } = route;
  if (requestType === undefined || init.body === undefined || hasContentType(init.headers)) return init;
  if (requestType.toLowerCase().startsWith(URLENCODED)) {
    return { ...init, headers: { ...(init.headers as object | undefined), "content-type": URLENCODED } };
  }
  if (/^multipart\/form-data\b/i.test(requestType) && isPlainObject(init.body)) {
    return { ...init, body: formData(init.body) };
  }
  return init;
}

function hasContentType(headers: unknown): boolean {
  if (headers instanceof Headers) return headers.has("content-type");
  return (
    typeof headers === "object" && headers !== null && Object.keys(headers).some((name) => /^content-type$/i.test(name))
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function formData(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const each of Array.isArray(value) ? value : [value]) {
      if (each === undefined || each === null) continue;
      form.append(name, each instanceof Blob ? each : typeof each === "object" ? JSON.stringify(each) : String(each));
    }
  }
  return form;
}
