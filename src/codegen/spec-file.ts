import { createHash } from "node:crypto";
import type { Stats } from "node:fs";

/** The largest spec file read (GitHub's whole API is 13 MB). */
export const MAX_SPEC_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Why a file, as `lstat` sees it, is not one the generator reads, or `undefined` when it is: only
 * regular files (not `/dev/stdin`, not a folder, not a link) of at most `MAX_SPEC_FILE_BYTES`.
 * The resolver refuses such a file; the folder cache treats it as changed.
 *
 * @example
 * specFileRefusal(lstatSync("openapi.yaml")) // undefined
 */
export function specFileRefusal(stat: Pick<Stats, "isFile" | "size">): string | undefined {
  if (!stat.isFile()) return "is not a regular file";
  return stat.size > MAX_SPEC_FILE_BYTES ? `is over ${MAX_SPEC_FILE_BYTES} bytes` : undefined;
}

/**
 * What identifies a spec file's content: the SHA-256 of its bytes, in hex. The resolver takes it of
 * the bytes it parses, so a folder cached under it was generated from exactly those bytes.
 *
 * @example
 * specFileDigest(readFileSync("openapi.yaml")) // "9f86d081…" (64 hex digits)
 */
export function specFileDigest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
