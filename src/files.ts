import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { imageSize } from "image-size";
import { ConfigurationError, ImageError } from "./errors.js";
import { detectImageType, type ImageBytesOptions, imageBytes } from "./images.js";
import { makeFolder } from "./make-folder.js";
import type { ImageGeneration } from "./models.js";

/** Options of `saveImages`. */
export interface SaveImagesOptions extends ImageBytesOptions {
  /**
   * The file name before the number and extension: a plain name, no `/`, `\\`, NUL or `..`
   * (anything else is an `ImageError`, so a name can never write outside `dir`). @default "image"
   */
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
 * the name gets a `-v2`, `-v3`, … suffix instead. When one image fails, the `ImageError` names
 * the files already written (and lists them on `written`); cancelled by `signal`, it rejects with
 * the signal's reason. Node only (`sudo-images/node`).
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
  const name = fileName(options.name ?? "image");
  await makeFolder(dir);
  const saved: SavedImage[] = [];
  for (const [index, item] of result.data.entries()) {
    try {
      const bytes = await imageBytes(item, options);
      const { mediaType, extension } = detectImageType(bytes, result.output_format);
      const base = result.data.length === 1 ? name : `${name}-${index + 1}`;
      const file = await writeNew(dir, base, extension, bytes);
      saved.push({ path: file, bytes: bytes.length, mediaType, ...pixelSize(bytes) });
    } catch (error) {
      // Cancelled: the call rejects with the signal's reason, as every call of this package does.
      if (options.signal?.aborted) throw options.signal.reason;
      // A wrong option is the caller's to fix, not this image's failure.
      if (error instanceof ConfigurationError) throw error;
      throw partly(error, index, result.data.length, saved);
    }
  }
  return saved;
}

/** An `ImageError` for image `index` that says which files were written before it failed. */
function partly(error: unknown, index: number, total: number, saved: SavedImage[]): ImageError {
  const reason = error instanceof Error ? error.message : String(error);
  const written = saved.length > 0 ? `; written before it: ${saved.map((file) => file.path).join(", ")}` : "";
  const paths = saved.map((file) => file.path);
  return new ImageError(`Image ${index + 1} of ${total} was not saved: ${reason}${written}`, {
    cause: error,
    written: paths,
  });
}

/** `name` if it is a plain file name; else an `ImageError` (it would write elsewhere, or nowhere). */
function fileName(name: string): string {
  if (name === "" || name === "." || name === ".." || /[/\\\0]/.test(name) || name.includes("..")) {
    throw new ImageError(`Not a plain file name: ${JSON.stringify(name)} (no /, \\, NUL or ..)`);
  }
  return name;
}

function pixelSize(bytes: Uint8Array): { width?: number; height?: number } {
  try {
    const { width, height } = imageSize(bytes);
    return { width, height };
  } catch {
    return {}; // not a format image-size knows: the file is still saved
  }
}

/**
 * Writes `bytes` under the first free name. The bytes go to a temporary file first and get their
 * name only once whole, so a full disk never leaves a truncated image behind a real name; the name
 * is taken with a hard link (or an exclusive copy where links are not offered), which fails rather
 * than overwrite, so a race cannot replace another file.
 */
async function writeNew(dir: string, base: string, extension: string, bytes: Uint8Array): Promise<string> {
  const partial = path.join(dir, `.${base}.${randomUUID()}.partial`);
  try {
    await writeFile(partial, bytes, { flag: "wx" });
    for (let version = 1; ; version++) {
      const file = path.join(dir, `${base}${version === 1 ? "" : `-v${version}`}.${extension}`);
      if (await claim(partial, file)) return file;
    }
  } finally {
    await rm(partial, { force: true });
  }
}

/** Gives `partial`'s bytes the name `file` unless that name is taken (then `false`). */
async function claim(partial: string, file: string): Promise<boolean> {
  try {
    await link(partial, file).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST") throw error;
      await copyFile(partial, file, constants.COPYFILE_EXCL);
    });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}
