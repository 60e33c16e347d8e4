import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../../src/testing/index.js";
import { sendJson, startTestServer } from "../helpers/http-server.js";
import { pngSize } from "../helpers/png.js";
import { processTimeout, runScript } from "../helpers/run-script.js";

const root = path.resolve(import.meta.dirname, "../..");
const SECRET = "sk-test-SECRET-123";
const KEYED = { SUDO_API_KEY: "sk-the-right-key" };

/** Runs the real CLI (src/cli/bin.ts) as a child process, with no SUDO_* variables unless given. */
async function cli(args: string[], options: { env?: Record<string, string>; cwd?: string; script?: string } = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("SUDO_")));
  return runScript(options.script ?? "src/cli/bin.ts", args, { env: { ...env, ...options.env }, cwd: options.cwd });
}

let dir: string;
let mock: MockServer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sudo-images-cli-"));
  mock = await startMockServer({ apiKey: "sk-the-right-key" });
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

// Each group's timeout: the most child processes one of its tests runs, one after another.
describe.concurrent("sudo-images generate", { timeout: processTimeout(2) }, () => {
  it("writes valid PNGs of the requested size and reports each file", async () => {
    const out = path.join(dir, "plain");
    const result = await cli(["generate", "a red fox", "--mock", "--out", out, "--size", "256x256", "--n", "2"]);
    expect(result.code).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files).toEqual(["a-red-fox-1.png", "a-red-fox-2.png"]);
    for (const file of files)
      expect(pngSize(await readFile(path.join(out, file)))).toEqual({ width: 256, height: 256 });
    expect(result.stdout).toContain(`saved ${path.join(out, "a-red-fox-1.png")}  256x256  `);
    expect(result.stdout).toMatch(/revised prompt: a red fox/);
    expect(result.stdout).toMatch(/tokens: \d+ in, \d+ out, \d+ total/);
  });

  it("--json prints one JSON object matching the files, and nothing else on stdout", async () => {
    const out = path.join(dir, "json");
    const result = await cli([
      "generate",
      "a red fox",
      "--mock",
      "--out",
      out,
      "--json",
      // A model the spec has no rule for: its images come as URLs.
      "--model",
      "flux-1.1-pro",
      "--size",
      "512x512",
    ]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      data: object[];
      files: { path: string; bytes: number; width: number }[];
    };
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).not.toContain("b64_json");
    // The image came as a URL of the embedded mock, closed once the command ends: the file holds
    // it, and no dead link is printed.
    expect(parsed.data).toEqual([{ revised_prompt: expect.stringContaining("a red fox") }]);
    expect(parsed.data).toHaveLength(1);
    expect(parsed.files).toHaveLength(1);
    const [file] = parsed.files;
    expect((await stat(file?.path as string)).size).toBe(file?.bytes);
    expect(file).toMatchObject({ mediaType: "image/png", width: 512, height: 512 });
  });

  it("shows each image of a fanned-out call as it arrives, on a terminal", async () => {
    // In process, so that stderr can be a terminal; the call goes to the embedded mock as ever.
    const { main } = await import("../../src/cli/main.js");
    const terminal: string[] = [];
    const stderr = { isTTY: true, write: (text: string) => void terminal.push(text) };
    const out = path.join(dir, "fanned");
    const args = ["generate", "three herons", "--mock", "--out", out, "--n", "3", "--max-images-per-call", "1"];
    const code = await main(args, { write: () => {} }, stderr);
    expect(code).toBe(0);
    const shown = terminal.join("");
    expect(shown).toContain("generating 3 image(s) with gpt-image-2: 1 of 3 arrived…");
    expect(shown).toContain("generating 3 image(s) with gpt-image-2: 2 of 3 arrived…");
    expect(await readdir(out)).toHaveLength(3);
  });

  it("never overwrites: a second run adds a suffix", async () => {
    const out = path.join(dir, "twice");
    await cli(["generate", "owl", "--mock", "--out", out, "--size", "256x256"]);
    await cli(["generate", "owl", "--mock", "--out", out, "--size", "256x256"]);
    expect((await readdir(out)).sort()).toEqual(["owl-v2.png", "owl.png"]);
  });

  it.each([
    [["generate", "x", "--bogus"], /^sudo-images: Unknown option '--bogus' for generate \(see sudo-images --help\)\n$/],
    [["generate", "x", "--n", "two"], /--n takes a whole number, not "two"/],
    [
      ["generate", "x", "--mock", "--size", "999x999"],
      /--size: gpt-image-2 takes size auto or WxH, each side a multiple of 16 up to 3840, got "999x999"/,
    ],
    [["generate", "x", "--mock", "--quality", "ultra"], /--quality: one of low, medium, high, .*, got "ultra"/],
    [["generate", "x", "--mock", "--n", "11"], /--n: must be <= 10, got 11/],
    [["generate"], /Missing the prompt/],
    [["paint", "x"], /Unknown command "paint"/],
  ])("exits 2 with one clear line for %j", async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
  });

  it("exits 1 with the server's message on a 401, and shows the key nowhere", async () => {
    const viaEnv = await cli(["generate", "x", "--base-url", mock.url], { env: { SUDO_API_KEY: SECRET } });
    const viaFlag = await cli(["generate", "x", "--base-url", mock.url, "--api-key", SECRET, "--debug"]);
    for (const result of [viaEnv, viaFlag]) {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("failed with status 401: Invalid or missing API key");
      expect(result.stderr).toContain("(check SUDO_API_KEY or --api-key)");
      expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
    }
    expect(viaFlag.stderr).toContain("authorization: [redacted]");
    expect(viaEnv.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("reaches a real server with SUDO_API_KEY and SUDO_BASE_URL", async () => {
    const out = path.join(dir, "env");
    const result = await cli(["generate", "a kite", "--out", out], {
      env: { SUDO_API_KEY: "sk-the-right-key", SUDO_BASE_URL: mock.url },
    });
    expect(result.code).toBe(0);
    expect(mock.requests.filter((seen) => (seen.body as { prompt?: string }).prompt === "a kite")).toHaveLength(1);
    expect(await readdir(out)).toEqual(["a-kite.png"]);
  });

  it("names the prompt as the words it is given as, not as a flag generate does not take (--prompt)", async () => {
    // In process: the line is the same, and a 32 001-character argument makes a poor test title.
    const { main } = await import("../../src/cli/main.js");
    const lines: string[] = [];
    const code = await main(
      ["generate", "a".repeat(32_001), "--mock"],
      { write: () => {} },
      { write: (text: string) => void lines.push(text) },
    );
    const stderr = lines.join("");
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^sudo-images: the prompt: gpt-image-\* and chatgpt-image-\* takes prompt up to 32000 characters, got "a+"… \(32001 characters\)\n$/,
    );
    expect(stderr).not.toContain("--prompt");
  });

  it("exits 1 with a hint when no key is set", async () => {
    const result = await cli(["generate", "x"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "sudo-images: No API key: set SUDO_API_KEY, pass --api-key, or try --mock for the built-in mock server\n",
    );
  });

  it("prints --help and --version", async () => {
    const help = await cli(["--help"]);
    expect(help.stdout).toMatch(/^Usage: sudo-images generate <prompt> \[options\]/);
    // Which values go with which model, from the spec's rules, under each flag they constrain.
    expect(help.stdout).toMatch(
      /^ {2}--size S .*\n {26}with gpt-image-2: auto or WxH, each side a multiple of 16 up to 3840\n/m,
    );
    expect(help.stdout).toContain(`\n${" ".repeat(26)}with dall-e-3 (shut down 2026-05-12): 1\n`);
    expect(help.stdout).toContain(`\n${" ".repeat(26)}with gpt-image-* and chatgpt-image-*: not taken\n`);
    expect(help.stdout).toContain(`\n${" ".repeat(26)}with output_compression: required, jpeg, webp\n`);
    const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { version: string };
    expect((await cli(["--version"])).stdout).toBe(`${pkg.version}\n`);
  });
});

describe("sudo-images generate and the models' lifecycle", { timeout: processTimeout(1) }, () => {
  it("sends a live model by default (the spec's first example), through the mock, with no warning", async () => {
    const { main } = await import("../../src/cli/main.js");
    const terminal: string[] = [];
    const stderr = { isTTY: true, write: (text: string) => void terminal.push(text) };
    const code = await main(
      ["generate", "a fox", "--mock", "--out", path.join(dir, "live")],
      { write: () => {} },
      stderr,
    );
    expect(code).toBe(0);
    expect(terminal.join("")).toContain("generating 1 image(s) with gpt-image-2…");
    expect(terminal.join("")).not.toContain("warning");
  });

  it("warns on stderr of a shut-down model, sends it, and the mock's 404 says when and what instead", async () => {
    const result = await cli(["generate", "a fox", "--mock", "--model", "dall-e-3", "--out", path.join(dir, "gone")]);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      "sudo-images: warning: dall-e-3 was shut down on 2026-05-12; use gpt-image-2 instead (sent anyway: the server decides)",
      expect.stringMatching(
        /^sudo-images: POST .* failed with status 404: The model `dall-e-3` does not exist or you do not have access to it\. \(request id req_mock_\d+\); dall-e-3 was shut down on 2026-05-12; use gpt-image-2 instead$/,
      ),
    ]);
  });

  it("sends a near miss of a known model as written, and asks whether another was meant", async () => {
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";
    const server = await startTestServer((_seen, res) => sendJson(res, 200, { data: [{ b64_json: png }] }));
    try {
      const args = [
        "generate",
        "a fox",
        "--base-url",
        server.url,
        "--model",
        "dalle-3",
        "--out",
        path.join(dir, "near"),
      ];
      const result = await cli(args, { env: KEYED });
      expect(result.code).toBe(0);
      expect(JSON.parse(server.requests[0]?.body ?? "{}")).toMatchObject({ model: "dalle-3" });
      expect(result.stderr).toBe(
        "sudo-images: warning: model dalle-3 is not one the spec knows: did you mean dall-e-3? (sent anyway: the server decides)\n",
      );
    } finally {
      await server.close();
    }
  });

  it("lists the live models in --help first, and the shut-down ones after, with their dates", async () => {
    const help = (await cli(["--help"])).stdout;
    expect(help).toContain(
      [
        "  --model M               such as gpt-image-2, gpt-image-2.5, gpt-image-2.6 (default gpt-image-2)",
        `${" ".repeat(26)}shut down 2026-10-23 (use gpt-image-2): gpt-image-1`,
        `${" ".repeat(26)}shut down 2026-12-01 (use gpt-image-2): gpt-image-1-mini, gpt-image-1.5, chatgpt-image-latest`,
        `${" ".repeat(26)}shut down 2026-05-12 (use gpt-image-2): dall-e-2, dall-e-3`,
      ].join("\n"),
    );
  });
});

describe("npm start", { timeout: processTimeout(1) }, () => {
  it("leaves a PNG in ./out/ through the embedded mock, with no key and no network", async () => {
    const cwd = await mkdtemp(path.join(dir, "start-"));
    const result = await cli(["--size", "256x256"], { cwd, script: "scripts/start.ts" });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("using the embedded mock server");
    const [file] = await readdir(path.join(cwd, "out"));
    expect(file).toBe("a-lighthouse-at-dusk-oil-on-canvas.png");
    expect(pngSize(await readFile(path.join(cwd, "out", file as string)))).toEqual({ width: 256, height: 256 });
  });
});

describe("the command line under abuse", { timeout: processTimeout(2) }, () => {
  it.each([
    [["--n", "two"], "--n takes a whole number"],
    [["--timeout", "abc"], "--timeout takes a whole number"],
    [["--output-compression", "abc"], "--output-compression takes a whole number"],
    [["--n", "-3"], "--n needs a value; one that starts with a dash is written --n=-…"],
  ])("exits 2 at once on %j with --mock, in one line, and never hangs", async (flags, message) => {
    const result = await cli(["generate", "a fox", "--mock", ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("checks --out before sending (and paying for) anything", async () => {
    const file = path.join(dir, "not-a-folder");
    await writeFile(file, "x");
    const before = mock.requests.length;
    const result = await cli(["generate", "a fox", "--base-url", mock.url, "--out", file], { env: KEYED });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is a file, not a folder");
    expect(mock.requests.length).toBe(before);
  });

  it("has --allow-insecure-http, and its hint names it", async () => {
    const insecure = mock.url.replace("127.0.0.1", "localhost.test");
    const refused = await cli(["generate", "a fox", "--base-url", insecure, "--out", dir], { env: KEYED });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--allow-insecure-http");
    expect(refused.stderr).not.toContain(KEYED.SUDO_API_KEY);
  });

  it("passes --timeout to the client and each flag to its own field", async () => {
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";
    const answer = (res: import("node:http").ServerResponse) => sendJson(res, 200, { data: [{ b64_json: png }] });
    const slow = await startTestServer((_seen, res) => void setTimeout(() => answer(res), 300));
    try {
      const out = path.join(dir, "flags");
      const timedOut = await cli(["generate", "a fox", "--base-url", slow.url, "--timeout", "50", "--out", out], {
        env: KEYED,
      });
      expect(timedOut.code).toBe(1);
      expect(timedOut.stderr).toContain("timed out after 50 ms");
      const flags = ["--timeout", "5000", "--model", "gpt-image-2.5", "--quality", "xhigh", "--size", "1536x864"];
      const inTime = await cli(["generate", "a fox", "--base-url", slow.url, ...flags, "--out", out], { env: KEYED });
      expect(inTime.code).toBe(0);
      expect(JSON.parse(slow.requests.at(-1)?.body ?? "{}")).toMatchObject({
        model: "gpt-image-2.5",
        quality: "xhigh",
        size: "1536x864",
      });
    } finally {
      await slow.close();
    }
  });
});

describe("the command line and what it cannot save", { timeout: processTimeout(1) }, () => {
  const PNG_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

  it("refuses an --out under a file before sending anything", async () => {
    const file = path.join(dir, "a-file");
    await writeFile(file, "x");
    const before = mock.requests.length;
    const result = await cli(["generate", "a fox", "--base-url", mock.url, "--out", path.join(file, "sub")], {
      env: KEYED,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("lies under a file, not a folder");
    expect(mock.requests.length).toBe(before);
  });

  it("keeps a paid result it could not save, and says where", async () => {
    // The answer is paid for; its second image cannot be downloaded.
    const server = await startTestServer((_seen, res) =>
      sendJson(res, 200, { data: [{ b64_json: PNG_B64 }, { url: "http://127.0.0.1:9/gone.png" }] }),
    );
    try {
      const out = path.join(dir, "paid");
      const result = await cli(["generate", "a fox", "--n", "2", "--base-url", server.url, "--out", out], {
        env: KEYED,
      });
      expect(result.code).toBe(1);
      const kept = /the whole result \(every image\) is kept in (\S+\.json)/.exec(result.stderr)?.[1];
      expect(kept, result.stderr).toBeDefined();
      const saved = JSON.parse(await readFile(kept as string, "utf8")) as { data: { b64_json?: string }[] };
      expect(saved.data[0]?.b64_json).toBe(PNG_B64);
      expect(result.stderr).toMatch(/Image 2 of 2 was not saved: .*written before it: .*a-fox-1\.png/);
      await rm(kept as string);
    } finally {
      await server.close();
    }
  });

  it("shows no control character a server sent in its results", async () => {
    const steer = "\u001b[2J\u001b]52;c;cHduZWQ=\u0007";
    // (Error messages are checked at every door, by tests/doors.test.ts.)
    const server = await startTestServer((_seen, res) =>
      sendJson(res, 200, {
        data: [{ b64_json: PNG_B64, revised_prompt: `a fox ${steer}\nFAKE: saved /etc/passwd` }],
      }),
    );
    try {
      const out = path.join(dir, "steer");
      const ok = await cli(["generate", "a fox", "--base-url", server.url, "--out", out], { env: KEYED });
      expect(ok.code).toBe(0);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for.
      expect(ok.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(ok.stdout).toContain("revised prompt: a fox \uFFFD[2J\uFFFD]52;c;cHduZWQ=\uFFFD FAKE: saved /etc/passwd");
      expect(ok.stdout.split("\n").filter((line) => line.startsWith("FAKE"))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe("the first ten minutes", { timeout: processTimeout(1) }, () => {
  it("gives up on the whole command at --deadline, and says so", async () => {
    const stall = await startTestServer(() => {});
    try {
      const result = await cli(
        ["generate", "a fox", "--base-url", stall.url, "--timeout", "200", "--deadline", "1500", "--out", dir],
        { env: KEYED },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toBe("sudo-images: gave up after --deadline 1500 ms\n");
      // How many attempts fit before the deadline depends on how busy the machine is: at least one.
      expect(stall.requests.length).toBeGreaterThanOrEqual(1);
    } finally {
      await stall.close();
    }
  });

  it.each([
    [["--sise", "256x256"], "Unknown option '--sise' for generate; did you mean --size?"],
    [["--base-url", "sudoapp.dev/api"], '--base-url is not an absolute URL: "sudoapp.dev/api"'],
    [["--api-key", ""], "The API key from --api-key is empty"],
  ])("names the flag for %j, in one line", async (flags, message) => {
    const result = await cli(["generate", "a fox", "--out", dir, ...flags], { env: KEYED });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("says an HTML page is not the API, and which flag to check", async () => {
    const site = await startTestServer((_seen, res) => {
      res.writeHead(404, { "content-type": "text/html" }).end("<html><body>Not found</body></html>");
    });
    try {
      const result = await cli(["generate", "a fox", "--base-url", site.url, "--out", dir], { env: KEYED });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        "failed with status 404: an HTML page, not the API's JSON: check that --base-url is the API root, such as https://sudoapp.dev/api",
      );
    } finally {
      await site.close();
    }
  });
});

describe.concurrent("the key comes before the folder", { timeout: processTimeout(1) }, () => {
  it.each([
    [[], {}, 1, "No API key: set SUDO_API_KEY, pass --api-key, or try --mock"],
    [["--base-url", "http://localhost.test:9"], KEYED, 2, "Refusing to send the API key in clear text"],
  ])("refuses %j before --out is made, leaving nothing behind", async (flags, env, code, message) => {
    const out = path.join(dir, `never-made-${code}`);
    const result = await cli(["generate", "a fox", "--out", out, ...flags], { env });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    await expect(stat(out)).rejects.toThrow("ENOENT");
  });
});

describe("a base URL with /v1 on it", { timeout: processTimeout(1) }, () => {
  it("gets the hint an HTML page gets, in flag terms, from a JSON 404", async () => {
    const site = await startTestServer((_seen, res) => sendJson(res, 404, { error: { message: "Not found" } }));
    try {
      const out = path.join(dir, "v1");
      const result = await cli(["generate", "a fox", "--base-url", `${site.url}/v1`, "--out", out], { env: KEYED });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        "failed with status 404: check that --base-url is the API root, without /v1, such as https://sudoapp.dev/api (Not found)",
      );
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    } finally {
      await site.close();
    }
  });
});
