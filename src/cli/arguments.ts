/** A bad command line: the command exits with 2 and says what to fix. */
export class UsageError extends Error {}

/**
 * A flag's value read as a whole number, or `undefined` when the flag was not given; anything
 * else is a `UsageError` naming the flag. Each command checks the number's range itself, by the
 * option it sets.
 *
 * @example
 * integer("40", "--budget") // 40
 * integer("forty", "--budget") // throws UsageError: --budget takes a whole number, not "forty"
 */
export function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, not "${value}"`);
  return Number(value);
}
