/**
 * `sudo-images verify` as a shell user runs it: the real CLI in a child process, against a closed
 * port on 127.0.0.1 (a run that sent anything would fail there); --dry-run's listing in process.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { verifyCommand } from "../../src/cli/verify.js";
import { closedPort, sendJson, startTestServer } from "../helpers/http-server.js";
import { processTimeout, runScript } from "../helpers/run-script.js";

/** Where what loading `--spec` says goes when a test does not read it. */
const quiet = { write: () => {} };

async function verify(args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("SUDO_")));
  const nowhere = `http://127.0.0.1:${await closedPort()}`;
  return runScript("src/cli/bin.ts", ["verify", "--base-url", nowhere, "--api-key", "k", ...args], { env });
}

describe.concurrent("sudo-images verify with nothing to check", () => {
  it.each([
    [
      ["--include", "images"],
      "--include (images) plans no request: images are checked on the answers to valid requests",
    ],
    [["--budget", "0"], "--budget is 0: nothing would be sent, and zero checks is never a pass"],
    [["--budget", "0", "--dry-run"], "--budget is 0: nothing would be sent"],
    [["--include", "valid,everything"], '--include takes valid, invalid, auth, method, images; not "everything"'],
    [["--concurrency", "0"], "--concurrency must be a whole number of at least 1; got 0"],
  ])(
    "exits 2 on %j with one line naming the flag, and never says the server matches",
    async (args, message) => {
      const result = await verify(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`sudo-images: ${message}`);
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(result.stdout).toBe("");
    },
    processTimeout(1),
  );
});

describe("sudo-images verify --dry-run", () => {
  it("lists each request with its body, and a request with none (the GET) with no body, not `undefined`", async () => {
    const printed: string[] = [];
    const flags = {
      "dry-run": true,
      "allow-insecure-http": false,
      json: false,
      mock: false,
      "no-cache": false,
      include: "method,invalid",
    };
    expect(await verifyCommand(flags, { write: (text: string) => void printed.push(text) }, quiet)).toBe(0);
    const lines = printed.join("").trimEnd().split("\n");
    expect(lines).toContain("method  a method the path does not define (GET)");
    expect(lines).toContainEqual(expect.stringMatching(/^invalid missing prompt {2}\{"model":"gpt-image-2"\}$/));
    expect(printed.join("")).not.toContain("undefined");
  });
});

describe("sudo-images verify --spec", () => {
  const flags = { "dry-run": false, "allow-insecure-http": false, json: true, mock: true, "no-cache": false };

  it("verifies another spec's mock, generated from the file, and every check passes", async () => {
    const printed: string[] = [];
    const spec = "tests/fixtures/verify/pets.yaml";
    expect(await verifyCommand({ ...flags, spec }, { write: (text: string) => void printed.push(text) }, quiet)).toBe(
      0,
    );
    const report = JSON.parse(printed.join("")) as { passed: number; failed: unknown[] };
    expect(report.failed).toEqual([]);
    // More than Sudo's whole plan could give: the pets spec's operations were planned, not Sudo's.
    expect(report.passed).toBeGreaterThan(100);
  });

  it("with --api-key, the mock holds that key and verify sends it in each scheme's place: every check passes", async () => {
    const printed: string[] = [];
    const spec = "tests/fixtures/kit/credentials.yaml";
    const run = verifyCommand(
      { ...flags, spec, "api-key": "k-cli-1" },
      { write: (text) => void printed.push(text) },
      quiet,
    );
    expect(await run).toBe(0);
    expect(JSON.parse(printed.join(""))).toMatchObject({ failed: [] });
  });

  it("exits 1 against a server that ignores credentials, naming each credential check it failed", async () => {
    const server = await startTestServer((_seen, res) => sendJson(res, 200, { ok: true }));
    try {
      const printed: string[] = [];
      const options = { ...flags, json: false, mock: false, spec: "tests/fixtures/kit/credentials.yaml" };
      const run = verifyCommand(
        { ...options, "base-url": server.url, "api-key": "k-cli-1", include: "auth" },
        { write: (text) => void printed.push(text) },
        quiet,
      );
      expect(await run).toBe(1);
      const output = printed.join("");
      expect(output).toMatch(
        /^FAIL {2}withQueryKey: no queryKey credential: status: expected 401 or 403 for a request the key does not allow, received 200$/m,
      );
      expect(output).not.toContain("k-cli-1");
    } finally {
      await server.close();
    }
  });

  it("says when a budget left operations unasked, so a partial run never reads as the whole spec", async () => {
    const run = async (budget: string) => {
      const printed: string[] = [];
      const spec = "tests/fixtures/verify/pets.yaml";
      await verifyCommand(
        { ...flags, json: false, spec, budget },
        { write: (text: string) => void printed.push(text) },
        quiet,
      );
      return printed.at(-1) ?? "";
    };
    expect(await run("2")).toMatch(/matches the spec \(.*; 1 of 3 operations checked: raise --budget for the rest\)$/m);
    expect(await run("200")).not.toContain("operations checked");
  });

  it("never takes Sudo's SUDO_BASE_URL for another spec's server", async () => {
    const server = await startTestServer((_, res) => sendJson(res, 200, {}));
    const before = process.env.SUDO_BASE_URL;
    process.env.SUDO_BASE_URL = server.url;
    try {
      const run = verifyCommand({ ...flags, mock: false, spec: "tests/fixtures/verify/pets.yaml" }, quiet, quiet);
      await expect(run).rejects.toThrow("verify needs --base-url (or --mock)");
      expect(server.requests).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.SUDO_BASE_URL;
      else process.env.SUDO_BASE_URL = before;
      await server.close();
    }
  });

  it.each([
    { signal: "SIGINT", said: "interrupted \\(Ctrl-C\\)", exit: 130 },
    // What docker stop, Kubernetes, GitLab and Jenkins send to cancel a job.
    { signal: "SIGTERM", said: "terminated \\(SIGTERM\\)", exit: 143 },
  ] as const)(
    "ends on $signal with what it checked by then, printed and in the JUnit file, never a pass (exit $exit)",
    async ({ signal, said, exit }) => {
      const dir = await mkdtemp(path.join(tmpdir(), "verify-stop-"));
      // The first request is answered; the signal comes when the second arrives, which is never answered.
      const server = await startTestServer((_, res) => {
        if (server.requests.length === 1)
          return sendJson(res, 200, [{ id: 1, name: "Tom", kind: "cat" }], { "x-total": "1" });
        setImmediate(() => process.emit(signal));
      });
      try {
        const printed: string[] = [];
        const junit = path.join(dir, "verify.xml");
        const options = { ...flags, json: false, mock: false, concurrency: "1", junit, "base-url": server.url };
        const code = await verifyCommand(
          { ...options, spec: "tests/fixtures/verify/pets.yaml", include: "valid" },
          { write: (text: string) => void printed.push(text) },
          quiet,
        );
        expect(code, printed.join("")).toBe(exit);
        expect(printed.filter((line) => line.startsWith("FAIL"))).toEqual([]);
        expect(printed.at(-1)).toMatch(new RegExp(`: ${said} with \\d+ checks passed and 0 failed: not a pass\n$`));
        expect(await readFile(junit, "utf8")).toMatch(
          new RegExp(`<failure message="${said}: the run stopped early, not a pass"/>`),
        );
        expect([process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")]).toEqual([0, 0]);
      } finally {
        await server.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  it("loads a spec it loaded before from the cache, and says so on stderr; --no-cache generates it again", async () => {
    const run = async (noCache: boolean) => {
      const said: string[] = [];
      const spec = "tests/fixtures/verify/pets.yaml";
      const dryRun = { ...flags, spec, "dry-run": true, "no-cache": noCache };
      await verifyCommand(dryRun, quiet, { write: (text: string) => void said.push(text) });
      return said.join("");
    };
    await run(false);
    expect(await run(false)).toMatch(
      /^sudo-images: using the cached folder for tests\/fixtures\/verify\/pets\.yaml \(/,
    );
    expect(await run(true)).toBe("");
  });

  it("says in one line that a spec file is missing", async () => {
    const run = verifyCommand({ ...flags, spec: "tests/fixtures/verify/missing.yaml" }, { write: () => {} }, quiet);
    await expect(run).rejects.toThrow(/missing\.yaml/);
  });
});
