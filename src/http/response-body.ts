import { type Answered, type ErrorBody, type ErrorContext, InvalidResponseError } from "../errors.js";

/**
 * What an HTML page in place of the API's JSON most often means: a base URL that is not the API
 * root (the usual one: `/api` left off), so the page is a website's or a gateway's. `apiRoot`, the
 * client's own default root, is the example: another spec's client names its API's, never Sudo's.
 */
function htmlHint(apiRoot: string | undefined): string {
  return `an HTML page, not the API's JSON: check that baseUrl is the API root${apiRoot ? `, such as ${apiRoot}` : ""}`;
}

/** Whether a content type is an HTML page. */
function isHtml(type: string): boolean {
  return /^text\/html\b/i.test(type);
}

/**
 * Parses a 2xx body that the spec says is JSON. Anything else (an HTML page from a gateway,
 * `text/plain`, an empty body, JSON the server cut short) is an `InvalidResponseError` that says
 * what arrived; `apiRoot` is the example root an HTML page's hint names.
 */
export function parseJsonBody(
  text: string,
  response: Answered,
  context: ErrorContext = {},
  apiRoot: string | undefined = undefined,
): unknown {
  const type = response.headers.get("content-type") ?? "";
  if (!isJsonType(type)) {
    const what = `${isHtml(type) ? htmlHint(apiRoot) : type ? `content type ${type}` : "no content type"}: ${sample(text)}`;
    throw new InvalidResponseError(`Expected a JSON body but got ${what}`, response, context);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    const what = text.length === 0 ? "an empty body" : `JSON that does not parse (${(cause as Error).message})`;
    throw new InvalidResponseError(`Expected a JSON body but got ${what}`, response, { ...context, cause });
  }
}

/** A JSON media type: `application/json`, or `application/<anything>+json`, with any parameters. */
export function isJsonType(type: string): boolean {
  return /^application\/([\w.-]+\+)?json\b/i.test(type);
}

function sample(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${JSON.stringify(line.slice(0, 80))}…` : JSON.stringify(line);
}

/** A non-2xx body as `errorBody` reads it. */
export interface ErrorBodyReading {
  /** The `ErrorResponse` (or object like one), else the raw text; `undefined` when empty. */
  body: ErrorBody | string | undefined;
  /** The server's own words, when the body has any. */
  message?: string;
  /** What to hold to the spec: the parsed JSON, or the text when it was not JSON. */
  value: unknown;
}

/**
 * A non-2xx body, read leniently, and the server's message in it. A JSON object (an
 * `ErrorResponse`, or something like one) is parsed, its `error.message` is the message; a JSON
 * string is the message; other JSON (`null`, a number, an array) says nothing, so the status text
 * will; anything else (an HTML page, plain text) is kept as text and is its own message. Whatever
 * arrives, the error is the right `ApiError` for its status and never a crash. `apiRoot` is the
 * example root an HTML page's hint names.
 */
export function errorBody(text: string, response: Answered, apiRoot: string | undefined): ErrorBodyReading {
  if (text.trim() === "") return { body: undefined, value: undefined };
  const type = response.headers.get("content-type") ?? "";
  const parsed = parseLeniently(text, type);
  if (parsed === NOT_JSON) return { body: text, message: isHtml(type) ? htmlHint(apiRoot) : text, value: text };
  if (typeof parsed === "string") return { body: text, message: parsed, value: parsed };
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { body: text, value: parsed };
  const error = (parsed as { error?: { message?: unknown } }).error;
  const reading: ErrorBodyReading = { body: parsed as ErrorBody, value: parsed };
  if (typeof error?.message === "string") reading.message = error.message;
  return reading;
}

const NOT_JSON = Symbol("not JSON");

function parseLeniently(text: string, type: string): unknown {
  if (!/json/i.test(type) && !/^\s*[{["]/.test(text)) return NOT_JSON;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}
