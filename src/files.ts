import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { imageSize } from "image-size";
import type { ImageGeneration } from "./client.js";
import { detectImageType, type ImageBytesOptions, imageBytes } from "./images.js";

/** Options of `saveImages`. */
export interface SaveImagesOptions extends ImageBytesOptions {
  /** The file name before the number and extension. @default "image" */
  name?: string | undefined;
}

/** One file `saveImages` wrote. */
export interface SavedImage {
  path: string;
  bytes: number;
  mediaType: string;
  /** Pixel width, when the format is one image-size reads. */
  width?: number | undefined;
  height?: number | undefined;
}

/**
 * Writes every image of a result into `dir` (created if missing) and returns what it wrote, in
 * order. Each file gets the extension its bytes call for. An existing file is never overwritten:
 * the name gets a `-v2`, `-v3`, … suffix instead. Node only (`sudo-images/node`).
 *
 * @example
 * const files = await saveImages(result, "./out", { name: "lighthouse" });
 * // [{ path: "out/lighthouse.png", bytes: 48213, mediaType: "image/png", width: 1024, height: 1024 }]
 */
export async function saveImages(
  result: ImageGeneration,
  dir: string,
  options: SaveImagesOptions = {},
): Promise<SavedImage[]> {
  await mkdir(dir, { recursive: true });
  const name = options.name ?? "image";
  const saved: SavedImage[] = [];
  for (const [index, item] of result.data.entries()) {
    const bytes = await imageBytes(item, options);
    const { mediaType, extension } = detectImageType(bytes, result.output_format);
    const base = result.data.length === 1 ? name : `${name}-${index + 1}`;
    const file = await writeNew(dir, base, extension, bytes);
    saved.push({ path: file, bytes: bytes.length, mediaType, ...pixelSize(bytes) });
  }
  return saved;
}

function pixelSize(bytes: Uint8Array): { width?: number; height?: number } {
  try {
    const { width, height } = imageSize(bytes);
    return { width, height };
  } catch {
    return {}; // not a format image-size knows: the file is still saved
  }
}

/** Writes `bytes` under the first free name; `wx` makes "free" atomic, so a race cannot overwrite. */
async function writeNew(dir: string, base: string, extension: string, bytes: Uint8Array): Promise<string> {
  for (let version = 1; ; version++) {
    const file = path.join(dir, `${base}${version === 1 ? "" : `-v${version}`}.${extension}`);
    try {
      await writeFile(file, bytes, { flag: "wx" });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}
