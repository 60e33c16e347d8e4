/**
 * The doors of the package as one table, each called the same way, for tests that hold every door
 * to one rule (`tests/doors.test.ts`) and for the README's table of them (`tests/contract/docs.test.ts`).
 */
import { inspect } from "node:util";
import { createClient } from "../../src/generated/client.js";
import { createImagesClient, createRawClient, imageBytes } from "../../src/index.js";
import { saveImages } from "../../src/node.js";
import { describeCheck, type VerifyCheck, verifyServer } from "../../src/testing/index.js";
import { runScript } from "./run-script.js";
import { unicodeEscaped } from "./unicode-escaped.js";

/**
 * The key every door is given; no text a door shows may hold it, in any spelling of `SPELLINGS`.
 * It holds a `/` (which PHP's `json_encode` writes `\/`) and a `+` (which URL encoding changes).
 */
export const KEY = "sk-doors/KEY+0123456789";

/** The key JSON-escaped: every slash as `\/` (PHP's `json_encode`), every character as `\uXXXX`. */
const JSON_ESCAPED = [KEY.replaceAll("/", "\\/"), unicodeEscaped(KEY)];

/**
 * The key as a server may write it back: as it is, URL-encoded, base64 of its `Authorization` header,
 * JSON-escaped (and those escapes as `JSON.stringify` and `inspect` show them, backslashes doubled).
 */
export const SPELLINGS = [
  KEY,
  encodeURIComponent(KEY),
  btoa(`Bearer ${KEY}`),
  ...JSON_ESCAPED,
  ...JSON_ESCAPED.map((spelling) => spelling.replaceAll("\\", "\\\\")),
];

/** What a door did, as text a person or a log could see: error renderings, reports, CLI output. */
export interface Outcome {
  failed: boolean;
  texts: string[];
}

/** How a door is called: against an API root, or (image doors) an image URL under it. */
export interface Call {
  base: string;
  timeoutMs?: number;
  fetch?: (input: string | Request, init?: RequestInit) => Promise<Response>;
  signal?: AbortSignal;
  /** More options, of any type (as a config loader hands them over), for the doors that take options. */
  options?: Record<string, unknown>;
}

export interface Door {
  name: string;
  /** Whether the door sends the API key (image downloads never do). */
  sendsKey: boolean;
  /** Whether the door takes a `fetch` and a `signal` (the in-process ones). */
  inProcess: boolean;
  /** Whether the door takes an options object (`Call.options`): every one but the CLI's. */
  takesOptions: boolean;
  call(call: Call): Promise<Outcome>;
}

/** Every text a user might print or ship about an error: message, stacks and causes, JSON, inspect. */
function renderings(error: unknown): string[] {
  const texts = [JSON.stringify(error), inspect(error, { depth: Number.POSITIVE_INFINITY }), String(error)];
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    texts.push(current.message, current.stack ?? "", JSON.stringify(current), inspect(current));
  }
  return texts;
}

async function outcomeOf(work: Promise<unknown>): Promise<Outcome> {
  return work.then(
    (value) => ({ failed: false, texts: [JSON.stringify(value) ?? "", inspect(value, { depth: 10 })] }),
    (error: unknown) => ({ failed: true, texts: renderings(error) }),
  );
}

const request = { prompt: "a lighthouse", model: "gpt-image-2" };

/** An openapi-fetch result's data; its `error` (an error answer, handed back, not thrown) thrown so it is shown too. */
function dataOrThrow({ data, error }: { data?: unknown; error?: unknown }): unknown {
  if (error !== undefined) throw Object.assign(new Error("error answer"), { body: error });
  return data;
}
async function cli(args: string[]): Promise<Outcome> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("SUDO_")));
  const done = await runScript("src/cli/bin.ts", args, { env: { ...env, SUDO_API_KEY: KEY } });
  return { failed: done.code !== 0, texts: [done.stdout, done.stderr] };
}

/** Every door, writing any files into `outDir`. */
export function doors(outDir: string): Door[] {
  return [
    {
      name: "generate",
      sendsKey: true,
      inProcess: true,
      takesOptions: true,
      call: ({ base, timeoutMs = 10_000, fetch, signal, options }) =>
        outcomeOf(
          Promise.resolve().then(() =>
            createImagesClient({ apiKey: KEY, baseUrl: base, maxRetries: 0, timeoutMs, fetch, ...options }).generate(
              request,
              { signal },
            ),
          ),
        ),
    },
    {
      name: "createRawClient",
      sendsKey: true,
      inProcess: true,
      takesOptions: true,
      call: ({ base, timeoutMs = 10_000, fetch, signal, options }) =>
        outcomeOf(
          Promise.resolve()
            .then(() => createRawClient({ apiKey: KEY, baseUrl: base, timeoutMs, fetch, ...options }))
            .then((raw) => raw.POST("/v1/images/generations", { body: request, signal }))
            .then(dataOrThrow),
        ),
    },
    {
      name: "createClient (any spec)",
      sendsKey: true,
      inProcess: true,
      takesOptions: true,
      call: ({ base, timeoutMs = 10_000, fetch, signal, options }) =>
        outcomeOf(
          Promise.resolve()
            .then(() => createClient({ apiKey: KEY, baseUrl: base, maxRetries: 0, timeoutMs, fetch, ...options }))
            .then((client) => client.POST("/v1/images/generations", { body: request, signal }))
            .then(dataOrThrow),
        ),
    },
    {
      name: "imageBytes",
      sendsKey: false,
      inProcess: true,
      takesOptions: true,
      call: ({ base, timeoutMs = 10_000, fetch, signal, options }) =>
        outcomeOf(imageBytes({ url: `${base}/image.png` }, { timeoutMs, fetch, signal, ...options })),
    },
    {
      name: "saveImages",
      sendsKey: false,
      inProcess: true,
      takesOptions: true,
      call: ({ base, timeoutMs = 10_000, fetch, signal, options }) =>
        outcomeOf(
          saveImages({ data: [{ url: `${base}/image.png` }] }, outDir, { timeoutMs, fetch, signal, ...options }),
        ),
    },
    {
      name: "verifyServer",
      sendsKey: true,
      inProcess: false,
      takesOptions: true,
      call: async ({ base, timeoutMs = 10_000, options }) => {
        const done = await outcomeOf(
          verifyServer(base, { apiKey: KEY, budget: 1, include: ["valid"], timeoutMs, ...options }),
        );
        // A report is a success for verify; what a person sees of it is each check's line.
        const report = done.failed ? undefined : (JSON.parse(done.texts[0] as string) as Parameters<typeof lines>[0]);
        return report ? { failed: report.failed.length > 0, texts: [...done.texts, ...lines(report)] } : done;
      },
    },
    {
      name: "CLI generate",
      sendsKey: true,
      inProcess: false,
      takesOptions: false,
      call: ({ base, timeoutMs = 10_000 }) =>
        cli(["generate", "a lighthouse", "--base-url", base, "--out", outDir, "--timeout", String(timeoutMs)]),
    },
    {
      name: "CLI verify",
      sendsKey: true,
      inProcess: false,
      takesOptions: false,
      call: ({ base, timeoutMs = 10_000 }) =>
        cli(["verify", "--base-url", base, "--budget", "1", "--include", "valid", "--timeout", String(timeoutMs)]),
    },
  ];
}

function lines(report: { passed: VerifyCheck[]; failed: VerifyCheck[] }) {
  return [...report.passed, ...report.failed].map(describeCheck);
}
