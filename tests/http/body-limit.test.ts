import { describe, expect, it } from "vitest";
import { discard, readBody } from "../../src/http/body-limit.js";
import { type ImageData, ImageError, InvalidResponseError, imageBytes } from "../../src/index.js";
import { failure } from "../helpers/failure.js";
import { usePlayServer } from "../helpers/play-server.js";

const tooLarge = (size: string) => new Error(`too large: ${size}`);

describe("readBody", () => {
  it("maps a RangeError while reading (a body V8 cannot hold as one string) to the too-large error", async () => {
    // The runtime's own failure, played by a Response whose text() throws as V8 does past its limit.
    class Overflowing extends Response {
      override text(): Promise<string> {
        return Promise.reject(new RangeError("Invalid string length"));
      }
    }
    const response = new Overflowing("{}", { headers: { "content-length": "2" } });
    await expect(readBody(response, 100, tooLarge, "text")).rejects.toThrow(
      "too large: more than this runtime can hold (Invalid string length)",
    );
  });

  it("reads text and bytes under the cap, and refuses a declared length over it", async () => {
    expect(await readBody(new Response("hello"), 5, tooLarge, "text")).toBe("hello");
    expect(await readBody(new Response("hi"), 5, tooLarge, "bytes")).toEqual(new TextEncoder().encode("hi"));
    const declared = new Response("x", { headers: { "content-length": "6" } });
    await expect(readBody(declared, 5, tooLarge, "text")).rejects.toThrow("too large: 6 bytes");
  });
});

describe("discard", () => {
  it("lets go of a body that already failed without an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      const failed = () =>
        new ReadableStream({
          start(controller) {
            controller.error(new Error("connection reset"));
          },
        });
      // A body whose stream failed (cancel() rejects with the failure), and one already read (locked).
      discard(new Response(failed()));
      const read = new Response(failed());
      await read.text().catch(() => {});
      discard(read);
      // Two turns of the event loop: an unhandled rejection is reported by then.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", record);
    }
  });
});

describe("with a server that plays each test's part", () => {
  const { request, server, client } = usePlayServer();

  describe("size caps hold on what the client holds, not on what the wire says", () => {
    it("stops a gzip bomb on generate at maxResponseBytes of decoded bytes", async () => {
      const error = await failure(client("gzip-bomb", { maxResponseBytes: 1024 * 1024 }).generate(request));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error.message).toContain("over the 1048576-byte limit");
      expect(error.message).toContain("once decoded");
    });

    it("stops a gzip bomb on imageBytes at maxBytes", async () => {
      const item: ImageData = { url: `${server.url}/image.png` };
      const bomb = (input: string | Request, init?: RequestInit) =>
        fetch(input, { ...init, headers: { "x-play": "image-bomb" } });
      const error = await failure(imageBytes(item, { maxBytes: 1024 * 1024, fetch: bomb }));
      expect(error).toBeInstanceOf(ImageError);
      expect(error.message).toMatch(/over the 1048576-byte limit/);
    });
  });
});
