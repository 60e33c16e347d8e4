import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectImageType, ImageError, imageBytes, TimeoutError } from "../src/index.js";
import { saveImages } from "../src/node.js";
import { renderMockPng } from "../src/testing/mock-image.js";
import { startTestServer, type TestServer } from "./helpers/http-server.js";
import { pngSize } from "./helpers/png.js";

const png = renderMockPng(8, 6, "tiny");
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const webp = new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 ");
const gif = new TextEncoder().encode("GIF89a\x01\0\x01\0");

let host: TestServer;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sudo-images-files-"));
  host = await startTestServer((seen, res) => {
    if (seen.url === "/fox.png") return void res.writeHead(200, { "content-type": "image/png" }).end(png);
    if (seen.url === "/missing.png") return void res.writeHead(404).end();
    if (seen.url === "/huge.png") return void res.writeHead(200).end(Buffer.alloc(2048));
    // "/slow.png" never answers
  });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe("imageBytes", () => {
  it("decodes b64_json", async () => {
    expect(await imageBytes({ b64_json: Buffer.from(png).toString("base64") })).toEqual(new Uint8Array(png));
  });

  it.each(["not base64!", "abc", "YW=Jj"])("rejects malformed base64 %j with an ImageError", async (text) => {
    await expect(imageBytes({ b64_json: text })).rejects.toThrow(/b64_json is not valid base64/);
  });

  it("downloads url without the API key or any Authorization header", async () => {
    const before = host.requests.length;
    expect(await imageBytes({ url: `${host.url}/fox.png` })).toEqual(new Uint8Array(png));
    expect(host.requests[before]?.headers.authorization).toBeUndefined();
  });

  it("fails clearly on a failed download, an oversized image, a slow host, and an empty item", async () => {
    await expect(imageBytes({ url: `${host.url}/missing.png` })).rejects.toThrow(/failed with status 404/);
    await expect(imageBytes({ url: `${host.url}/huge.png` }, { maxBytes: 1024 })).rejects.toThrow(
      /over the 1024-byte limit/,
    );
    await expect(imageBytes({ url: `${host.url}/slow.png` }, { timeoutMs: 50 })).rejects.toBeInstanceOf(TimeoutError);
    await expect(imageBytes({})).rejects.toBeInstanceOf(ImageError);
  });
});

describe("detectImageType", () => {
  it.each([
    ["PNG", png, "image/png", "png"],
    ["JPEG", jpeg, "image/jpeg", "jpg"],
    ["WebP", webp, "image/webp", "webp"],
    ["GIF", gif, "image/gif", "gif"],
  ] as const)("knows %s by its magic bytes", (_name, bytes, mediaType, extension) => {
    expect(detectImageType(bytes, "webp")).toEqual({ mediaType, extension });
  });

  it("falls back to output_format, then to octet-stream", () => {
    const unknown = Uint8Array.from([1, 2, 3]);
    expect(detectImageType(unknown, "JPEG")).toEqual({ mediaType: "image/jpeg", extension: "jpg" });
    expect(detectImageType(unknown, "constructor")).toEqual({
      mediaType: "application/octet-stream",
      extension: "bin",
    });
    expect(detectImageType(unknown)).toEqual({ mediaType: "application/octet-stream", extension: "bin" });
  });
});

describe("saveImages", () => {
  it("creates the folder, names files by type, and never overwrites", async () => {
    const out = path.join(dir, "nested", "out");
    const result = { data: [{ b64_json: Buffer.from(png).toString("base64") }, { url: `${host.url}/fox.png` }] };
    const first = await saveImages(result, out, { name: "fox" });
    const second = await saveImages(result, out, { name: "fox" });
    expect(first.map((file) => path.basename(file.path))).toEqual(["fox-1.png", "fox-2.png"]);
    expect(second.map((file) => path.basename(file.path))).toEqual(["fox-1-v2.png", "fox-2-v2.png"]);
    expect((await readdir(out)).length).toBe(4);
    expect(first[0]).toMatchObject({ bytes: png.length, mediaType: "image/png", width: 8, height: 6 });
    expect(pngSize(await readFile(first[1]?.path as string))).toEqual({ width: 8, height: 6 });
  });

  it("uses output_format for bytes it cannot recognise", async () => {
    const [file] = await saveImages({ output_format: "webp", data: [{ b64_json: "AAEC" }] }, dir);
    expect(path.basename(file?.path as string)).toBe("image.webp");
  });
});
