// Bun and Deno run this file: the servers come as the first argument, the results go to stdout.
import { runChecks, type Servers } from "./checks.ts";

declare const Deno: { args: string[] } | undefined;
const args: string[] =
  typeof Deno !== "undefined"
    ? Deno.args
    : (globalThis as unknown as { process: { argv: string[] } }).process.argv.slice(2);
console.log(JSON.stringify(await runChecks(JSON.parse(args[0] ?? "{}") as Servers)));
