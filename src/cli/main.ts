import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { parseArgs } from "node:util";
import {
  ApiError,
  ConfigurationError,
  ConnectionError,
  MissingApiKeyError,
  PartialGenerationError,
  RequestValidationError,
  SudoImagesError,
} from "../errors.js";
import { type SavedImage, saveImages } from "../files.js";
import { bodySchemas, validators } from "../generated/metadata.js";
import { currentKey } from "../http/auth.js";
import { resolveLogger } from "../http/debug-log.js";
import { checkTimeout } from "../http/settings.js";
import { oneLine, terminalText } from "../http/shown-text.js";
import { DEFAULT_TIMEOUT_MS } from "../http/timeout.js";
import type { ImageHosts } from "../images.js";
import { createImagesClient, DEFAULT_BASE_URL, type ImageGeneration, type ImageGenerationRequest } from "../index.js";
import { makeFolder } from "../make-folder.js";
import { resolveSettings } from "../options.js";
import { type CommandFlags, firstLook, integer, parseCommand, UsageError } from "./arguments.js";
import { inFlagTerms } from "./flag-names.js";
import { startMock } from "./mock.js";
import { outFolderProblem } from "./out-folder.js";
import { packageVersion } from "./package-version.js";
import { keepPaidResult, PaidResultError, partialLine } from "./paid-result.js";
import { type Output, startProgress } from "./progress.js";
import { type RequestFlag, requestFlags, typedAs } from "./request-flags.js";
import { SHARED_OPTIONS } from "./shared-flags.js";
import { stderrLine, warningLine } from "./stderr-line.js";
import { StoppedError, stoppedBy, stopSignal } from "./stop.js";
import { VERIFY_HELP, VERIFY_OPTIONS, type VerifyFlags, verifyCommand } from "./verify.js";

/** The request field `generate` takes as its words rather than as a flag. */
const POSITIONAL = "prompt";

const REQUEST_FLAGS = requestFlags(
  bodySchemas.ImageGenerationRequest ?? {},
  POSITIONAL,
  validators.ImageGenerationRequest,
);

const HELP = `Usage: sudo-images generate <prompt> [options]
       sudo-images verify --base-url URL [options]
       sudo-images codegen --spec FILE --out DIR [options]
       sudo-images mock [--spec FILE] [--port N] [--seed N] [--api-key KEY]

generate: generates images through the Sudo API and saves them as files.
verify:   checks that a server (yours, a gateway, a mock) honours the spec: sends requests generated
          from it and checks every answer; exits 0 when all checks pass, 1 when one fails.
codegen:  compiles any OpenAPI 3.0/3.1 spec into types, validators and normalization
          (sudo-images codegen --help).
mock:     serves a mock of any spec on 127.0.0.1 until Ctrl-C; without --spec, the Sudo images
          API, drawing real images (sudo-images mock --help).

${VERIFY_HELP}

Options of generate (one per field of the spec's request, then these):
${REQUEST_FLAGS.map(helpLine).join("\n")}
  --out DIR               where to save the images (default .)
  --json                  print the result and the file paths as JSON on stdout
  --base-url URL          API root (default $SUDO_BASE_URL, else ${DEFAULT_BASE_URL})
  --api-key KEY           API key (default $SUDO_API_KEY; prefer the variable: flags show in ps)
  --mock                  use the built-in mock server: no key, no network
  --allow-insecure-http   send the key over plain http to a host that is not loopback
  --image-hosts public    refuse image URLs on loopback, private or link-local addresses (default any)
  --timeout MS            per-attempt timeout in milliseconds (default ${DEFAULT_TIMEOUT_MS})
  --deadline MS           give up on the whole command after this long (default: no deadline)
  --max-images-per-call N ask for at most N images per API call; more fan out into parallel calls
                          (default: what the spec's rules let the model take; else no limit)
  --debug                 log each request (key redacted) and print stack traces
  -h, --help              show this help
  -v, --version           show the version

Each command takes only its own flags: another command's flag is refused before anything is sent.
Exit codes: 0 success, 1 the API or the network failed, 2 bad arguments, 130 Ctrl-C, 143 SIGTERM (what arrived is saved first).`;

/** generate's flags that are not request fields, beside those it shares with verify. */
const GENERATE_OPTIONS = {
  ...SHARED_OPTIONS,
  out: { type: "string", default: "." },
  deadline: { type: "string" },
  "max-images-per-call": { type: "string" },
} as const;

/** Each command's flags: a command reads its own and refuses every other (codegen parses its own). */
const COMMANDS = {
  generate: { ...Object.fromEntries(REQUEST_FLAGS.map(({ flag }) => [flag, { type: "string" }])), ...GENERATE_OPTIONS },
  verify: VERIFY_OPTIONS,
} as const satisfies CommandFlags;

type Flags = ReturnType<typeof parseArgs<{ options: typeof GENERATE_OPTIONS; allowPositionals: true }>>["values"] & {
  readonly [requestFlag: string]: string | boolean | undefined;
};

/**
 * Runs the `sudo-images` command line and resolves to its exit code: 0 success, 1 the API or the
 * network failed, 2 bad arguments. `stdout` gets results only; progress and errors go to `stderr`.
 */
export async function main(argv: string[], stdout: Output, stderr: Output): Promise<number> {
  // codegen has flags of its own, and loads the generator only when asked.
  if (argv[0] === "codegen") return (await import("./codegen.js")).codegenCommand(argv.slice(1), stdout, stderr);
  // So does mock, which serves any spec through the generator (or Sudo's own) until Ctrl-C.
  if (argv[0] === "mock") return (await import("./mock-command.js")).mockCommand(argv.slice(1), stdout, stderr);
  let debug = argv.includes("--debug");
  try {
    const look = firstLook(argv, COMMANDS);
    if (look.values.help) return print(stdout, HELP);
    if (look.values.version) return print(stdout, await packageVersion());
    const command = look.positionals[0];
    if (command === undefined || !Object.hasOwn(COMMANDS, command)) {
      throw new UsageError(command ? `Unknown command "${command}"` : "Missing command");
    }
    const { values, positionals } = parseCommand(argv, command, COMMANDS);
    debug = values.debug === true;
    if (command === "verify") return await verifyCommand(values as unknown as VerifyFlags, stdout, stderr);
    const prompt = positionals.slice(1).join(" ").trim();
    if (!prompt) throw new UsageError('Missing the prompt: sudo-images generate "a lighthouse at dusk"');
    await generate(prompt, values as Flags, stdout, stderr);
    return 0;
  } catch (error) {
    stderr.write(stderrLine(errorLine(error)));
    if (debug && error instanceof Error && error.stack) stderr.write(`${terminalText(error.stack)}\n`);
    return isUsage(error) ? 2 : (stoppedBy(error)?.exitCode ?? 1);
  }
}

/** Bad arguments (exit 2): a flag, the request, or an option the flags set; a missing key is not one. */
function isUsage(error: unknown): boolean {
  return (
    error instanceof UsageError ||
    error instanceof RequestValidationError ||
    (error instanceof ConfigurationError && !(error instanceof MissingApiKeyError))
  );
}

async function generate(prompt: string, flags: Flags, stdout: Output, stderr: Output): Promise<void> {
  // Every flag and the destination are checked before anything starts or is sent (and paid for).
  const timeoutMs = integer(flags.timeout, "--timeout");
  const deadline = integer(flags.deadline, "--deadline");
  const maxImagesPerCall = integer(flags["max-images-per-call"], "--max-images-per-call");
  const request = requestFrom(prompt, flags);
  const connection = {
    apiKey: flags["api-key"],
    baseUrl: flags["base-url"],
    allowInsecureHttp: flags["allow-insecure-http"],
  };
  // The key (missing, malformed, bound for plain http) before the folder: a refusal leaves nothing behind.
  if (!flags.mock) currentKey(resolveSettings(connection).endpoint.keys);
  await checkOut(flags.out);
  const deadlineMs = deadline === undefined ? undefined : checkTimeout(deadline, "--deadline");
  const mock = flags.mock ? await startMock() : undefined;
  const what = `generating ${request.n ?? 1} image(s) with ${request.model}`;
  // --debug, or DEBUG=sudo-images as for the library.
  const debugLog = flags.debug ? (line: string) => stderr.write(`[debug] ${line}\n`) : resolveLogger(undefined);
  const progress = startProgress(stderr, `${what}…`);
  let saved: { result: ImageGeneration; files: SavedImage[] };
  let partial: PartialGenerationError | undefined;
  const stop = stopSignal(deadlineMs);
  const { signal } = stop;
  try {
    const client = createImagesClient({
      ...connection,
      ...(mock && { apiKey: mock.key, baseUrl: mock.url }),
      timeoutMs,
      maxImagesPerCall,
      // A retired or misspelt model is sent, and said once, before the answer.
      onWarning: (warning) => stderr.write(warningLine(warning.message)),
      logger: (line) => {
        debugLog?.(line);
        // A retry shows on the spinner: a slow server is never a silent wait.
        const retry = /^attempt (\d+) failed \((.*)\); retrying/.exec(line);
        if (retry) progress.update(`${what}, attempt ${Number(retry[1]) + 1} (the last: ${retry[2]})…`);
      },
    });
    // A fanned-out call (more images than one call may ask for) shows each image as it arrives.
    const onImages = (arrived: number, asked: number) => {
      if (arrived < asked) progress.update(`${what}: ${arrived} of ${asked} arrived…`);
    };
    const result = await client.generate(request, { signal, onImages }).catch((error: unknown) => {
      // A fan-out that brought some images: they were paid for, so they are saved like a whole result.
      if (!(error instanceof PartialGenerationError)) throw signal.aborted ? signal.reason : error;
      partial = error;
      return error.result;
    });
    progress.update(`saving ${result.data.length} image(s)…`);
    const imageHosts = flags["image-hosts"] as ImageHosts | undefined;
    // Past the deadline or Ctrl-C, what arrived is still saved: each download keeps its own --timeout.
    const saving = { name: slug(prompt), timeoutMs, imageHosts, signal: partial ? undefined : signal };
    const files = await saveImages(result, flags.out, saving).catch((error: unknown) =>
      keepPaidResult(result, signal.aborted && !partial ? signal.reason : error),
    );
    saved = { result, files };
  } finally {
    stop.dispose();
    // The spinner's line is cleared once, whichever way the call ended, before anything is printed.
    progress.stop();
    await mock?.close();
  }
  if (flags.json) stdout.write(`${json(summary(saved.result, saved.files, mock !== undefined), saved.files)}\n`);
  else stdout.write(report(saved.result, saved.files));
  if (partial) throw new PaidResultError(partialLine(partial, request.n ?? 1), { cause: partial });
}

/**
 * `--out` must be a folder this process can write to, made if missing: a file written there and
 * removed before the call, so a path under a file or a read-only folder fails before anything is
 * paid for, not after.
 */
async function checkOut(out: string): Promise<void> {
  const probe = path.join(out, `.sudo-images-probe-${randomUUID()}`);
  try {
    await makeFolder(out);
    await writeFile(probe, "", { flag: "wx" });
    await rm(probe);
  } catch (error) {
    throw new UsageError(outFolderProblem(out, error));
  }
}

function requestFrom(prompt: string, flags: Flags): ImageGenerationRequest {
  const request: Record<string, unknown> = { prompt };
  // Flags left out are not sent; the spec's request validation checks the rest.
  for (const { flag, field, integer: whole, fallback } of REQUEST_FLAGS) {
    const text = (flags[flag] as string | undefined) ?? fallback;
    const value = whole ? integer(text, `--${flag}`) : text;
    if (value !== undefined) request[field] = value;
  }
  return request as ImageGenerationRequest;
}

/** `  --size S                one of 256x256, …`: the flag, a placeholder, and what it takes. */
function helpLine({ flag, field, help, fallback, rules }: RequestFlag): string {
  const usage = `--${flag} ${field[0]?.toUpperCase()}`;
  const line = `  ${usage.padEnd(24)}${help}${fallback === undefined ? "" : ` (default ${fallback})`}`;
  return [line, ...rules.map((rule) => `${" ".repeat(26)}${rule}`)].join("\n");
}

/**
 * The summary as JSON. A server can nest an extra field deeper than `JSON.stringify` can walk; the
 * images are saved by then, so the files are still printed, with a note instead of the result.
 */
function json(value: unknown, files: SavedImage[]): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return JSON.stringify({ files, note: "the result is nested too deeply to print as JSON" });
  }
}

/** Metadata and files, without any base64 payload. */
/**
 * The result as `--json` prints it: no base64 (the files hold the bytes), and with `--mock` no
 * `url`, which would point at the embedded mock server, closed by the time anyone reads it.
 */
function summary(result: ImageGeneration, files: SavedImage[], mocked: boolean) {
  const data = result.data.map(({ b64_json: _b64, ...rest }) => {
    if (!mocked) return rest;
    const { url: _closed, ...kept } = rest;
    return kept;
  });
  return { ...result, data, files };
}

function report(result: ImageGeneration, files: SavedImage[]): string {
  const lines = files.map(
    (file) => `saved ${file.path}  ${file.width ?? "?"}x${file.height ?? "?"}  ${formatBytes(file.bytes)}`,
  );
  const revised = result.data.map((item) => item.revised_prompt).filter(Boolean);
  // The server's words reach a terminal: one line, control characters made harmless.
  if (revised.length > 0) lines.push(`revised prompt: ${oneLine(String(revised[0]), 2000)}`);
  const usage = result.usage;
  if (usage) lines.push(`tokens: ${usage.input_tokens} in, ${usage.output_tokens} out, ${usage.total_tokens} total`);
  return `${lines.join("\n")}\n`;
}

function formatBytes(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} kB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

function slug(prompt: string): string {
  const words = prompt
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return words.slice(0, 40).replace(/-+$/, "") || "image";
}

function errorLine(error: unknown): string {
  if (error instanceof RequestValidationError) {
    return error.violations
      .map((v) => `${typedAs(v.pointer, REQUEST_FLAGS, POSITIONAL)}: ${v.expected}, got ${v.received}`)
      .join("; ");
  }
  if (!(error instanceof Error)) return String(error);
  if (error instanceof MissingApiKeyError) {
    return "No API key: set SUDO_API_KEY, pass --api-key, or try --mock for the built-in mock server";
  }
  const hint =
    error instanceof ApiError && error.status === 401
      ? " (check SUDO_API_KEY or --api-key)"
      : error instanceof ConnectionError
        ? " (check --base-url and your network)"
        : "";
  const ours =
    error instanceof SudoImagesError ||
    error instanceof UsageError ||
    error instanceof PaidResultError ||
    error instanceof StoppedError ||
    // The generator's one-line refusal of a spec (loaded only by the commands that read one).
    error.name === "SpecError";
  const more = ours ? "" : ` [${error.name}]`;
  const usage = error instanceof UsageError ? " (see sudo-images --help)" : "";
  // The client words its messages for code (baseUrl); a shell user typed flags (--base-url).
  return `${ours ? inFlagTerms(error.message) : error.message}${hint}${usage}${more}`;
}

function print(out: Output, text: string): number {
  out.write(`${text}\n`);
  return 0;
}
