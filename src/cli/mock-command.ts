import { parseArgs } from "node:util";
import { oneLine } from "../http/shown-text.js";
import { startMockServer } from "../testing/mock-server.js";
import { CACHE_DIR_ENV } from "./cache-folder.js";
import { loadSpecFolder } from "./load-spec-folder.js";
import type { Output } from "./progress.js";
import { stderrLine } from "./stderr-line.js";

const FLAGS = {
  spec: { type: "string" },
  port: { type: "string" },
  seed: { type: "string" },
  "api-key": { type: "string" },
  "no-cache": { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** `sudo-images mock --help`. */
const MOCK_HELP = `Usage: sudo-images mock [--spec FILE] [--port N] [--seed N] [--api-key KEY] [--no-cache]

Serves a mock of any OpenAPI 3.0/3.1 spec on 127.0.0.1 until Ctrl-C: requests are routed by the
spec's paths and methods (404 unknown path, 405 undeclared method), credentials checked by its
security schemes, bodies checked against it (400 naming each violation), answers taken from its examples or generated from its schemas.
Without --spec, the Sudo images API from this package's own spec, drawing real images (try it:
SUDO_BASE_URL=<the URL> SUDO_API_KEY=any sudo-images generate "a fox").

  --spec FILE     the spec (JSON or YAML); default: the Sudo images API
  --port N        the port to listen on (default: any free port)
  --seed N        changes the generated answers, the same for the same seed (default 0)
  --api-key KEY   accept only KEY, where each operation's security scheme puts it (bearer,
                  header, query or cookie key, basic's user:password); a missing credential is
                  the spec's 401, a wrong one its 403 if documented, else 401 (the Sudo images
                  API: 401, as the real one). Default: any credential in its place, which fails
                  verify's wrong-key check: give verify the same --api-key
  --no-cache      generate the spec's folder again, neither reading nor writing the cache
                  (${CACHE_DIR_ENV} or ~/.cache/sudo-images) where a second start of the same
                  spec files finds it

Exit codes: 0 stopped by Ctrl-C or SIGTERM, 1 the spec cannot be generated or the port is taken,
2 bad arguments.`;

/**
 * What a mock without `--api-key` says on stderr: it takes any key, so a wrong key is not refused,
 * and `verify` against it fails its wrong-key check (the help's own `SUDO_API_KEY=any` invites that).
 */
const ANY_KEY =
  "any key is accepted; start with --api-key KEY (and give verify the same key) to have a wrong one refused";

/**
 * `sudo-images mock [--spec FILE]`: loads the spec's folder (cached, or generated), or takes the
 * Sudo images API's own (drawing real images) when no spec is given, and serves it
 * until SIGINT or SIGTERM (or `stop` aborts, for tests in-process). Prints one line with the URL
 * on stdout (and, without `--api-key`, one on stderr saying any key is taken); errors are one line on stderr. Resolves to the exit code.
 */
export async function mockCommand(argv: string[], stdout: Output, stderr: Output, stop?: AbortSignal): Promise<number> {
  let flags: ReturnType<typeof parseArgs<{ options: typeof FLAGS }>>["values"];
  try {
    ({ values: flags } = parseArgs({ args: argv, options: FLAGS, strict: true }));
    if (flags.help) {
      stdout.write(`${MOCK_HELP}\n`);
      return 0;
    }
  } catch (error) {
    return fail(stderr, 2, (error as Error).message.split("\n")[0] ?? "");
  }
  // An empty key (`--api-key "$KEY"` with the variable unset) would refuse every request.
  if (flags["api-key"] === "")
    return fail(stderr, 2, "--api-key is empty: give the key the mock accepts, or leave the flag out");
  const port = whole(flags.port, "--port", 65_535);
  const seed = whole(flags.seed, "--seed", Number.MAX_SAFE_INTEGER);
  if (typeof port === "string") return fail(stderr, 2, port);
  if (typeof seed === "string") return fail(stderr, 2, seed);
  let mock: Awaited<ReturnType<typeof startMockServer>>;
  try {
    const served = { seed, port, apiKey: flags["api-key"] };
    if (flags.spec === undefined) {
      mock = await startMockServer(served);
      stdout.write(`Mock of the Sudo images API (drawing real images) listening on ${mock.url}\n`);
    } else {
      const { spec, warnings } = await loadSpecFolder(flags.spec, { stderr, cache: !flags["no-cache"] });
      if (warnings.length > 0)
        stderr.write(stderrLine(`${warnings.length} warning(s) about ${flags.spec} (sudo-images codegen lists them)`));
      mock = await startMockServer({ ...served, spec });
      const operations = Object.keys(spec.routes).length;
      stdout.write(`Mock of ${oneLine(flags.spec, 500)} (${operations} operations) listening on ${mock.url}\n`);
    }
    if (served.apiKey === undefined) stderr.write(stderrLine(ANY_KEY));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "EADDRINUSE" ? `port ${port} is taken` : (error as Error).message;
    return fail(stderr, 1, reason);
  }
  await stopped(stop);
  await mock.close();
  return 0;
}

/** Resolves at the first SIGINT or SIGTERM, or when `stop` aborts (or had aborted already). */
function stopped(stop: AbortSignal | undefined): Promise<void> {
  // An abort event fires once: a signal aborted while the mock started would never stop it.
  if (stop?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      stop?.removeEventListener("abort", done);
      resolve();
    };
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
    stop?.addEventListener("abort", done, { once: true });
  });
}

/** A flag's whole number from 0 to `most`, or the line that refuses it. */
function whole(text: string | undefined, flag: string, most: number): number | undefined | string {
  if (text === undefined) return undefined;
  const value = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  return value <= most
    ? value
    : `${flag} takes a whole number from 0 to ${most}, not ${JSON.stringify(text.slice(0, 40))}`;
}

function fail(stderr: Output, code: number, text: string): number {
  stderr.write(stderrLine(text));
  return code;
}
