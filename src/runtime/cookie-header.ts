/**
 * The `name=value` pairs of `Cookie` header lines (`a=1; b=2`), in order, values trimmed and left
 * as sent (not percent-decoded); a pair with no name or no `=` is left out. What a cookie
 * parameter and a cookie credential are read from: one reading for both.
 *
 * @example
 * cookiePairs(["session=abc; theme=dark"]) // [["session", "abc"], ["theme", "dark"]]
 */
export function cookiePairs(lines: readonly string[]): [name: string, value: string][] {
  const pairs: [string, string][] = [];
  for (const pair of lines.flatMap((line) => line.split(";"))) {
    const equals = pair.indexOf("=");
    if (equals > 0) pairs.push([pair.slice(0, equals).trim(), pair.slice(equals + 1).trim()]);
  }
  return pairs;
}
