import { type ParseArgsConfig, parseArgs } from "node:util";
import { closestFlag } from "./flag-names.js";

/** A bad command line: the command exits with 2 and says what to fix. */
export class UsageError extends Error {}

/** One command's flags, as parseArgs takes them. */
type Options = NonNullable<ParseArgsConfig["options"]>;

/** Each command's flags, by the command's name, as parseArgs takes them. */
export type CommandFlags = Readonly<Record<string, Options>>;

/** A command line read by parseArgs: flag values by name, and the words. */
export interface ParsedLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * A first look at a command line, knowing every command's flags: the command is its first word
 * (not a flag, nor a flag's value); `--help` and `--version` show up whatever the command. Nothing
 * is refused here: `parseCommand` reads the line again with the command's own flags.
 */
export function firstLook(argv: string[], commands: CommandFlags): ParsedLine {
  const options: Options = Object.assign({}, ...Object.values(commands));
  return parseArgs({ args: argv, options, allowPositionals: true, strict: false }) as ParsedLine;
}

/**
 * The command line read with `command`'s own flags alone. A flag of another command (`generate
 * --dry-run`, which would otherwise generate and pay) or of none is a `UsageError` naming the flag
 * and the command, with the nearest flag of its own when one is close.
 *
 * @example
 * parseCommand(["generate", "a fox", "--dry-run"], "generate", commands)
 * // throws UsageError: --dry-run is a flag of verify, not of generate
 */
export function parseCommand(argv: string[], command: string, commands: CommandFlags): ParsedLine {
  const options = commands[command] ?? {};
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as ParsedLine;
  } catch (error) {
    throw misused((error as Error).message, command, commands);
  }
}

function misused(message: string, command: string, commands: CommandFlags): UsageError {
  // Node's messages go on with advice about "--"; the first sentence is the useful part.
  const first = message.split(/\.\s/)[0] as string;
  // `--n -1`: Node reads -1 as a flag and calls the line "ambiguous"; say how such a value is written.
  const dashed = /^Option '(--[^' ]+)' argument is ambiguous/.exec(first)?.[1];
  if (dashed !== undefined)
    return new UsageError(`${dashed} needs a value; one that starts with a dash is written ${dashed}=-…`);
  const unknown = /^Unknown option '(-[^']+)'/.exec(first)?.[1];
  if (unknown === undefined) return new UsageError(first);
  const name = unknown.replace(/^--?/, "");
  const owner = Object.keys(commands).find((other) => Object.hasOwn(commands[other] ?? {}, name));
  if (owner !== undefined) return new UsageError(`${unknown} is a flag of ${owner}, not of ${command}`);
  const own = Object.keys(commands[command] ?? {}).map((flag) => `--${flag}`);
  const guess = closestFlag(unknown, own);
  return new UsageError(`Unknown option '${unknown}' for ${command}${guess ? `; did you mean ${guess}?` : ""}`);
}

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
