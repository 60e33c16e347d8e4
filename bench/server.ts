import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const TWO_MB = 2 * 1024 * 1024;

/** The three response shapes, serialized once so the server costs the same for every client. */
function shapes(seed: Buffer): Record<string, string> {
  const usage = {
    input_tokens: 9,
    output_tokens: 4160,
    total_tokens: 4169,
    input_tokens_details: { image_tokens: 0, text_tokens: 9 },
  };
  const small = {
    created: 1_795_000_000,
    background: "opaque",
    output_format: "png",
    quality: "high",
    size: "1024x1024",
    usage,
    data: [{ url: "https://images.example/1.png", revised_prompt: "a lighthouse at dusk, oil on canvas" }],
  };
  const nullImage = { b64_json: null, url: null, revised_prompt: null };
  const nulls = {
    created: null,
    background: null,
    output_format: null,
    quality: null,
    size: null,
    usage: null,
    data: [nullImage, nullImage, nullImage, nullImage],
  };
  // Four distinct 2 MB base64 strings (not one repeated), as four real images would be.
  const b64 = (i: number) =>
    Buffer.concat([seed, Buffer.from([i])])
      .toString("base64")
      .repeat(Math.ceil(TWO_MB / 44))
      .slice(0, TWO_MB);
  const large = { ...small, data: [0, 1, 2, 3].map((i) => ({ b64_json: b64(i), revised_prompt: "a lighthouse" })) };
  return { small: JSON.stringify(small), nulls: JSON.stringify(nulls), large: JSON.stringify(large) };
}

/** A loopback server answering POST /v1/images/generations with the shape named by `x-shape`. */
export async function startBenchServer(): Promise<{ url: string; close(): Promise<void> }> {
  const bodies = shapes(randomBytes(32));
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const body = bodies[String(req.headers["x-shape"])] ?? bodies.small;
      res
        .writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body ?? "") })
        .end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
