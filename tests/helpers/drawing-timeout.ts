/** What one image the mock draws may take: about 0.2 s of a core, ten times that on a busy two-core machine. */
const PER_IMAGE_MS = 2_000;

/**
 * A test's timeout from the images the mock draws for it: vitest's own 20 s, and `PER_IMAGE_MS`
 * for each image, so a slow machine makes the test slow, never failed.
 *
 * @example
 * it("draws ten", async () => { ... }, drawingTimeout(10));
 */
export function drawingTimeout(images: number): number {
  return 20_000 + images * PER_IMAGE_MS;
}
