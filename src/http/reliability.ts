import type { RetryPolicy } from "./retry.js";
import { checkTimeout, checkWhole } from "./settings.js";

/** The retry and timeout settings one call is sent by: its client's, with the call's own over them. */
export interface Reliability {
  readonly timeoutMs: number;
  readonly policy: RetryPolicy;
}

/**
 * A call's own `timeoutMs` and `maxRetries`, checked and merged over its client's: every client
 * takes them per call (the image client's `generate`, a spec client's `GET` and the rest). Left
 * out or `null`, the client's applies, as a client's own option left out or `null` takes its default.
 */
export function callReliability(
  client: Reliability,
  call: { readonly timeoutMs?: number | undefined; readonly maxRetries?: number | undefined },
): Reliability {
  return {
    timeoutMs: checkTimeout(call.timeoutMs ?? client.timeoutMs, "timeoutMs"),
    policy: { ...client.policy, maxRetries: checkWhole(call.maxRetries ?? client.policy.maxRetries, "maxRetries", 0) },
  };
}
