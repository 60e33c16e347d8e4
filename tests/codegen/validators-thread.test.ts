/**
 * The validators compiled in a worker thread: the same module, unchecked list and warnings (in the
 * same order) as on the main thread; whatever goes wrong in the thread is one line, and a run that
 * fails leaves no thread behind. Real worker threads throughout: the generator's own (loaded from
 * the TypeScript sources through tsx), or small ones given as `data:` URLs that fail on purpose.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateFiles } from "../../src/codegen/index.js";
import type { SchemaSet } from "../../src/codegen/json-schema.js";
import { SpecError } from "../../src/codegen/spec-source.js";
import type { CompilingValidators, HowToCompile, ValidatorsJob } from "../../src/codegen/validators-thread.js";
import * as thread from "../../src/codegen/validators-thread.js";

/**
 * `generateFiles` compiles through `compileValidatorsAside` as it is, unless a test names a worker
 * module here: then in a thread running that module, and the handle is kept for the test to read.
 * The thread it starts before reading a large spec is kept too.
 */
const forced: { worker?: URL; handle?: CompilingValidators; early?: Worker | undefined } = {};
vi.mock("../../src/codegen/validators-thread.js", async (original) => {
  const actual = await original<typeof import("../../src/codegen/validators-thread.js")>();
  return {
    ...actual,
    earlyValidatorsThread: (specPath: string, worker?: URL) => {
      forced.early = actual.earlyValidatorsThread(specPath, worker);
      return forced.early;
    },
    compileValidatorsAside: (job: ValidatorsJob, how: HowToCompile = {}) => {
      if (forced.worker === undefined) return actual.compileValidatorsAside(job, how);
      void how.early?.terminate();
      forced.handle = actual.compileValidatorsAside(job, { aside: true, worker: forced.worker });
      return forced.handle;
    },
  };
});

/** A worker module made of `code`. */
const workerOf = (code: string) => new URL(`data:text/javascript,${encodeURIComponent(code)}`);

/** A body with a schema Ajv refuses (left unchecked), one whose `required` names no property (a strict-mode warning), and a shared one. */
const SET: SchemaSet = {
  defs: {
    Broken: { type: "object", properties: { a: { type: "nonsense" } } },
    Loose: { type: "object", required: ["missing"], properties: { b: { type: "string", maxLength: 3 } } },
    Same: { type: "object", required: ["missing"], properties: { b: { type: "string", maxLength: 3 } } },
  },
  operations: {
    a: { method: "post", path: "/a", request: "Broken", responses: { "200": "Loose" }, security: [] },
    b: { method: "post", path: "/b", request: "Same", responses: {}, security: [] },
  },
  places: {
    Broken: "#/components/schemas/Broken",
    Loose: "#/components/schemas/Loose",
    Same: "#/components/schemas/Same",
  },
  bodyTypes: {},
  parameterTypes: {},
};
const JOB: ValidatorsJob = { set: SET, tables: new Map() };

/** The compile of `job`, on the main thread or aside, with the warnings it said. */
async function compileWith(aside: boolean, worker?: URL) {
  const warnings: string[] = [];
  const compiled = await thread
    .compileValidatorsAside(JOB, { aside, worker })
    .result((pointer, message) => warnings.push(`${pointer}: ${message}`));
  return { ...compiled, warnings };
}

describe("validators compiled in a worker thread", () => {
  it("come out as on the main thread: the same module, unchecked schemas and warnings, in order", async () => {
    const main = await compileWith(false);
    expect(main.unchecked.has("Broken")).toBe(true);
    expect(main.warnings.length).toBeGreaterThan(1);
    expect(await compileWith(true)).toEqual(main);
  });

  it("say an error thrown in the thread as an error of one line", async () => {
    const failing = compileWith(true, workerOf('throw new Error("out of schemas\\nat line two");'));
    await expect(failing).rejects.toThrow(/^out of schemas\nat line two$/);
  });

  it("say a thread that ended without an answer, with its exit code", async () => {
    await expect(compileWith(true, workerOf("process.exit(7);"))).rejects.toThrow(
      "the validators' worker thread stopped (exit code 7)",
    );
  });

  it("are checked to parse on the main thread, whoever compiled them", async () => {
    const broken =
      'import { parentPort } from "node:worker_threads";\nparentPort.postMessage({ code: "const a = {limit: 1;", unchecked: new Map(), warnings: [] });';
    await expect(compileWith(true, workerOf(broken))).rejects.toThrow(
      /^the compiled validators do not parse \(validators\.ts:1:\d+: .+\)$/,
    );
  });

  it("stop: the thread ends (a compile that never answers is ended)", async () => {
    const compiling = thread.compileValidatorsAside(JOB, {
      aside: true,
      worker: workerOf("setInterval(() => {}, 1000);"),
    });
    await compiling.stop();
    await expect(compiling.result(() => {})).rejects.toThrow(/stopped \(exit code \d+\)/);
  });

  it("start only for a spec whose schemas are large: a small one compiles on the main thread", async () => {
    const small = thread.compileValidatorsAside(JOB, { worker: workerOf("process.exit(7);") });
    await expect(small.result(() => {})).resolves.toMatchObject({ unchecked: expect.any(Map) });
    const big = { enum: Array.from({ length: thread.WORKER_FROM_CHARS / 8 }, (_, index) => `v${index}`) };
    const large: ValidatorsJob = { set: { ...SET, defs: { ...SET.defs, Big: big } }, tables: new Map() };
    const aside = thread.compileValidatorsAside(large, { worker: workerOf("process.exit(7);") });
    await expect(aside.result(() => {})).rejects.toThrow(/exit code 7/);
  });
});

describe("a worker thread started before the spec is read", () => {
  let dir: string;
  let large: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "validators-early-"));
    large = path.join(dir, "large.json");
    await writeFile(large, " ".repeat(thread.EARLY_FROM_BYTES));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("starts only for a spec file of EARLY_FROM_BYTES or more (none for a file that is not there)", async () => {
    await writeFile(path.join(dir, "small.json"), " ".repeat(thread.EARLY_FROM_BYTES - 1));
    expect(thread.earlyValidatorsThread(path.join(dir, "small.json"))).toBeUndefined();
    expect(thread.earlyValidatorsThread(path.join(dir, "missing.json"))).toBeUndefined();
    const early = thread.earlyValidatorsThread(large);
    expect(early).toBeDefined();
    await early?.terminate();
  });

  it("compiles the job it is sent later, as the main thread does", async () => {
    const early = thread.earlyValidatorsThread(
      large,
      new URL("../../src/codegen/validators-worker.ts", import.meta.url),
    );
    const warnings: string[] = [];
    const compiled = await thread
      .compileValidatorsAside(JOB, { aside: true, early })
      .result((pointer, message) => warnings.push(`${pointer}: ${message}`));
    expect({ ...compiled, warnings }).toEqual(await compileWith(false));
  });

  it("is ended when the validators compile on the main thread after all", async () => {
    const early = thread.earlyValidatorsThread(large, workerOf("setInterval(() => {}, 1000);"));
    const exited = new Promise((resolve) => early?.once("exit", resolve));
    await thread.compileValidatorsAside(JOB, { aside: false, early }).result(() => {});
    await exited;
  });
});

describe("generateFiles with its validators in a worker thread", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "validators-thread-"));
  });
  afterAll(async () => {
    delete forced.worker;
    await rm(dir, { recursive: true, force: true });
  });

  it("writes what it writes with them on the main thread", async () => {
    const spec = "openapi/sudo-images.yaml";
    delete forced.worker;
    const inline = await generateFiles(spec);
    forced.worker = new URL("../../src/codegen/validators-worker.ts", import.meta.url);
    expect(await generateFiles(spec)).toEqual(inline);
  });

  it("turns a thread's crash into the one-line SpecError naming the spec", async () => {
    forced.worker = workerOf('throw new Error("the heap is gone\\nand more");');
    const error = await generateFiles("openapi/sudo-images.yaml").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toMatch(/^openapi\/sudo-images\.yaml: cannot generate: the heap is gone$/);
  });

  it("ends the thread it started before reading a spec that cannot be read", async () => {
    delete forced.worker;
    const file = path.join(dir, "broken.json");
    await writeFile(file, `{${" ".repeat(thread.EARLY_FROM_BYTES)}`);
    await expect(generateFiles(file)).rejects.toThrow(SpecError);
    expect(forced.early?.threadId).toBe(-1);
  });

  it("leaves no thread running when the run fails beside it", async () => {
    const file = path.join(dir, "twice.json");
    const operation = { operationId: "same", responses: { "204": { description: "none" } } };
    const paths = { "/a": { get: operation }, "/b": { post: operation } };
    await writeFile(file, JSON.stringify({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths }));
    forced.worker = workerOf("setInterval(() => {}, 1000);");
    await expect(generateFiles(file)).rejects.toThrow(/unique `operationId`/);
    // Its answer can only be that it stopped: the run ended the thread (else this would never settle).
    await expect(forced.handle?.result(() => {})).rejects.toThrow(/stopped \(exit code \d+\)/);
  });
});
