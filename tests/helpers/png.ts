import { PNG } from "pngjs";

/** Decodes PNG bytes with pngjs (throws on anything that is not a valid PNG) and gives its size. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const { width, height } = PNG.sync.read(Buffer.from(bytes));
  return { width, height };
}
