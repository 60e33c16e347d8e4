import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { stampLabel } from "./mock-label.js";

/** The formats the mock draws; anything else (`webp`) is drawn as PNG and said to be so. */
export type MockImageFormat = "png" | "jpeg";

/**
 * The picture for `key` in `format`: PNG (`renderMockPng`), or JPEG (quality 80) of the same
 * pixels, so a client asking for `output_format: "jpeg"` gets real JPEG bytes.
 */
export function renderMockImage(
  width: number,
  height: number,
  key: string,
  format: MockImageFormat,
  label?: string,
): Buffer {
  if (format === "png") return renderMockPng(width, height, key, label);
  const rgb = drawing(width, height, key, label).data;
  const rgba = Buffer.alloc(width * height * 4, 255);
  for (let pixel = 0; pixel < width * height; pixel++) rgb.copy(rgba, pixel * 4, pixel * 3, pixel * 3 + 3);
  return jpeg.encode({ data: rgba, width, height }, 80).data;
}

/**
 * Draws a deterministic picture for `key` (prompt, seed and index): a diagonal gradient between
 * two colours picked from the key's hash, with a disc, so different prompts look different and the
 * same prompt always gives the same bytes. A `label` (such as `MOCK 256X256 SEED 0`) is written across
 * the top. Returns PNG file bytes.
 *
 * @example
 * const png = renderMockPng(256, 256, "a lighthouse|seed=1|0");
 */
export function renderMockPng(width: number, height: number, key: string, label?: string): Buffer {
  return PNG.sync.write(drawing(width, height, key, label), PNG_OPTIONS);
}

const PNG_OPTIONS = { colorType: 2, inputHasAlpha: false, deflateLevel: 6 } as const;

/** The pixels (RGB) for `key`, labelled. */
function drawing(width: number, height: number, key: string, label: string | undefined): PNG {
  const hash = fnv1a(key);
  const from = [hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff];
  const to = [255 - (from[0] as number), (hash >>> 24) & 0xff, 255 - (from[2] as number)];
  const png = new PNG({ width, height, ...PNG_OPTIONS });
  const radius = Math.min(width, height) / 4;
  const [cx, cy] = [width * (0.3 + ((hash >>> 4) % 40) / 100), height * 0.4];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const inDisc = (x - cx) ** 2 + (y - cy) ** 2 < radius ** 2;
      const offset = (y * width + x) * 3;
      for (let channel = 0; channel < 3; channel++) {
        const mixed = (from[channel] as number) * (1 - t) + (to[channel] as number) * t;
        png.data[offset + channel] = inDisc ? 255 - mixed : mixed;
      }
    }
  }
  if (label !== undefined) stampLabel(png, label);
  return png;
}

/** 32-bit FNV-1a: a small, stable hash; nothing here needs more. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
