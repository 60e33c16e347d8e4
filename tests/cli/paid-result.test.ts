import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sendJson, startTestServer, type TestServer } from "../helpers/http-server.js";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

/**
 * A server that gives one 1x1 PNG per sub-call, refuses the sub-call whose Idempotency-Key ends in
 * `refuse`, and never answers the one whose key ends in `hold` (each test sets one).
 */
let server: TestServer;
let refuse = "none";
let hold = "none";
beforeAll(async () => {
  server = await startTestServer((seen, res) => {
    const key = String(seen.headers["idempotency-key"]);
    if (key.endsWith(refuse)) {
      return sendJson(res, 400, { error: { message: "refused by the safety system", type: "invalid_request_error" } });
    }
    if (key.endsWith(hold)) return;
    sendJson(res, 200, { created: 1, data: [{ b64_json: PNG }] }, { "x-request-id": `req${key.slice(-2)}` });
  });
});
afterAll(() => server.close());

let out: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), "sudo-images-partial-"));
});
afterEach(() => rm(out, { recursive: true, force: true }));

/**
 * Runs the CLI in-process: four images of an unruled model, one per call, against the server. With
 * `watch`, stderr is a terminal (the spinner says what arrived) and `watch` sees each write.
 */
async function generate(extra: string[] = [], watch?: (text: string) => void) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const args = ["generate", "four foxes", "--model", "m", "--n", "4", "--max-images-per-call", "1"];
  const code = await main(
    [...args, "--base-url", server.url, "--api-key", "sk-test", "--out", out, ...extra],
    { write: (text: string) => stdout.push(text) },
    {
      write: (text: string) => {
        stderr.push(text);
        watch?.(text);
      },
      isTTY: watch !== undefined,
    },
  );
  refuse = hold = "none";
  return { code, stdout: stdout.join(""), stderr: stderr.join(""), files: (await readdir(out)).sort() };
}

describe("a fanned-out call that brought only some images", () => {
  it("saves the 3 that arrived when sub-call 3 is refused, and exits 1 naming sub-call 3", async () => {
    refuse = "-3";
    const { code, stdout, stderr, files } = await generate();
    expect(code).toBe(1);
    expect(files).toEqual(["four-foxes-1.png", "four-foxes-2.png", "four-foxes-3.png"]);
    expect(stdout.match(/^saved /gm)).toHaveLength(3);
    expect(stderr).toMatch(
      /^sudo-images: 3 of 4 images arrived and are saved; sub-call 3 failed: POST .* failed with status 400: refused by the safety system\n$/,
    );
  });

  it("saves what arrived before --deadline passed, and says so", async () => {
    hold = "-4";
    const { code, stderr, files } = await generate(["--deadline", "3000"]);
    expect(code).toBe(1);
    expect(files).toHaveLength(3);
    expect(stderr).toBe("sudo-images: gave up after --deadline 3000 ms; 3 of 4 images arrived and are saved\n");
  });

  it("saves what arrived when Ctrl-C (SIGINT) stops it, says so, exits 130, and leaves a second Ctrl-C to Node", async () => {
    hold = "-4";
    let pressed = false;
    // The spinner says when the third image arrived; Ctrl-C comes then (sub-call 4 never answers).
    // --deadline only ends the run if Ctrl-C is not heard.
    const { code, stderr, files } = await generate(["--deadline", "20000"], (text) => {
      if (pressed || !text.includes("3 of 4 arrived")) return;
      pressed = true;
      setImmediate(() => process.emit("SIGINT"));
    });
    expect(code).toBe(130);
    expect(files).toEqual(["four-foxes-1.png", "four-foxes-2.png", "four-foxes-3.png"]);
    expect(stderr.split("\r\x1b[2K").at(-1)).toBe(
      "sudo-images: interrupted (Ctrl-C); 3 of 4 images arrived and are saved\n",
    );
    expect(process.listenerCount("SIGINT")).toBe(0);
  });
});
