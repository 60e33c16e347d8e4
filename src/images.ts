import { ImageError } from "./errors.js";
import { limitBody } from "./http/body-limit.js";
import { withTimeout } from "./http/timeout.js";
import type { ImageData } from "./models.js";

/** Options of `imageBytes`. */
export interface ImageBytesOptions {
  /** The fetch to download `url` with (pass your client's). @default globalThis.fetch */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Milliseconds the download may take. @default 60000 */
  timeoutMs?: number | undefined;
  /** The largest image accepted, in bytes. @default 64 MB */
  maxBytes?: number | undefined;
  /** Cancels the download. */
  signal?: AbortSignal | undefined;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The bytes of one generated image: `b64_json` decoded, or `url` downloaded. The download goes to
 * a third-party host, so it carries no API key, has a timeout and a size cap.
 *
 * @example
 * const bytes = await imageBytes(result.data[0]!);
 * const { extension } = detectImageType(bytes);
 */
export async function imageBytes(item: ImageData, options: ImageBytesOptions = {}): Promise<Uint8Array> {
  if (item.b64_json !== undefined) return decodeBase64(item.b64_json);
  if (item.url === undefined) throw new ImageError("The image has neither b64_json nor url");
  return download(item.url, options);
}

function decodeBase64(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new ImageError(`b64_json is not valid base64 (${compact.length} characters)`);
  }
  const { Buffer } = globalThis as { Buffer?: { from(text: string, encoding: "base64"): Uint8Array } };
  if (Buffer) {
    const decoded = Buffer.from(compact, "base64");
    return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength); // a plain view, no copy
  }
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function download(url: string, options: ImageBytesOptions): Promise<Uint8Array> {
  const fetchImage = options.fetch ?? ((request: Request) => fetch(request));
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const where = new URL(url).host;
  return withTimeout(
    async (signal) => {
      const response = await fetchImage(new Request(url, { signal })).catch((cause: unknown) => {
        throw signal.aborted
          ? cause
          : new ImageError(`Downloading the image from ${where} failed: ${String(cause)}`, { cause });
      });
      if (!response.ok)
        throw new ImageError(`Downloading the image from ${where} failed with status ${response.status}`);
      const limited = limitBody(
        response,
        maxBytes,
        (size) => new ImageError(`The image from ${where} (${size}) is over the ${maxBytes}-byte limit`),
      );
      return new Uint8Array(await limited.arrayBuffer());
    },
    options.timeoutMs ?? 60_000,
    options.signal,
    () => `Downloading the image from ${where}`,
  );
}

/** A media type and the file extension that goes with it. */
export interface ImageType {
  mediaType: string;
  extension: string;
}

const FORMATS: Record<string, ImageType> = {
  png: { mediaType: "image/png", extension: "png" },
  jpeg: { mediaType: "image/jpeg", extension: "jpg" },
  jpg: { mediaType: "image/jpeg", extension: "jpg" },
  webp: { mediaType: "image/webp", extension: "webp" },
  gif: { mediaType: "image/gif", extension: "gif" },
};

/**
 * The image type from the bytes' magic numbers (PNG, JPEG, WebP, GIF); else from the response's
 * `output_format`; else `application/octet-stream` with extension `bin`.
 *
 * @example
 * detectImageType(bytes, result.output_format) // { mediaType: "image/png", extension: "png" }
 */
export function detectImageType(bytes: Uint8Array, outputFormat?: string): ImageType {
  const starts = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return FORMATS.png as ImageType;
  if (starts(0xff, 0xd8, 0xff)) return FORMATS.jpeg as ImageType;
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return FORMATS.webp as ImageType;
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return FORMATS.gif as ImageType;
  const format = outputFormat?.toLowerCase();
  const fallback = format !== undefined && Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
  return fallback ?? { mediaType: "application/octet-stream", extension: "bin" };
}
