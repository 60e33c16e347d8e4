import { InvalidResponseError } from "./errors.js";

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
