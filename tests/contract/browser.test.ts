/**
 * The client in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core; no
 * browser download): bundled with esbuild for the browser platform, served on 127.0.0.1 beside
 * the mock server (CORS), it generates an image that the page decodes in an <img>.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../../src/testing/index.js";
import { startTestServer, type TestServer } from "../helpers/http-server.js";

const CHROMIUM = "/usr/bin/chromium";
const root = path.resolve(import.meta.dirname, "../..");
// Skipped only where Chromium is not installed; .ci/run installs it (apt-get install chromium).
const missing = !existsSync(CHROMIUM);
// The default reporter shows no skipped titles; say it where a plain `npm test` shows it.
if (missing) console.warn(`tests/contract/browser.test.ts skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

describe.skipIf(missing)(`in a real browser${missing ? ` (skipped: ${CHROMIUM} is missing)` : ""}`, () => {
  let mock: MockServer;
  let site: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [path.join(root, "tests/browser/page.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      target: "es2022",
      write: false,
    });
    const script = bundle.outputFiles[0]?.text ?? "";
    mock = await startMockServer({ apiKey: "sk-browser" });
    site = await startTestServer((seen, res) => {
      if (seen.url === "/page.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(script);
      res
        .writeHead(200, { "content-type": "text/html" })
        .end('<!doctype html><body><script type="module" src="/page.js"></script>');
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await mock?.close();
  });

  it("refuses a key without dangerouslyAllowBrowser, then generates an image the page decodes", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/?api=${encodeURIComponent(mock.url)}`);
    const handle = await page.waitForFunction(() => window.result, undefined, { timeout: 30_000 });
    const result = await handle.jsonValue();
    expect(result).toEqual({
      refused: expect.stringContaining("Refusing to use an API key in a browser"),
      width: 256,
      height: 256,
      revised: "a fox in a browser, as drawn by the sudo-images mock",
    });
    await mkdir(path.join(root, "test-results"), { recursive: true });
    await page.screenshot({ path: path.join(root, "test-results/browser.png") });
    expect(mock.requests.at(-1)?.headers.authorization).toBe("Bearer [redacted]");
  });
});
