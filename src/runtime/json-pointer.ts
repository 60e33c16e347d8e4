/** Escapes one key for a JSON pointer (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function escapeToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Splits a JSON pointer into its unescaped keys; `""` (the whole document) gives none.
 *
 * @example
 * pointerKeys("/data/0/b64_json") // ["data", "0", "b64_json"]
 */
export function pointerKeys(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The value a pointer names inside `root` (own properties only), or `undefined`. */
export function valueAt(root: unknown, pointer: string): unknown {
  return pointerKeys(pointer).reduce<unknown>(
    (node, key) =>
      typeof node === "object" && node !== null && Object.hasOwn(node, key)
        ? (node as Record<string, unknown>)[key]
        : undefined,
    root,
  );
}

const DEFS = "#/$defs/";

/**
 * The `$ref` to the `$defs` entry `name`: a URI fragment holding a JSON pointer, so the name is
 * escaped as a pointer token and as a URI component (a name may hold `/`, `~`, `%` or `#`).
 *
 * @example
 * defsRef("a/b") // "#/$defs/a~1b"
 */
export function defsRef(name: string): string {
  return `${DEFS}${encodeURIComponent(escapeToken(name))}`;
}

/** The `$defs` entry a `$ref` names (the inverse of `defsRef`), or `undefined` for any other `$ref`. */
export function defsName(ref: string): string | undefined {
  if (!ref.startsWith(DEFS) || ref.indexOf("/", DEFS.length) !== -1) return undefined;
  try {
    return pointerKeys(`/${decodeURIComponent(ref.slice(DEFS.length))}`)[0];
  } catch {
    return undefined; // a malformed %-escape names nothing
  }
}
