/**
 * Each command reads its own flags and no other's: a flag of another command, or of none, stops
 * the command line with exit 2 and one line naming the flag and the command, before anything is
 * sent. Run in process (`main`), against a recording server on 127.0.0.1.
 */
import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";

const PNG_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

let server: TestServer;
let dir: string;
beforeAll(async () => {
  // A paid API that would happily generate: anything that reaches it is a request that cost money.
  server = await startTestServer((_seen, res) => sendJson(res, 200, { data: [{ b64_json: PNG_B64 }] }));
  dir = await mkdtemp(path.join(tmpdir(), "sudo-images-flags-"));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the command line in process; what it printed, and its exit code. */
async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(
    args,
    { write: (text: string) => void stdout.push(text) },
    { write: (text: string) => void stderr.push(text) },
  );
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
}

describe("each command takes only its own flags", () => {
  it.each([
    [["generate", "a fox", "--dry-run"], "--dry-run is a flag of verify, not of generate"],
    [["generate", "a fox", "--budget", "3"], "--budget is a flag of verify, not of generate"],
    [["verify", "--model", "dall-e-3"], "--model is a flag of generate, not of verify"],
    [["verify", "--out", "somewhere"], "--out is a flag of generate, not of verify"],
    [["verify", "--deadline", "1000"], "--deadline is a flag of generate, not of verify"],
    [["generate", "a fox", "--bogus"], "Unknown option '--bogus' for generate"],
    [["verify", "--budgte", "3"], "Unknown option '--budgte' for verify; did you mean --budget?"],
  ])("refuses %j with exit 2, one line naming the flag and the command, nothing sent", async (args, message) => {
    const out = path.join(dir, `out-${args.join("-").replace(/\W+/g, "")}`);
    const where = args[0] === "generate" ? ["--out", out] : [];
    const result = await run([...args, "--base-url", server.url, "--api-key", "sk-flags-test", ...where]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`sudo-images: ${message} (see sudo-images --help)\n`);
    expect(result.stdout).toBe("");
    expect(server.requests).toEqual([]);
    await expect(access(out)).rejects.toThrow();
  });
});

describe("a flag followed by a value that starts with a dash", () => {
  it.each([
    [["generate", "a fox", "--n", "-1"], "--n"],
    [["verify", "--budget", "-1"], "--budget"],
  ])("refuses %j with exit 2, saying how such a value is written, nothing sent", async (args, flag) => {
    const where = args[0] === "generate" ? ["--out", path.join(dir, "out-dash")] : [];
    const result = await run([...args, "--base-url", server.url, "--api-key", "sk-flags-test", ...where]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `sudo-images: ${flag} needs a value; one that starts with a dash is written ${flag}=-… (see sudo-images --help)\n`,
    );
    expect(server.requests).toEqual([]);
  });
});
