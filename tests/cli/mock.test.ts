/**
 * `sudo-images mock --spec` as a shell user runs it: the real CLI in a child process, serving a
 * small spec of its own until it is stopped.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { processTimeout, runScript } from "../helpers/run-script.js";

const root = path.resolve(import.meta.dirname, "../..");
const PETS = path.join(root, "tests/fixtures/pets/openapi.yaml");
const TSX = pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href;

describe.concurrent("sudo-images mock --spec", () => {
  it(
    "serves the spec's routes on the URL it prints, and stops on SIGTERM with exit 0",
    async () => {
      const child = spawn(
        process.execPath,
        ["--import", TSX, "src/cli/bin.ts", "mock", "--spec", PETS, "--seed", "1"],
        {
          cwd: root,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      try {
        const line = await new Promise<string>((resolve, reject) => {
          let out = "";
          child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
            out += chunk;
            if (out.includes("\n")) resolve(out);
          });
          child.once("exit", (code) => reject(new Error(`exited ${code} before listening`)));
        });
        const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
        expect(line).toMatch(/^Mock of .*openapi\.yaml \(6 operations\) listening on http:\/\/127\.0\.0\.1:\d+\n$/);
        expect((await (await fetch(`${url}/pets/1`)).json()).name).toBe("Tom");
        expect((await fetch(`${url}/pets/1`, { method: "PUT" })).headers.get("allow")).toBe("GET, DELETE");
      } finally {
        const ended = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        expect(await ended).toBe(0);
      }
    },
    processTimeout(1),
  );

  it(
    "says in one line why a spec cannot be served",
    async () => {
      const result = await runScript("src/cli/bin.ts", ["mock", "--spec", path.join(root, "no-such-spec.yaml")]);
      expect(result.code).toBe(1);
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^sudo-images: error: .*no-such-spec\.yaml/);
    },
    processTimeout(1),
  );
});
