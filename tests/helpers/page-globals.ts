/** The globals that make this process look like a web page to the client. */
export type PageGlobal = "window" | "document";

/**
 * Runs `body` with the page globals `parts` set (both by default) and removes them after it
 * settles, so a Node test sees what the client does in a page, without a browser.
 */
export async function asPage<T>(
  body: () => T | Promise<T>,
  parts: readonly PageGlobal[] = ["window", "document"],
): Promise<T> {
  const scope = globalThis as Record<string, unknown>;
  for (const part of parts) scope[part] = {};
  try {
    return await body();
  } finally {
    for (const part of parts) delete scope[part];
  }
}
