import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PartialGenerationError } from "../errors.js";
import type { ImageGeneration } from "../models.js";
import { StoppedError } from "./stop.js";

/** Images that were paid for but not all saved, or not all had (exit 1, not a usage error). */
export class PaidResultError extends Error {}

/**
 * The images were paid for but could not all be saved (a full disk, a folder removed meanwhile):
 * the whole result is written to a file in the system's temporary folder, and the error says where.
 */
export async function keepPaidResult(result: ImageGeneration, error: unknown): Promise<never> {
  const kept = path.join(tmpdir(), `sudo-images-result-${randomUUID()}.json`);
  const reason = error instanceof Error ? error.message : String(error);
  const saved = await writeFile(kept, JSON.stringify(result), { mode: 0o600 }).then(
    () => true,
    () => false,
  );
  const where = saved ? `the whole result (every image) is kept in ${kept}` : "the result could not be kept either";
  throw new PaidResultError(`${reason}; ${where}`, { cause: error });
}

/**
 * What a shell user reads when a fanned-out call brought only some images, which are saved by
 * then: how many, which sub-calls failed and why (or that `--deadline` passed, or Ctrl-C came). The
 * library's message names `result`, a property a shell cannot reach.
 *
 * @example
 * partialLine(error, 4) // "3 of 4 images arrived and are saved; sub-call 3 failed: POST … 400: …"
 */
export function partialLine(error: PartialGenerationError, asked: number): string {
  const saved = `${error.images.length} of ${asked} images arrived and are saved`;
  // The call's signal fired: its reason says what stopped the command.
  if (error.cause instanceof StoppedError) return `${error.cause.message}; ${saved}`;
  const calls = error.failedCalls;
  const which = calls.length === 1 ? `sub-call ${calls[0]}` : `sub-calls ${calls.join(", ")}`;
  const first = error.errors[0];
  const why = first instanceof Error ? first.message : String(first);
  return calls.length === 1 ? `${saved}; ${which} failed: ${why}` : `${saved}; ${which} failed (${calls[0]}: ${why})`;
}
