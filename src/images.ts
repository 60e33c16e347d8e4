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
  // Checked here, not trusted to the types: with validation off a server can send anything.
  const { b64_json: b64, url } = item as { b64_json?: unknown; url?: unknown };
  if (b64 !== undefined && b64 !== null) {
    if (typeof b64 !== "string") throw new ImageError(`b64_json is not a string but ${describe(b64)}`);
    return decodeBase64(b64);
  }
  if (url === undefined || url === null) throw new ImageError("The image has neither b64_json nor url");
  if (typeof url !== "string") throw new ImageError(`url is not a string but ${describe(url)}`);
  return download(imageUrl(url), options);
}

function describe(value: unknown): string {
  return Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** The image's URL: absolute http(s), or an `ImageError` that says what it was. */
function imageUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ImageError(`The image URL is not an absolute URL: ${JSON.stringify(text.slice(0, 100))}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ImageError(`The image URL is not http or https but ${url.protocol}`);
  }
  return url;
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

/** How many redirects an image download follows. */
const MAX_REDIRECTS = 5;

async function download(url: URL, options: ImageBytesOptions): Promise<Uint8Array> {
  const fetchImage = options.fetch ?? ((request: Request) => fetch(request));
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const where = url.host;
  return withTimeout(
    async (signal) => {
      const response = await following(url, (target) =>
        fetchImage(new Request(target, { signal, redirect: "manual" })),
      );
      if (!response.ok) {
        void response.body?.cancel();
        throw new ImageError(`Downloading the image from ${where} failed with status ${response.status}`);
      }
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

/**
 * Fetches `url`, following up to five redirects by hand: to any host (image CDNs redirect), but
 * never from https down to http, where the download could be read or changed on the way.
 */
async function following(url: URL, get: (url: URL) => Promise<Response>): Promise<Response> {
  let current = url;
  for (let hop = 0; ; hop++) {
    // A timeout or cancellation shows through: withTimeout puts the signal's reason in place.
    const response = await get(current).catch((cause: unknown) => {
      throw new ImageError(`Downloading the image from ${current.host} failed: ${String(cause)}`, { cause });
    });
    const location = response.status >= 300 && response.status < 400 ? response.headers.get("location") : null;
    if (location === null) return response;
    void response.body?.cancel();
    const next = new URL(location, current);
    if (hop >= MAX_REDIRECTS)
      throw new ImageError(`Downloading the image from ${url.host}: more than ${MAX_REDIRECTS} redirects`);
    if (current.protocol === "https:" && next.protocol !== "https:") {
      throw new ImageError(
        `Downloading the image from ${current.host}: refused a redirect from https to ${next.protocol}//${next.host}`,
      );
    }
    current = next;
  }
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
