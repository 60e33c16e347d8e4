import { ImageError } from "./errors.js";
import { discard, readBody } from "./http/body-limit.js";
import { type Fetch, globalFetch } from "./http/exchange.js";
import { isPrivateHost } from "./http/hosts.js";
import { checkChoice, checkFunction, checkSignal, checkTimeout, checkWhole } from "./http/settings.js";
import { oneLine } from "./http/shown-text.js";
import { withTimeout } from "./http/timeout.js";
import type { ImageData } from "./models.js";

/** Options of `imageBytes`. */
export interface ImageBytesOptions {
  /** The fetch to download `url` with (pass your client's); called as `fetch(url, init)`. @default globalThis.fetch */
  fetch?: ((input: string | Request, init?: RequestInit) => Promise<Response>) | undefined;
  /** Milliseconds the download may take, redirects and body included; `Infinity` for none. @default 60000 */
  timeoutMs?: number | undefined;
  /** The largest image accepted, in bytes. @default 67108864 (64 MB) */
  maxBytes?: number | undefined;
  /** Cancels the download. */
  signal?: AbortSignal | undefined;
  /**
   * Which hosts an image URL (and each redirect) may point at: `"any"`, or `"public"`, which
   * refuses loopback, private, link-local and unspecified addresses written as such (a server-side
   * app that downloads whatever URL an answer names should set it). @default "any"
   */
  imageHosts?: ImageHosts | undefined;
}

/** Which hosts image downloads may reach. */
export type ImageHosts = "any" | "public";
/** Every value `imageHosts` takes. */
export const IMAGE_HOSTS: readonly ImageHosts[] = ["any", "public"];

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const DEFAULT_IMAGE_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_IMAGE_BYTES = 64 * 1024 * 1024;

/**
 * The bytes of one generated image: `b64_json` decoded, or `url` downloaded. The download goes to
 * a third-party host, so it carries no API key; it has a timeout and a size cap, follows only
 * http(s) redirects. Either way the bytes must be an image (known magic bytes, or a download served
 * as `image/*`), else an `ImageError`.
 *
 * @example
 * const bytes = await imageBytes(result.data[0]!);
 * const { extension } = detectImageType(bytes);
 */
export async function imageBytes(item: ImageData, options: ImageBytesOptions = {}): Promise<Uint8Array> {
  const settings = downloadSettings(options);
  const signal = checkSignal(options.signal, "signal");
  // Checked here, not trusted to the types: with validation off a server can send anything.
  const { b64_json: b64, url } = item as { b64_json?: unknown; url?: unknown };
  if (b64 !== undefined && b64 !== null) {
    if (typeof b64 !== "string") throw new ImageError(`b64_json is not a string but ${kindOf(b64)}`);
    return asImage(decodeBase64(b64), "b64_json");
  }
  if (url === undefined || url === null) throw new ImageError("The image has neither b64_json nor url");
  if (typeof url !== "string") throw new ImageError(`url is not a string but ${kindOf(url)}`);
  return download(imageUrl(url, settings.imageHosts), settings, signal);
}

interface DownloadSettings {
  fetch: Fetch;
  timeoutMs: number;
  maxBytes: number;
  imageHosts: ImageHosts;
}

/** `imageBytes`'s options, checked as the client checks its own (same rules, same messages). */
function downloadSettings(options: ImageBytesOptions): DownloadSettings {
  return {
    fetch: checkFunction(options.fetch, "fetch") ?? globalFetch,
    timeoutMs: checkTimeout(options.timeoutMs ?? DEFAULT_IMAGE_TIMEOUT_MS, "timeoutMs"),
    maxBytes: checkWhole(options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES, "maxBytes", 1),
    imageHosts: checkChoice(options.imageHosts ?? "any", "imageHosts", IMAGE_HOSTS),
  };
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** An image URL or redirect target: absolute http(s), on a host the policy allows, else an `ImageError`. */
function imageUrl(text: string, hosts: ImageHosts, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new ImageError(`The image URL is not an absolute URL: ${JSON.stringify(text.slice(0, 100))}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ImageError(`The image URL is not http or https but ${url.protocol}`);
  }
  if (hosts === "public" && isPrivateHost(url.hostname)) {
    throw new ImageError(`The image URL points at ${url.host}, a loopback or private address (imageHosts: "public")`);
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

async function download(url: URL, settings: DownloadSettings, signal: AbortSignal | undefined): Promise<Uint8Array> {
  const where = url.host;
  const { maxBytes } = settings;
  return withTimeout(
    async (attemptSignal) => {
      const response = await following(url, settings, (target) =>
        settings.fetch(target.href, { signal: attemptSignal, redirect: "manual" }),
      );
      if (!response.ok) {
        discard(response);
        throw new ImageError(`Downloading the image from ${where} failed with status ${response.status}`);
      }
      const tooLarge = (size: string) =>
        new ImageError(`The image from ${where} (${size}) is over the ${maxBytes}-byte limit`);
      const bytes = await readBody(response, maxBytes, tooLarge, "bytes");
      return asImage(bytes, `The download from ${where}`, response.headers.get("content-type") ?? "");
    },
    settings.timeoutMs,
    signal,
    () => `Downloading the image from ${where}`,
  );
}

/**
 * `bytes` if they are an image, decoded or downloaded alike: known magic bytes, or served as
 * `image/*` (a download's `type`; base64 declares none, and the `output_format` beside it names only
 * formats whose magic bytes are known). Else an `ImageError`: a JSON or HTML page is never saved as
 * an image.
 */
function asImage(bytes: Uint8Array, what: string, type?: string): Uint8Array {
  if (detectImageType(bytes).mediaType.startsWith("image/") || /^image\//i.test(type ?? "")) return bytes;
  const served = type === undefined ? "" : `${type ? `content type ${oneLine(type, 60)}` : "no content type"}, `;
  throw new ImageError(`${what} is not an image (${served}${bytes.length} bytes of no image format)`);
}

/**
 * Fetches `url`, following up to five redirects by hand: to any http(s) host the policy allows
 * (image CDNs redirect), but never from https down to http, where the download could be read or
 * changed on the way.
 */
async function following(
  url: URL,
  settings: DownloadSettings,
  get: (url: URL) => Promise<Response>,
): Promise<Response> {
  let current = url;
  for (let hop = 0; ; hop++) {
    // A timeout or cancellation shows through: withTimeout puts the signal's reason in place.
    const response = await get(current).catch((cause: unknown) => {
      throw new ImageError(`Downloading the image from ${current.host} failed: ${String(cause)}`, { cause });
    });
    const location = response.status >= 300 && response.status < 400 ? response.headers.get("location") : null;
    if (location === null) return response;
    discard(response);
    if (hop >= MAX_REDIRECTS)
      throw new ImageError(`Downloading the image from ${url.host}: more than ${MAX_REDIRECTS} redirects`);
    const next = imageUrl(location, settings.imageHosts, current);
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
