import { describe, expect, it } from "vitest";
import type { ImageGenerationRequest } from "../../src/models.js";
import { buildGeneration, drawingCache } from "../../src/testing/mock-generation.js";

/** A model the spec has no rule for: its images come as URLs, each published as it is drawn. */
const request: ImageGenerationRequest = { prompt: "a heron", model: "another/model", size: "16x16", n: 10 };

describe("the mock's drawing, when the client has gone", () => {
  it("draws no image once the signal has aborted, and draws as usual without one", async () => {
    const drawings = drawingCache();
    const gone = AbortSignal.abort(new Error("hung up"));
    await expect(drawings.get(16, 16, "k", "png", "L", gone)).rejects.toThrow("hung up");
    const png = await drawings.get(16, 16, "k", "png", "L");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });

  it("stops a generation of ten images at the first drawing after the signal aborts", async () => {
    const controller = new AbortController();
    const published: Buffer[] = [];
    const publish = (image: Buffer) => {
      published.push(image);
      controller.abort(new Error("hung up"));
      return "http://127.0.0.1:1/images/x.png";
    };
    const generation = buildGeneration(request, "normal", 0, "", drawingCache(), publish, controller.signal);
    await expect(generation).rejects.toThrow("hung up");
    expect(published).toHaveLength(1);
  });
});
