import { type ErrorBody, InvalidResponseError } from "../errors.js";

/**
 * Parses a 2xx body that the spec says is JSON. Anything else (an HTML page from a gateway,
 * `text/plain`, an empty or truncated body) is an `InvalidResponseError` that says what arrived.
 */
export function parseJsonBody(text: string, response: Response): unknown {
  const type = response.headers.get("content-type") ?? "";
  if (!/^application\/([\w.-]+\+)?json\b/i.test(type)) {
    throw new InvalidResponseError(
      `Expected a JSON body but got ${type ? `content type ${type}` : "no content type"}: ${sample(text)}`,
      response,
    );
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    const what = text.length === 0 ? "an empty body" : `JSON that does not parse (${(cause as Error).message})`;
    throw new InvalidResponseError(`Expected a JSON body but got ${what}`, response, { cause });
  }
}

function sample(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${JSON.stringify(line.slice(0, 80))}…` : JSON.stringify(line);
}

/**
 * A non-2xx body, read leniently: a JSON object (an `ErrorResponse`, or something like one) is
 * parsed; anything else (`null`, a number, an HTML page, nothing) is kept as text, so the error
 * is still the right `ApiError` for its status and never a crash.
 */
export function errorBody(text: string, response: Response): ErrorBody | string | undefined {
  if (text.trim() === "") return undefined;
  const type = response.headers.get("content-type") ?? "";
  if (/json/i.test(type) || text.trimStart().startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed as ErrorBody;
    } catch {
      // not JSON after all: the text itself is the best account of what went wrong
    }
  }
  return text;
}
