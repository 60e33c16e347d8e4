import { writeFile } from "node:fs/promises";
import { readEnv } from "../http/environment.js";
import { displayUrl } from "../http/secrets.js";
import type { ImageHosts } from "../images.js";
import { junitReport } from "../testing/junit-report.js";
import type { SpecFolder } from "../testing/spec-folder.js";
import {
  describeCheck,
  plannedRequests,
  VERIFY_PARTS,
  type VerifyOptions,
  type VerifyPart,
  type VerifyReport,
  verifyServer,
} from "../testing/verify.js";
import { integer, UsageError } from "./arguments.js";
import { loadSpecFolder } from "./load-spec-folder.js";
import { startMock } from "./mock.js";
import type { Output } from "./progress.js";
import { SHARED_OPTIONS } from "./shared-flags.js";
import { stoppedBy, stopSignal } from "./stop.js";

/** verify's flags, for parseArgs: its own, and `--base-url`, `--api-key` and the rest it shares with `generate`. */
export const VERIFY_OPTIONS = {
  ...SHARED_OPTIONS,
  budget: { type: "string" },
  seed: { type: "string" },
  concurrency: { type: "string" },
  include: { type: "string" },
  "dry-run": { type: "boolean", default: false },
  junit: { type: "string" },
  spec: { type: "string" },
  "no-cache": { type: "boolean", default: false },
} as const;

/** `verify`'s part of `sudo-images --help`. */
export const VERIFY_HELP = `Options of verify:
  --budget N              the most requests to send (default 10 for Sudo's spec: at most 3 generate,
                          1 image each; 100 with --spec)
  --include LIST          ${VERIFY_PARTS.join(",")} (default all)
  --seed S                rotates which values go together (default 0)
  --concurrency C         requests in flight (default 2)
  --dry-run               list the requests and send nothing
  --json                  the report as JSON
  --junit FILE            also write the report as JUnit XML to FILE, for CI (one testcase per check)
  --spec FILE             verify against this OpenAPI spec instead of Sudo's (with --mock: its mock);
                          its key is --api-key alone and its server --base-url: SUDO_API_KEY and
                          SUDO_BASE_URL are Sudo's, never sent to another API
  --no-cache              generate --spec's folder again, not from the cache a second run reads
  (and --base-url, --api-key, --allow-insecure-http, --image-hosts, --timeout, --mock below)`;

/** The flags `sudo-images verify` reads, as parseArgs gives them. */
export interface VerifyFlags {
  "base-url"?: string | undefined;
  "api-key"?: string | undefined;
  budget?: string | undefined;
  seed?: string | undefined;
  concurrency?: string | undefined;
  timeout?: string | undefined;
  include?: string | undefined;
  "dry-run": boolean;
  "allow-insecure-http": boolean;
  "image-hosts"?: string | undefined;
  json: boolean;
  junit?: string | undefined;
  spec?: string | undefined;
  "no-cache": boolean;
  mock: boolean;
}

/**
 * `sudo-images verify`: checks a server against the spec and prints one line per check and a
 * summary (or `--json`) on `stdout`, and what loading `--spec` says on `stderr`; resolves to the exit code, 0 when every check passed and 1 otherwise.
 * `--dry-run` lists the requests it would send and sends nothing. Bad flags throw a `UsageError`.
 */
export async function verifyCommand(flags: VerifyFlags, stdout: Output, stderr: Output): Promise<number> {
  // Loaded only when asked for: a Sudo run never loads the generator.
  const spec =
    flags.spec === undefined
      ? undefined
      : (await loadSpecFolder(flags.spec, { stderr, cache: !flags["no-cache"] })).spec;
  const options: VerifyOptions = {
    spec,
    apiKey: flags["api-key"],
    budget: integer(flags.budget, "--budget"),
    seed: integer(flags.seed, "--seed"),
    concurrency: integer(flags.concurrency, "--concurrency"),
    timeoutMs: integer(flags.timeout, "--timeout"),
    include: parts(flags.include),
    allowInsecureHttp: flags["allow-insecure-http"],
    imageHosts: flags["image-hosts"] as ImageHosts | undefined,
  };
  // The plan is checked first: options that plan nothing are refused before a server is looked for.
  const requests = plannedRequests(options);
  if (flags["dry-run"]) {
    if (flags.json) stdout.write(`${JSON.stringify(requests)}\n`);
    // A request with no body (a GET) shows none, not JSON.stringify's `undefined`.
    else
      for (const request of requests)
        stdout.write(
          `${request.kind.padEnd(7)} ${request.name}${request.body === undefined ? "" : `  ${JSON.stringify(request.body)}`}\n`,
        );
    stdout.write(
      flags.json
        ? ""
        : `${requests.length} request(s), ${requests.reduce((sum, r) => sum + r.images, 0)} image(s) if valid ones succeed; nothing sent\n`,
    );
    return 0;
  }
  // With --mock, --api-key is the key the mock holds and verify sends: the self-test a user runs in CI.
  const mock = flags.mock ? await startMock(spec, flags["api-key"]) : undefined;
  // Ctrl-C ends the run with what it checked by then: printed, in the JUnit file, and never a pass.
  const stop = stopSignal(undefined);
  try {
    const baseUrl = mock?.url ?? flags["base-url"] ?? (spec === undefined ? readEnv("SUDO_BASE_URL") : undefined);
    if (baseUrl === undefined) {
      throw new UsageError(`verify needs --base-url (or ${spec === undefined ? "SUDO_BASE_URL, or " : ""}--mock)`);
    }
    const run = { ...options, signal: stop.signal };
    const report = await verifyServer(baseUrl, mock ? { ...run, apiKey: mock.key } : run);
    if (flags.junit !== undefined) await writeJunit(flags.junit, junitReport(report));
    const { interrupted } = report;
    if (flags.json)
      stdout.write(`${JSON.stringify({ passed: report.passed.length, failed: report.failed, interrupted })}\n`);
    else {
      for (const check of report.passed) stdout.write(`pass  ${describeCheck(check)}\n`);
      for (const check of report.failed) stdout.write(`FAIL  ${describeCheck(check)}\n`);
      stdout.write(
        interrupted === undefined
          ? `${displayUrl(baseUrl)}: ${report.failed.length === 0 ? "matches the spec" : "does not match the spec"} (${report.passed.length} checks passed, ${report.failed.length} failed, ${report.requests.length} requests${coverage(spec, report)})\n`
          : `${displayUrl(baseUrl)}: ${interrupted} with ${report.passed.length} checks passed and ${report.failed.length} failed: not a pass\n`,
      );
    }
    if (interrupted !== undefined) return stoppedBy(stop.signal.reason)?.exitCode ?? 1;
    return report.failed.length === 0 ? 0 : 1;
  } finally {
    stop.dispose();
    await mock?.close();
  }
}

/**
 * How much of another spec the run reached, when not all of it: a budget that left operations
 * unasked must not read as the whole spec matched.
 */
function coverage(spec: SpecFolder | undefined, report: VerifyReport): string {
  if (spec === undefined) return "";
  const total = Object.values(spec.routes).filter((route) => route.path !== undefined).length;
  const reached = new Set(report.requests.map((request) => request.operationId)).size;
  return reached >= total ? "" : `; ${reached} of ${total} operations checked: raise --budget for the rest`;
}

/** Writes the JUnit report; a file that cannot be written is one line naming it and why. */
async function writeJunit(file: string, xml: string): Promise<void> {
  try {
    await writeFile(file, xml);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "an error";
    throw new UsageError(`--junit ${JSON.stringify(file.slice(0, 200))} could not be written (${code})`);
  }
}

/** `--include`'s list as verifyServer's `include`, which checks each part (one rule, one home). */
function parts(value: string | undefined): VerifyPart[] | undefined {
  return value?.split(",").map((part) => part.trim() as VerifyPart);
}
