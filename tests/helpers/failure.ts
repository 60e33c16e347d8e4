import { expect } from "vitest";
import type { SudoImagesError } from "../../src/index.js";

/** The error a call that must fail rejects with; the test fails if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<SudoImagesError> {
  return promise.then(
    () => expect.fail("expected a failure"),
    (error: SudoImagesError) => error,
  );
}
