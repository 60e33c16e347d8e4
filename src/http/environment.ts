/**
 * Reads an environment variable where there is a `process` (Node, Bun, Deno's compat layer),
 * and gives `undefined` elsewhere, such as in a browser, without touching a missing global. Where
 * reading it is not allowed (Deno without `--allow-env`) it is treated as unset, not as a failure.
 */
export function readEnv(name: string): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    const value = env?.[name]?.trim();
    return value === "" ? undefined : value;
  } catch {
    return undefined;
  }
}
