/**
 * README claims held against the code, so the words cannot drift from what runs: the options table
 * against the JSDoc of `ImagesClientOptions` and the constants behind it, the per-call options, the
 * retried statuses against the retry decision, the CLI's request flags against the spec, and each
 * error's fields against real instances.
 */
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { mockCommand } from "../../src/cli/mock-command.js";
import { requestFlags } from "../../src/cli/request-flags.js";
import { DEFAULT_BASE_URL } from "../../src/client.js";
import { loadSpec } from "../../src/codegen/spec-source.js";
import {
  ApiError,
  CallbackError,
  ImageError,
  InvalidResponseError,
  NoImagesError,
  PartialGenerationError,
  RedirectError,
  RequestValidationError,
  ResponseValidationError,
  SudoImagesError,
} from "../../src/errors.js";
import { bodySchemas, validate_ImageGenerationRequest } from "../../src/generated/metadata.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../src/http/body-limit.js";
import { DEFAULT_RETRY_POLICY, isRetryable } from "../../src/http/retry.js";
import { DEFAULT_TIMEOUT_MS } from "../../src/http/timeout.js";
import { ruleList } from "../../src/runtime/rule-list.js";
import { plannedRequests, startMockServer } from "../../src/testing/index.js";
import { doors } from "../helpers/doors.js";

const root = path.resolve(import.meta.dirname, "../..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");

/** The README from `heading` to the next heading. */
function section(heading: string): string {
  const start = readme.indexOf(`${heading}\n`);
  expect(start, `README has no "${heading}"`).toBeGreaterThanOrEqual(0);
  const rest = readme.slice(start + heading.length + 1);
  const end = rest.search(/^#{1,3} /m);
  return end === -1 ? rest : rest.slice(0, end);
}

/** The body rows of the first Markdown table in `text`, as cells. */
function tableRows(text: string): string[][] {
  return text
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| ---"))
    .slice(1)
    .map((line) =>
      line
        .slice(1, -1)
        .split(/\s\|(?=\s)/)
        .map((cell) => cell.trim()),
    );
}

/** Text as both places write it, without Markdown code marks or quotes. */
const plain = (text: string | undefined) => (text ?? "").replace(/[`"]/g, "").trim();

/** The members of the named interfaces in a source file, each with its `@default` (or undefined). */
function documentedMembers(file: string, interfaces: readonly string[]): Map<string, string | undefined> {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, true);
  const members = new Map<string, string | undefined>();
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || !interfaces.includes(node.name.text)) return;
    for (const member of node.members) {
      const tag = ts.getJSDocTags(member).find((each) => each.tagName.text === "default");
      const text = tag ? ts.getTextOfJSDocComment(tag.comment) : undefined;
      members.set((member.name as ts.Identifier).text, text?.replace(/\s+/g, " "));
    }
  });
  return members;
}

const clientOptions = documentedMembers("src/options.ts", [
  "ImagesClientOptions",
  "ReliabilityOptions",
  "FanOutOptions",
]);

describe("the options table", () => {
  const rows = tableRows(section("### `createImagesClient(options?)`"));

  it("lists every option of ImagesClientOptions, and nothing else", () => {
    expect(rows.map(([option]) => plain(option)).sort()).toEqual([...clientOptions.keys()].sort());
  });

  it("states each default as the option's JSDoc does", () => {
    for (const [option, stated] of rows) {
      expect(plain(stated), `${option}`).toBe(plain(clientOptions.get(plain(option))));
    }
  });

  it("states the defaults the code uses", () => {
    const leadingNumber = (option: string) => Number(/^\d+/.exec(clientOptions.get(option) ?? "")?.[0]);
    expect(leadingNumber("maxRetries")).toBe(DEFAULT_RETRY_POLICY.maxRetries);
    expect(leadingNumber("timeoutMs")).toBe(DEFAULT_TIMEOUT_MS);
    expect(leadingNumber("maxResponseBytes")).toBe(DEFAULT_MAX_RESPONSE_BYTES);
    expect(clientOptions.get("baseUrl")).toContain(`"${DEFAULT_BASE_URL}"`);
    const retry = JSON.parse((clientOptions.get("retry") ?? "").replace(/(\w+):/g, '"$1":'));
    const { maxRetries: _, ...backoff } = DEFAULT_RETRY_POLICY;
    expect(retry).toEqual(backoff);
  });

  it("names generate's per-call options as GenerateOptions has them", () => {
    const stated = /`generate\(request, \{ ([^}]*) \}\)`/.exec(readme)?.[1] ?? "";
    const perCall = documentedMembers("src/options.ts", ["GenerateOptions", "ReliabilityOptions", "FanOutOptions"]);
    expect(stated.split(", ").map((option) => option.replace("?", ""))).toEqual(
      [...perCall.keys()].sort(byOrderIn(stated)),
    );
  });
});

/** Sorts names by where they first appear in `text`. */
const byOrderIn = (text: string) => (a: string, b: string) => text.indexOf(a) - text.indexOf(b);

/** The statuses a sentence such as "408, 409, 429 or 5xx other than 501" names. */
function statusesIn(sentence: string): number[] {
  const excluded = [...sentence.matchAll(/(?:other than|not) (\d{3})/g)].map((match) => Number(match[1]));
  const named = [...sentence.matchAll(/\b(4\d\d)\b/g)].map((match) => Number(match[1]));
  const fiveHundreds = /5xx/.test(sentence) ? Array.from({ length: 100 }, (_, i) => 500 + i) : [];
  return [...named, ...fiveHundreds].filter((status) => !excluded.includes(status)).sort((a, b) => a - b);
}

describe("the retried statuses", () => {
  const retried = Array.from({ length: 200 }, (_, i) => 400 + i).filter((status) =>
    isRetryable(ApiError.from({ status, method: "POST", url: "u", headers: new Headers(), body: undefined })),
  );

  it("are the ones the README names", () => {
    const sentence = /or a ([\d, ]+(?:or 5xx other than \d{3})?);/.exec(section("### Retries, timeouts, cancellation"));
    expect(statusesIn(sentence?.[1] ?? "")).toEqual(retried);
  });

  it("are the ones maxRetries's JSDoc names", () => {
    const jsdoc = readFileSync(path.join(root, "src/options.ts"), "utf8");
    const sentence = /Retries after the first attempt, for ([^.]*)\./.exec(jsdoc)?.[1] ?? "";
    expect(statusesIn(sentence)).toEqual(retried);
  });
});

describe("the command line's request flags", () => {
  const flags = requestFlags(bodySchemas.ImageGenerationRequest ?? {}, "prompt").map(({ flag }) => `--${flag}`);

  it("are one per request field of the spec but the prompt", () => {
    const fields = Object.keys((bodySchemas.ImageGenerationRequest?.properties ?? {}) as object);
    expect(flags.sort()).toEqual(
      fields
        .filter((field) => field !== "prompt")
        .map((field) => `--${field.replace(/_/g, "-")}`)
        .sort(),
    );
  });

  it("are the ones the README lists", () => {
    const listed = /Every request field of the spec has a flag\s+\(`([^`]+)`\)/.exec(readme)?.[1] ?? "";
    expect(listed.split(/\s+/).sort()).toEqual([...flags].sort());
  });

  it("are each in --help", async () => {
    const written: string[] = [];
    const code = await main(["--help"], { write: (text: string) => void written.push(text) }, { write: () => {} });
    const help = written.join("");
    expect(code).toBe(0);
    for (const flag of flags) expect(help).toMatch(new RegExp(`^  ${flag} `, "m"));
    // What each takes comes from the schema: a range, an enum, examples, a required field's example.
    expect(help).toMatch(/^ {2}--n N +a whole number, 1 to 10$/m);
    expect(help).toMatch(/^ {2}--style S +one of vivid, natural$/m);
    expect(help).toMatch(/^ {2}--background B +such as transparent, opaque, auto$/m);
    expect(help).toMatch(/^ {2}--model M +such as gpt-image-2, gpt-image-2.5, gpt-image-2.6 \(default gpt-image-2\)$/m);
  });
});

describe("the errors table", () => {
  const rows = new Map(tableRows(section("### Errors")).map(([name, when]) => [plain(name), when ?? ""]));
  const response = new Response(null, { status: 302, headers: { location: "https://elsewhere.example" } });
  const apiError = ApiError.from({ status: 418, method: "POST", url: "u", headers: new Headers(), body: undefined });
  const invalid = new InvalidResponseError("unusable", response);
  /** Each class with fields of its own, and the class whose row already names the fields it inherits. */
  const samples: [SudoImagesError, SudoImagesError][] = [
    [apiError, new SudoImagesError("x")],
    [invalid, new SudoImagesError("x")],
    [new RedirectError("POST u", response), invalid],
    [new ResponseValidationError("ImageGeneration", []), new SudoImagesError("x")],
    [new RequestValidationError("ImageGenerationRequest", []), new SudoImagesError("x")],
    [new ImageError("no data"), new SudoImagesError("x")],
    [new NoImagesError("POST u", { requestId: "req_1" }), new SudoImagesError("x")],
    [
      new PartialGenerationError({ calls: 2, failures: [{ call: 2, error: new Error("x") }], paid: undefined }),
      new SudoImagesError("x"),
    ],
    [new CallbackError("onImages", new Error("x")), new SudoImagesError("x")],
  ];

  it.each(samples.map(([error, parent]) => [error.name, error, parent] as const))(
    "names every field %s adds",
    (name, error, parent) => {
      const row = rows.get(name);
      expect(row, `no row for ${name}`).toBeDefined();
      const inherited = new Set(Object.keys(parent));
      for (const field of Object.keys(error).filter((key) => !inherited.has(key))) {
        expect(row, `${name}.${field}`).toContain(`\`${field}\``);
      }
    },
  );

  it("names the request id on ApiError, where a support ticket needs it", () => {
    expect(rows.get("ApiError")).toContain("`requestId`");
    expect(Object.keys(apiError)).toContain("requestId");
  });
});

describe("the doors table", () => {
  const rows = tableRows(section("### Every door, one standard"));

  it("lists exactly the doors tests/doors.test.ts holds to it, in its order", () => {
    expect(rows.map(([door]) => plain(door))).toEqual(doors("unused").map((door) => door.name));
  });

  it("states each door's size cap as the code has it", () => {
    const caps = new Map(rows.map(([door, , , cap]) => [plain(door), plain(cap)]));
    expect(caps.get("verifyServer")).toBe(`${DEFAULT_MAX_RESPONSE_BYTES / 1024 / 1024} MB`);
    expect(caps.get("CLI generate")).toBe(`${DEFAULT_MAX_RESPONSE_BYTES / 1024 / 1024} MB`);
  });
});

describe("the model rules table", async () => {
  const schema = bodySchemas.ImageGenerationRequest ?? {};
  const spec = (await loadSpec(path.join(root, "openapi/sudo-images.yaml"))).document as unknown as {
    components: { schemas: { ImageGenerationRequest: { allOf: Record<string, unknown>[] } } };
  };
  const members = spec.components.schemas.ImageGenerationRequest.allOf;
  const rows = tableRows(section("### Model rules"));
  /** A rule of the spec and its row of the table, by position: the table follows the spec's order. */
  const paired = ruleList(schema, validate_ImageGenerationRequest).map((rule, index) => ({
    rule,
    member: members[index] ?? {},
    row: rows[index] ?? [],
  }));

  it("has a row per rule of the spec, in its order, named by its title", () => {
    expect(rows).toHaveLength(members.length);
    for (const { rule, row } of paired) expect(plain(row[0]).split(" (")[0], rule.title).toBe(rule.title);
  });

  it("states each model's status as the spec records it, and a retired model's replacement", () => {
    for (const { rule, row } of paired) {
      const { status, since, replacement } = rule.lifecycle ?? {};
      const expected =
        status === undefined
          ? ""
          : status === "live"
            ? `live${since ? ` since ${since}` : ""}`
            : `${status.replace("-", " ")} ${since}, use ${replacement}`;
      expect(plain(row[1]), rule.title).toBe(expected);
    }
  });

  it("names every field each rule constrains, and each rule's source and checked date", () => {
    for (const { rule, member, row } of paired) {
      for (const field of Object.keys((rule.demands.properties ?? {}) as object)) {
        expect(plain(row[2]).replace(/_/g, " "), rule.title).toContain(field.replace(/_/g, " "));
      }
      const source = [member["x-source"], member["x-checked"]].filter(Boolean).join(", ");
      expect(plain(row[3]), rule.title).toBe(source);
    }
  });

  it("is about models with a title, a source and a checked date, every one", () => {
    const modelRules = members.filter((member) => JSON.stringify(member.if).includes('"model"'));
    expect(modelRules.length).toBeGreaterThanOrEqual(8);
    for (const member of modelRules) {
      expect(member.title, JSON.stringify(member.if)).toEqual(expect.any(String));
      expect(member["x-source"], String(member.title)).toMatch(/^https:\/\/\S+$/);
      expect(member["x-checked"], String(member.title)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("the fan-out example", () => {
  it("runs against the mock as written: four images of a live model, two calls", async () => {
    const code = /### Fan-out\n[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    expect(code).toContain('model: "gpt-image-2"');
    const mock = await startMockServer({ apiKey: "sk-readme" });
    const dir = await mkdtemp(path.join(tmpdir(), "sudo-images-readme-"));
    const file = path.join(dir, "fan-out.ts");
    const entry = pathToFileURL(path.join(root, "src/index.ts")).href;
    await writeFile(file, code.replace('from "sudo-images"', `from ${JSON.stringify(entry)}`));
    const env = { SUDO_API_KEY: process.env.SUDO_API_KEY, SUDO_BASE_URL: process.env.SUDO_BASE_URL };
    const printed: unknown[][] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args) => void printed.push(args));
    try {
      Object.assign(process.env, { SUDO_API_KEY: "sk-readme", SUDO_BASE_URL: mock.url });
      await import(pathToFileURL(file).href);
      expect(printed).toEqual([["2 of 4 images"], ["4 of 4 images"], [4, expect.any(Number)]]);
      expect(mock.requests.map((request) => (request.body as { n: number }).n)).toEqual([2, 2]);
    } finally {
      log.mockRestore();
      for (const [name, value] of Object.entries(env)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await mock.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("verify's whole plan", () => {
  const plan = plannedRequests({ budget: 100_000 });
  const valid = plan.filter((request) => request.kind === "valid");

  it("is as large as the README says: requests, valid ones, images, model-rule breaks", () => {
    const images = valid.reduce((sum, request) => sum + request.images, 0);
    const ruleBreaks = plan.filter((request) => request.kind === "invalid" && / rule: /.test(request.name));
    expect(/The whole plan is (\d+) requests \((\d+) valid ones, (\d+) images\)/.exec(readme)?.slice(1)).toEqual(
      [plan.length, valid.length, images].map(String),
    );
    expect(/\(the whole plan, (\d+) requests\)/.exec(readme)?.[1]).toBe(String(plan.length));
    expect(/`, (\d+) in all, each breaking its rule/.exec(readme)?.[1]).toBe(String(ruleBreaks.length));
  });
});

describe("the five-minutes walkthrough", () => {
  const walk = section("## Contract-test any API in five minutes");
  /** Each `npx sudo-images …` line of the section's shell and CI blocks, as arguments. */
  const commands = [...walk.matchAll(/(?:^|- run: )npx sudo-images ([^#\n]+)/gm)].map((match) =>
    (match[1] as string).trim().split(/\s+/),
  );
  const client = /<!-- five-minutes[^\n]*\n```ts\n([\s\S]*?)```/.exec(walk)?.[1] ?? "";
  const quiet = { write: () => true };

  it("has its commands and its client example where the test finds them", () => {
    expect(commands.map((argv) => argv[0])).toEqual(["codegen", "mock", "verify", "verify", "verify"]);
    expect(client).toContain('from "./api/client.js"');
  });

  it("runs as written on its petstore spec: codegen, the mock, the typed client, verify", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sudo-images-five-"));
    const stop = new AbortController();
    let mocking: Promise<number> | undefined;
    // Every path of the section is relative to the project it is typed in: here, `dir`.
    const inDir = (argv: string[]) =>
      argv.map((arg) => (/^(openapi\.yaml|src\/api|verify\.xml)$/.test(arg) ? path.join(dir, arg) : arg));
    try {
      // A user's project: an ES module package (as "Installing" asks) holding the spec.
      await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
      await writeFile(
        path.join(dir, "openapi.yaml"),
        readFileSync(path.join(root, "tests/fixtures/five-minutes/openapi.yaml")),
      );
      const [codegen, mock, verify, selfTest] = commands as [string[], string[], string[], string[]];
      // This checkout's sources stand in for the installed package (`sudo-images/client`, the runtime).
      const runtime = path.relative(path.join(dir, "src/api"), path.join(root, "src/runtime/index.js"));
      expect(await main([...inDir(codegen), "--runtime", runtime], quiet, quiet)).toBe(0);
      const listening = new Promise<string>((resolve) => {
        const stdout = {
          write: (text: string) => {
            resolve(text);
            return true;
          },
        };
        // Port 4010 may be taken on this machine: any free port, and the section's URLs moved to it.
        const argv = inDir(mock.slice(1)).map((arg) => (arg === "4010" ? "0" : arg));
        mocking = mockCommand(argv, stdout, quiet, stop.signal);
      });
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(await listening)?.[1] as string;
      const moved = (text: string) => text.replaceAll("http://127.0.0.1:4010", url);

      const file = path.join(dir, "src/try.ts");
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, `${moved(client)}\nexport {};\n`);
      expect(typeErrors(file), "type errors in the five-minutes example").toEqual([]);
      const log = vi.spyOn(console, "log").mockImplementation(() => {});
      try {
        await import(pathToFileURL(file).href);
        // Strictly: a `tag: null` left in would be a difference here, where toEqual would let it pass.
        expect(log.mock.calls).toStrictEqual([[{ id: 1, name: "Rex" }, undefined]]);
      } finally {
        log.mockRestore();
      }

      expect(await main(inDir(verify).map(moved), quiet, quiet)).toBe(0);
      expect(await readFile(path.join(dir, "verify.xml"), "utf8")).toMatch(/<testsuites[^>]* failures="0"/);
      expect(await main(inDir(selfTest), quiet, quiet)).toBe(0);
    } finally {
      stop.abort();
      await mocking;
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** The type errors of one file and what it imports, under `--strict` with Node's module rules. */
function typeErrors(file: string): string[] {
  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  };
  const program = ts.createProgram([file], options);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, " "));
}
