/**
 * `sudo-images mock` as a shell user runs it: the real CLI in a child process, serving a small
 * spec of its own until it is stopped; in process, each flag, and the Sudo images API without `--spec`.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { mockCommand } from "../../src/cli/mock-command.js";
import { AuthenticationError, createImagesClient } from "../../src/index.js";
import { processTimeout, runScript } from "../helpers/run-script.js";

const root = path.resolve(import.meta.dirname, "../..");
const PETS = path.join(root, "tests/fixtures/pets/openapi.yaml");
const TSX = pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href;

describe.concurrent("sudo-images mock", () => {
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

  it("with --api-key, takes that key where each operation's scheme puts it and refuses others", async () => {
    const stop = new AbortController();
    let running: Promise<number> | undefined;
    let out = "";
    const listening = new Promise<string>((resolve) => {
      const stdout = {
        write: (text: string) => {
          out += text;
          resolve(out);
        },
      };
      const spec = path.join(root, "tests/fixtures/kit/credentials.yaml");
      running = mockCommand(["--spec", spec, "--api-key", "k-mock-1"], stdout, { write: () => {} }, stop.signal);
    });
    try {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(await listening)?.[1];
      expect((await fetch(`${url}/query-key?api_key=k-mock-1`)).status).toBe(200);
      expect((await fetch(`${url}/query-key?api_key=k-mock-2`)).status).toBe(403);
      expect((await fetch(`${url}/header-key`, { headers: { "x-api-key": "k-mock-1" } })).status).toBe(200);
      expect((await fetch(`${url}/header-key`)).status).toBe(401);
      expect((await fetch(`${url}/open`)).status).toBe(200);
    } finally {
      stop.abort();
      expect(await running).toBe(0);
    }
  });

  it("without --spec serves the Sudo images API, drawing real images, and with --api-key refuses another key", async () => {
    const stop = new AbortController();
    let running: Promise<number> | undefined;
    const listening = new Promise<string>((resolve) => {
      running = mockCommand(["--api-key", "sk-mock-cli-1"], { write: resolve }, { write: () => {} }, stop.signal);
    });
    try {
      const line = await listening;
      expect(line).toMatch(
        /^Mock of the Sudo images API \(drawing real images\) listening on http:\/\/127\.0\.0\.1:\d+\n$/,
      );
      const baseUrl = /listening on (\S+)/.exec(line)?.[1];
      const client = (apiKey: string) => createImagesClient({ baseUrl, apiKey, maxRetries: 0 });
      const { data } = await client("sk-mock-cli-1").generate({ prompt: "a fox", model: "gpt-image-2", size: "64x64" });
      const png = Buffer.from(data[0]?.b64_json ?? "", "base64");
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      await expect(client("sk-mock-cli-2").generate({ prompt: "a fox", model: "gpt-image-2" })).rejects.toThrow(
        AuthenticationError,
      );
    } finally {
      stop.abort();
      expect(await running).toBe(0);
    }
  });

  it("without --api-key takes any key and says so on stderr, naming the flag verify's wrong-key check needs", async () => {
    const stop = new AbortController();
    let running: Promise<number> | undefined;
    const said: string[] = [];
    const listening = new Promise<string>((resolve) => {
      running = mockCommand([], { write: resolve }, { write: (text: string) => void said.push(text) }, stop.signal);
    });
    try {
      const baseUrl = /listening on (\S+)/.exec(await listening)?.[1];
      expect(said).toEqual([
        "sudo-images: any key is accepted; start with --api-key KEY (and give verify the same key) to have a wrong one refused\n",
      ]);
      const client = createImagesClient({ baseUrl, apiKey: "any-key-at-all", maxRetries: 0 });
      const { data } = await client.generate({ prompt: "a fox", model: "gpt-image-2", size: "16x16" });
      expect(data).toHaveLength(1);
    } finally {
      stop.abort();
      expect(await running).toBe(0);
    }
  });

  it("refuses an empty --api-key (an unset variable), which would refuse every request, before listening", async () => {
    const out: string[] = [];
    const err: string[] = [];
    // Were it to listen, its line would stop it again: the test fails rather than hangs.
    const stop = new AbortController();
    const stdout = {
      write: (text: string) => {
        out.push(text);
        stop.abort();
      },
    };
    const code = await mockCommand(
      ["--api-key", ""],
      stdout,
      { write: (text: string) => void err.push(text) },
      stop.signal,
    );
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual(["sudo-images: --api-key is empty: give the key the mock accepts, or leave the flag out\n"]);
  });

  it("stops when its stop signal aborted while it was starting (an abort event fires only once)", async () => {
    const stop = new AbortController();
    const stdout = { write: () => stop.abort() };
    expect(await mockCommand(["--api-key", "k"], stdout, { write: () => {} }, stop.signal)).toBe(0);
  }, 10_000);

  it("a second start of the same spec says it uses the cached folder; --no-cache generates it again", async () => {
    // Started and stopped in process: each start is over once it listens.
    const start = async (...flags: string[]) => {
      const stop = new AbortController();
      const said: string[] = [];
      const spec = path.join(root, "tests/fixtures/five-minutes/openapi.yaml");
      let running: Promise<number> | undefined;
      await new Promise<void>((resolve) => {
        const stderr = { write: (text: string) => void said.push(text) };
        running = mockCommand(["--spec", spec, ...flags], { write: () => resolve() }, stderr, stop.signal);
      });
      stop.abort();
      expect(await running).toBe(0);
      return said.join("");
    };
    await start();
    const cached = /^sudo-images: using the cached folder for .*openapi\.yaml \(generated [^)]* UTC\)$/m;
    const second = await start();
    expect(second).toMatch(cached);
    // The generator's warnings were kept with the folder: the same line as when it was generated.
    expect(second).toMatch(/^sudo-images: 5 warning\(s\) about .*openapi\.yaml/m);
    const regenerated = await start("--no-cache");
    expect(regenerated).not.toMatch(cached);
    expect(regenerated).toMatch(/^sudo-images: 5 warning\(s\) about .*openapi\.yaml/m);
  });

  it(
    "says in one line why a spec cannot be served",
    async () => {
      const result = await runScript("src/cli/bin.ts", ["mock", "--spec", path.join(root, "no-such-spec.yaml")]);
      expect(result.code).toBe(1);
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^sudo-images: .*no-such-spec\.yaml: no such file \(ENOENT\)$/m);
    },
    processTimeout(1),
  );
});
