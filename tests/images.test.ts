import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ConfigurationError,
  detectImageType,
  type ImageBytesOptions,
  type ImageData,
  ImageError,
  imageBytes,
  TimeoutError,
} from "../src/index.js";
import { saveImages } from "../src/node.js";
import { renderMockPng } from "../src/testing/mock-image.js";
import { failure } from "./helpers/failure.js";
import { closedPort, startTestServer, type TestServer } from "./helpers/http-server.js";
import { usePlayServer } from "./helpers/play-server.js";
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

  it("uses output_format for an image/* download it cannot recognise", async () => {
    const served = await startTestServer(
      (_seen, res) => void res.writeHead(200, { "content-type": "image/webp" }).end("\0\x01\x02"),
    );
    try {
      const [file] = await saveImages({ output_format: "webp", data: [{ url: `${served.url}/odd` }] }, dir);
      expect(path.basename(file?.path as string)).toBe("image.webp");
    } finally {
      await served.close();
    }
  });
});

describe("b64_json must be an image, as a download must", () => {
  const b64 = (text: string) => Buffer.from(text).toString("base64");
  const notImages = [
    ["JSON", '{"error":{"message":"quota exceeded"}}'],
    ["HTML", "<!doctype html><html><body>Gateway</body></html>"],
    ["bytes of no image format", "\0\x01\x02"],
  ] as const;

  it.each(notImages)("imageBytes refuses %s with an ImageError", async (_what, text) => {
    const refused = await imageBytes({ b64_json: b64(text) }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImageError);
    expect((refused as Error).message).toBe(
      `b64_json is not an image (${Buffer.byteLength(text)} bytes of no image format)`,
    );
  });

  it.each(notImages)("saveImages names the image that is %s, and writes no .bin", async (_what, text) => {
    const out = path.join(dir, `not-an-image-${_what.replace(/\W+/g, "-")}`);
    const result = {
      output_format: "png",
      data: [{ b64_json: Buffer.from(png).toString("base64") }, { b64_json: b64(text) }],
    };
    const refused = await saveImages(result, out, { name: "img" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImageError);
    expect((refused as Error).message).toMatch(
      /^Image 2 of 2 was not saved: b64_json is not an image \(\d+ bytes of no image format\); written before it: .*img-1\.png$/,
    );
    expect(await readdir(out)).toEqual(["img-1.png"]);
  });
});

describe("imageBytes says what is wrong with an item", () => {
  it.each([
    ["nothing at all", {}, "The image has neither b64_json nor url"],
    ["null for both", { b64_json: null, url: null }, "The image has neither b64_json nor url"],
    ["a number for url", { url: 5 }, "url is not a string but a number"],
    ["an array for url", { url: ["https://img.test/a.png"] }, "url is not a string but an array"],
    ["an object for url", { url: { href: "https://img.test/a.png" } }, "url is not a string but an object"],
    ["a boolean for b64_json", { b64_json: true }, "b64_json is not a string but a boolean"],
    ["a relative url", { url: "/a.png" }, 'The image URL is not an absolute URL: "/a.png"'],
    ["an ftp url", { url: "ftp://img.test/a.png" }, "The image URL is not http or https but ftp:"],
  ])("%s", async (_what, item, message) => {
    const before = host.requests.length;
    const error = await imageBytes(item as never).then(
      () => expect.fail("expected an ImageError"),
      (failure: unknown) => failure as ImageError,
    );
    expect(error).toBeInstanceOf(ImageError);
    expect(error.message).toBe(message);
    expect(host.requests.length).toBe(before);
  });

  it("quotes at most 100 characters of a URL it cannot read", async () => {
    const long = `not a url ${"z".repeat(200)}`;
    await expect(imageBytes({ url: long })).rejects.toThrow(
      `The image URL is not an absolute URL: ${JSON.stringify(long.slice(0, 100))}`,
    );
  });

  it("takes b64_json: null as absent and downloads the url", async () => {
    expect(await imageBytes({ b64_json: null, url: `${host.url}/fox.png` } as never)).toEqual(new Uint8Array(png));
  });
});

describe("imageBytes decodes base64", () => {
  const base64 = Buffer.from(png).toString("base64");

  it("with line breaks and spaces in it", async () => {
    const wrapped = base64.replace(/(.{16})/g, "$1\r\n ");
    expect(await imageBytes({ b64_json: wrapped })).toEqual(new Uint8Array(png));
  });

  it.each(["!!!!QUJD", "QUJD!!!!", "QU=D"])("refuses %j, which is base64 only in part", async (text) => {
    await expect(imageBytes({ b64_json: text })).rejects.toThrow(/b64_json is not valid base64/);
  });

  it("the same way where there is no Buffer (browsers, workers)", async () => {
    const scope = globalThis as { Buffer?: unknown };
    const saved = scope.Buffer;
    let decoded: Promise<Uint8Array>;
    // Decoding runs before imageBytes first awaits, so Buffer is back before anything else runs.
    scope.Buffer = undefined;
    try {
      decoded = imageBytes({ b64_json: base64 });
    } finally {
      scope.Buffer = saved;
    }
    expect(await decoded).toEqual(new Uint8Array(png));
  });
});

describe("imageBytes follows redirects, within limits", () => {
  let cdn: TestServer;
  beforeAll(async () => {
    // /hop/N redirects to /hop/N-1 until /hop/0, the image; other statuses as the path says.
    cdn = await startTestServer((seen, res) => {
      const hop = /^\/hop\/(\d+)$/.exec(seen.url);
      if (hop && hop[1] !== "0") return void res.writeHead(302, { location: `/hop/${Number(hop[1]) - 1}` }).end();
      if (seen.url === "/to-https-b") return void res.writeHead(302, { location: "https://b.cdn.test/hop/0" }).end();
      if (seen.url === "/multiple") return void res.writeHead(300, { location: "/hop/0" }).end();
      if (seen.url === "/ok-with-location") return void res.writeHead(200, { location: "/hop/0" }).end(gif);
      if (seen.url === "/bad-with-location") return void res.writeHead(400, { location: "/hop/0" }).end();
      res.writeHead(200, { "content-type": "image/png" }).end(png);
    });
  });
  afterAll(() => cdn.close());

  it("follows five redirects and refuses a sixth", async () => {
    expect(await imageBytes({ url: `${cdn.url}/hop/5` })).toEqual(new Uint8Array(png));
    const host = new URL(cdn.url).host;
    await expect(imageBytes({ url: `${cdn.url}/hop/6` })).rejects.toThrow(
      `Downloading the image from ${host}: more than 5 redirects`,
    );
  });

  it("follows a 300 with a Location, and never a Location outside 3xx", async () => {
    expect(await imageBytes({ url: `${cdn.url}/multiple` })).toEqual(new Uint8Array(png));
    expect(await imageBytes({ url: `${cdn.url}/ok-with-location` })).toEqual(new Uint8Array(gif));
    await expect(imageBytes({ url: `${cdn.url}/bad-with-location` })).rejects.toThrow(/failed with status 400$/);
  });

  it("follows https to https", async () => {
    // No TLS server here: the fetch plays a TLS front for every https host, passing each request
    // to the local server and its answer back as it is, Location header included.
    const front = (input: string | Request, init?: RequestInit) =>
      fetch(`${cdn.url}${new URL(String(input)).pathname}`, init);
    expect(await imageBytes({ url: "https://a.cdn.test/to-https-b" }, { fetch: front })).toEqual(new Uint8Array(png));
  });

  it("names the host and the network's reason when a download gets no answer", async () => {
    const port = await closedPort();
    const error = await imageBytes({ url: `http://127.0.0.1:${port}/a.png` }).then(
      () => expect.fail("expected an ImageError"),
      (failure: unknown) => failure as ImageError,
    );
    expect(error.message).toBe(`Downloading the image from 127.0.0.1:${port} failed: TypeError: fetch failed`);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it("says which download timed out", async () => {
    const where = new URL(host.url).host;
    await expect(imageBytes({ url: `${host.url}/slow.png` }, { timeoutMs: 30 })).rejects.toThrow(
      `Downloading the image from ${where} timed out after 30 ms`,
    );
  });
});

describe("detectImageType, at the edges", () => {
  it("wants every magic byte, not some", () => {
    const almostPng = Uint8Array.from([0x89, 0x50, 0, 0, 0, 0, 0, 0, 0]);
    expect(detectImageType(almostPng).extension).toBe("bin");
  });

  it("knows GIF87a and the jpg spelling of output_format", () => {
    expect(detectImageType(new TextEncoder().encode("GIF87a\x01\0"))).toEqual({
      mediaType: "image/gif",
      extension: "gif",
    });
    expect(detectImageType(Uint8Array.from([1, 2]), "jpg")).toEqual({ mediaType: "image/jpeg", extension: "jpg" });
    expect(detectImageType(Uint8Array.from([1, 2]), "gif")).toEqual({ mediaType: "image/gif", extension: "gif" });
  });
});

describe("saveImages, when something fails", () => {
  const b64 = Buffer.from(png).toString("base64");

  it("names the image that failed and each file written before it", async () => {
    const out = path.join(dir, "partial");
    const result = { data: [{ b64_json: b64 }, { b64_json: b64 }, { b64_json: "!" }] };
    const error = await saveImages(result, out, { name: "p" }).then(
      () => expect.fail("expected an ImageError"),
      (failure: unknown) => failure as ImageError,
    );
    const written = [path.join(out, "p-1.png"), path.join(out, "p-2.png")];
    expect(error.message).toBe(
      `Image 3 of 3 was not saved: b64_json is not valid base64 (1 characters); written before it: ${written.join(", ")}`,
    );
    expect(error.written).toEqual(written);
  });

  it("says nothing was written when the first image fails", async () => {
    const error = await saveImages({ data: [{ b64_json: "!" }] }, path.join(dir, "none")).then(
      () => expect.fail("expected an ImageError"),
      (failure: unknown) => failure as ImageError,
    );
    expect(error.message).toBe("Image 1 of 1 was not saved: b64_json is not valid base64 (1 characters)");
    expect(error.written).toEqual([]);
  });

  it.each(["", ".", "..", "a..b"])("refuses the name %j, saying why", async (name) => {
    await expect(saveImages({ data: [{ b64_json: b64 }] }, dir, { name })).rejects.toThrow(
      `Not a plain file name: ${JSON.stringify(name)} (no /, \\, NUL or ..)`,
    );
  });

  it("gives up on a name the file system refuses, instead of trying other versions", async () => {
    await expect(saveImages({ data: [{ b64_json: b64 }] }, dir, { name: "n".repeat(300) })).rejects.toThrow(
      /^Image 1 of 1 was not saved: ENAMETOOLONG/,
    );
  });
});

describe("imageBytes' options, checked by the client's rules", () => {
  it.each([
    [
      { timeoutMs: -1 },
      "timeoutMs must be a whole number of milliseconds from 1 to 2147483647, or Infinity for none; got -1",
    ],
    [
      { timeoutMs: 2 ** 32 },
      "timeoutMs must be a whole number of milliseconds from 1 to 2147483647, or Infinity for none; got 4294967296",
    ],
    [
      { timeoutMs: Number.NaN },
      "timeoutMs must be a whole number of milliseconds from 1 to 2147483647, or Infinity for none; got NaN",
    ],
    [{ maxBytes: Number.NaN }, "maxBytes must be a whole number of at least 1; got NaN"],
    [{ imageHosts: "nearby" }, 'imageHosts must be "any" or "public"; got "nearby"'],
  ])("%j is a ConfigurationError, before anything is downloaded", async (options, message) => {
    const before = host.requests.length;
    const error = await imageBytes({ url: `${host.url}/fox.png` }, options as ImageBytesOptions).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(message);
    expect(host.requests.length).toBe(before);
  });
});

describe('imageHosts: "public"', () => {
  it("refuses a loopback URL before sending anything, and a redirect to one", async () => {
    const before = host.requests.length;
    await expect(imageBytes({ url: `${host.url}/fox.png` }, { imageHosts: "public" })).rejects.toThrow(
      /points at 127\.0\.0\.1:\d+, a loopback or private address \(imageHosts: "public"\)/,
    );
    expect(host.requests.length).toBe(before);
    // A public-looking host (played by a fetch that routes it here) that redirects to loopback.
    const front = (input: string | Request, init?: RequestInit) =>
      String(input).startsWith("https://cdn.test/")
        ? Promise.resolve(new Response(null, { status: 302, headers: { location: `${host.url}/fox.png` } }))
        : fetch(input, init);
    await expect(imageBytes({ url: "https://cdn.test/a.png" }, { imageHosts: "public", fetch: front })).rejects.toThrow(
      /a loopback or private address/,
    );
    expect(host.requests.length).toBe(before);
  });

  it("is the default nowhere: loopback downloads work without it", async () => {
    expect(await imageBytes({ url: `${host.url}/fox.png` })).toEqual(new Uint8Array(png));
  });
});

describe("detectImageType, given RIFF files", () => {
  const riff = (kind: string) => new Uint8Array([...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from(kind)]);
  it.each(["WAVE", "AVI "])("does not take a RIFF %s file for WebP", (kind) => {
    expect(detectImageType(riff(kind)).extension).toBe("bin");
  });
  it("does take RIFF WEBP for WebP", () => {
    expect(detectImageType(riff("WEBP")).extension).toBe("webp");
  });
});

describe("with a server that plays each test's part", () => {
  const { server } = usePlayServer();

  describe("every failure is typed, classified right, and one bounded line", () => {
    it("makes imageBytes failures ImageErrors: a relative or invalid URL, a non-string b64_json", async () => {
      for (const item of [{ url: "/images/1.png" }, { url: "http://[bad" }, { url: "file:///etc/passwd" }]) {
        await expect(imageBytes(item)).rejects.toBeInstanceOf(ImageError);
      }
      await expect(imageBytes({ b64_json: 42 } as unknown as ImageData)).rejects.toThrow(/b64_json is not a string/);
    });
  });

  describe("redirects", () => {
    it("follows an image host's http redirect, and refuses an https → http downgrade", async () => {
      const png = Buffer.from("89504e470d0a1a0a0000", "hex");
      const cdn = await startTestServer((seen, res) => {
        if (seen.url === "/moved") res.writeHead(302, { location: "/image.png" }).end();
        else if (seen.url === "/to-plain-http") res.writeHead(302, { location: `${cdn.url}/image.png` }).end();
        else res.writeHead(200, { "content-type": "image/png" }).end(png);
      });
      try {
        expect(Buffer.from(await imageBytes({ url: `${cdn.url}/moved` }))).toEqual(png);
        // No TLS server here: the fetch plays a TLS front for the https host, passing the request to
        // the local server and its answer (a redirect to plain http) back as it is.
        const front = (input: string | Request, init?: RequestInit) =>
          String(input).startsWith("https:")
            ? fetch(`${cdn.url}${new URL(String(input)).pathname}`, init)
            : fetch(input, init);
        const error = await failure(imageBytes({ url: "https://cdn.example/to-plain-http" }, { fetch: front }));
        expect(error.message).toMatch(/refused a redirect from https to http:/);
        expect(cdn.requests.filter((seen) => seen.url === "/image.png")).toHaveLength(1);
      } finally {
        await cdn.close();
      }
    });
  });

  describe("the key", () => {
    const saved = process.env.SUDO_API_KEY;
    afterEach(() => {
      if (saved === undefined) delete process.env.SUDO_API_KEY;
      else process.env.SUDO_API_KEY = saved;
    });

    it("never goes to an image host, not even from SUDO_API_KEY", async () => {
      process.env.SUDO_API_KEY = "sk-env-key";
      const before = server.requests.length;
      await imageBytes(
        { url: `${server.url}/image.png` },
        { fetch: (url, init) => fetch(url, { ...init, headers: { "x-play": "image" } }) },
      );
      // This host answers JSON, which is refused as no image, after the request that matters here.
      await expect(imageBytes({ url: `${server.url}/image.png` })).rejects.toThrow(/is not an image/);
      for (const seen of server.requests.slice(before)) expect(seen.headers.authorization).toBeUndefined();
    });
  });
});
