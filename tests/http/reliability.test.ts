import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../src/errors.js";
import { callReliability } from "../../src/http/reliability.js";
import { DEFAULT_RETRY_POLICY } from "../../src/http/retry.js";

const client = { timeoutMs: 60_000, policy: DEFAULT_RETRY_POLICY };

describe("callReliability", () => {
  it("is the client's own settings when the call sets neither", () => {
    expect(callReliability(client, {})).toEqual(client);
  });

  it("is the client's own settings when the call sets them to null, as JSON or a config loader would", () => {
    expect(callReliability(client, { timeoutMs: null, maxRetries: null } as never)).toEqual(client);
  });

  it("puts the call's timeoutMs and maxRetries over the client's, keeping the rest of its policy", () => {
    const merged = callReliability(client, { timeoutMs: 50, maxRetries: 0 });
    expect(merged).toEqual({ timeoutMs: 50, policy: { ...DEFAULT_RETRY_POLICY, maxRetries: 0 } });
    expect(client.policy.maxRetries).toBe(2);
  });

  it.each([
    [{ timeoutMs: 0 }, "timeoutMs must be a whole number of milliseconds"],
    [{ maxRetries: 1.5 }, "maxRetries must be a whole number of at least 0; got 1.5"],
  ])("refuses %j with a ConfigurationError naming the option", (call, message) => {
    expect(() => callReliability(client, call)).toThrow(ConfigurationError);
    expect(() => callReliability(client, call)).toThrow(message);
  });
});
