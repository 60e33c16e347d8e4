import type { PNG } from "pngjs";

/** 5×7 glyphs, a row a string: what a mock picture needs to say what it is ("MOCK 256X256 SEED 0"). */
const GLYPHS: Record<string, readonly string[]> = {
  M: ["10001", "11011", "10101", "10101", "10001", "10001", "10001"],
  O: ["01110", "10001", "10001", "10001", "10001", "10001", "01110"],
  C: ["01110", "10001", "10000", "10000", "10000", "10001", "01110"],
  K: ["10001", "10010", "10100", "11000", "10100", "10010", "10001"],
  S: ["01111", "10000", "10000", "01110", "00001", "00001", "11110"],
  E: ["11111", "10000", "10000", "11110", "10000", "10000", "11111"],
  D: ["11110", "10001", "10001", "10001", "10001", "10001", "11110"],
  X: ["10001", "10001", "01010", "00100", "01010", "10001", "10001"],
  "0": ["01110", "10001", "10011", "10101", "11001", "10001", "01110"],
  "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
  "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
  "3": ["11110", "00001", "00001", "01110", "00001", "00001", "11110"],
  "4": ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
  "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
  "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
  "7": ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
  "8": ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
  "9": ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
  " ": ["00000", "00000", "00000", "00000", "00000", "00000", "00000"],
};

/**
 * Writes `text` (upper case, digits, spaces) in white on a black band across the top of an RGB
 * picture, as large as the width allows, so a screenshot of an app under test can never pass a
 * mock image off as a real generation. Characters without a glyph are left blank.
 */
export function stampLabel(png: PNG, text: string): void {
  const { width, height } = png;
  const scale = Math.max(1, Math.floor(Math.min(width / ((text.length * 6 + 2) * 1), height / 4 / 9)));
  const band = 9 * scale;
  for (let y = 0; y < Math.min(band, height); y++) png.data.fill(0, y * width * 3, (y + 1) * width * 3);
  for (const [index, char] of [...text].entries()) {
    const rows = GLYPHS[char] ?? GLYPHS[" "];
    rows?.forEach((row, gy) => {
      for (let gx = 0; gx < 5; gx++) {
        if (row[gx] !== "1") continue;
        const [x0, y0] = [(1 + index * 6 + gx) * scale, (1 + gy) * scale];
        for (let y = y0; y < Math.min(y0 + scale, height); y++) {
          const start = (y * width + x0) * 3;
          png.data.fill(255, start, Math.min(start + scale * 3, (y + 1) * width * 3));
        }
      }
    });
  }
}
