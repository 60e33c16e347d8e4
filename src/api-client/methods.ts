import { ConfigurationError } from "../errors.js";
import { checkBaseUrl, shownValue } from "../http/settings.js";

/** How openapi-fetch reads an answer whose bytes must reach it as they came (a file, an image). */
const BINARY = new Set(["blob", "arrayBuffer", "stream"]);

/**
 * Whether a call's `parseAs` reads the answer as bytes: then a 2xx body is read as bytes and
 * handed back as it came (`Outgoing.binary`), never decoded as text and encoded again, which
 * would turn bytes that are not UTF-8 into U+FFFD. Both openapi-fetch clients read it here.
 */
export function readsBytes(parseAs: unknown): boolean {
  return typeof parseAs === "string" && BINARY.has(parseAs);
}

/** The methods of an openapi-fetch client that send one request. */
const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** One sending method of an openapi-fetch client, as the package wraps it. */
// biome-ignore lint/suspicious/noExplicitAny: openapi-fetch's options differ per path; each wrapper reads its own part.
export type MethodCall = (path: string, init?: any) => Promise<any>;

/**
 * A copy of an openapi-fetch client whose sending methods each go through `wrap`, and whose
 * `request(method, …)` goes through them too, so that no call reaches openapi-fetch's own fetch
 * unwrapped; `use` and `eject` are its own. A call's own options are checked first (`checkedCall`).
 */
export function wrappedMethods<Client extends object>(
  inner: Client,
  wrap: (method: string, call: MethodCall) => MethodCall,
): Client {
  const client = { ...inner } as Record<string, unknown>;
  for (const method of METHODS) {
    const wrapped = wrap(method, (inner as Record<string, unknown>)[method] as MethodCall);
    client[method] = async (path: string, init?: Record<string, unknown>) => wrapped(path, checkedCall(init));
  }
  client.request = async (method: unknown, path: string, init?: unknown) => {
    const name = String(method).toUpperCase();
    if (!(METHODS as readonly string[]).includes(name)) {
      throw new ConfigurationError(
        `request() takes one of ${METHODS.join(", ")}; got ${JSON.stringify(String(method))}`,
      );
    }
    return (client[name] as MethodCall)(path, init);
  };
  return client as Client;
}

/**
 * A call's options, checked where openapi-fetch would take them as they come:
 * - its own `baseUrl`, as a client's is: openapi-fetch would send the request, and the key, to any
 *   text (`file:`, `data:`), and build one from a URL with a password into a `TypeError` that
 *   prints the password. Left out, `null` or `""`, the client's (as openapi-fetch takes them, and
 *   as every option left out or `null` is);
 * - its `redirect`: fetch's option, which the types accept, but the package never follows one (a
 *   `RedirectError` says where it pointed, as `"manual"` and `"error"` ask), so `"follow"` would
 *   be dropped in silence.
 */
function checkedCall(init: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (init?.redirect != null && init.redirect !== "manual" && init.redirect !== "error") {
    throw new ConfigurationError(
      `redirect must be "manual", "error" or left out: no redirect is followed (a RedirectError says where it points); got ${shownValue(init.redirect)}`,
    );
  }
  if (init?.baseUrl == null || init.baseUrl === "") return init;
  return { ...init, baseUrl: checkBaseUrl(init.baseUrl as string | URL, "a call's baseUrl") };
}
