import { describe, expect, it } from "vitest";
import { ApiError, ConnectionError, InvalidResponseError, TimeoutError } from "../../src/errors.js";
import { DEFAULT_RETRY_POLICY, isRetryable, retryDelay } from "../../src/http/retry.js";

const policy = DEFAULT_RETRY_POLICY;
const headers = (init: Record<string, string>) => new Headers(init);
const apiError = (status: number) =>
  ApiError.from({
    status,
    method: "POST",
    url: "https://x/v1/images/generations",
    headers: new Headers(),
    body: undefined,
  });

describe("isRetryable", () => {
  it.each([408, 409, 429, 500, 502, 503, 504])("retries %i", (status) => {
    expect(isRetryable(apiError(status))).toBe(true);
  });
  it.each([400, 401, 403, 404, 422, 501])("does not retry %i", (status) => {
    expect(isRetryable(apiError(status))).toBe(false);
  });
  it("retries connection errors and timeouts, not invalid bodies or anything else", () => {
    expect(isRetryable(new ConnectionError("POST", "u", { cause: new Error("reset") }))).toBe(true);
    expect(isRetryable(new TimeoutError("slow"))).toBe(true);
    expect(isRetryable(new InvalidResponseError("html", new Response("")))).toBe(false);
    expect(isRetryable(new Error("bug"))).toBe(false);
    // Only an ApiError's status counts: anything else that happens to carry one is not a retry.
    expect(isRetryable(new InvalidResponseError("html", new Response("", { status: 503 })))).toBe(false);
    expect(isRetryable(Object.assign(new Error("status-like"), { status: 503 }))).toBe(false);
  });
});

describe("retryDelay", () => {
  const now = Date.parse("2026-11-24T12:00:00Z");
  it.each([
    ["retry-after-ms: 250", { "retry-after-ms": "250" }, 250],
    ["Retry-After: 2 (seconds)", { "retry-after": "2" }, 2000],
    ["Retry-After as an HTTP date 3 s ahead", { "retry-after": new Date(now + 3000).toUTCString() }, 3000],
    ["Retry-After in the past", { "retry-after": new Date(now - 3000).toUTCString() }, 0],
    ["retry-after-ms over the one-minute cap", { "retry-after-ms": "3600000" }, 60_000],
    ["Retry-After: 86400", { "retry-after": "86400" }, 60_000],
  ])("honours %s", (_name, init, expected) => {
    expect(retryDelay(1, headers(init), policy, () => 0, now)).toBe(expected);
  });

  it.each(["soon", "-1", "-5", "2, 3", "0x10", "1e3", " ", "Tuesday", "2026-11-24T12:00:05Z"])(
    "falls back to exponential backoff for Retry-After %j (delta-seconds and HTTP-dates only)",
    (value) => {
      expect(retryDelay(1, headers({ "retry-after": value }), policy, () => 0, now)).toBe(500);
    },
  );

  it.each([
    [" 250 ", 250],
    ["1.25", 1.25],
    ["12.75", 12.75],
  ])("reads retry-after-ms %j as %d ms", (value, ms) => {
    expect(retryDelay(1, headers({ "retry-after-ms": value, "retry-after": "9" }), policy, () => 0, now)).toBe(ms);
  });

  it("reads Retry-After with white space around it", () => {
    expect(retryDelay(1, headers({ "retry-after": " 2 " }), policy, () => 0, now)).toBe(2000);
    expect(retryDelay(1, headers({ "retry-after-ms": "1.x", "retry-after": "3" }), policy, () => 0, now)).toBe(3000);
  });

  it("reads an asctime date as GMT in any time zone of the machine", () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      expect(retryDelay(1, headers({ "retry-after": "Tue Nov 24 12:00:06 2026" }), policy, () => 0, now)).toBe(6000);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it.each(["-250", "abc", "0x10"])("ignores retry-after-ms %j", (value) => {
    expect(retryDelay(1, headers({ "retry-after-ms": value }), policy, () => 0, now)).toBe(500);
  });

  it("reads the obsolete RFC 850 and asctime forms of an HTTP-date", () => {
    expect(retryDelay(1, headers({ "retry-after": "Tuesday, 24-Nov-26 12:00:04 GMT" }), policy, () => 0, now)).toBe(
      4000,
    );
    expect(retryDelay(1, headers({ "retry-after": "Tue Nov 24 12:00:06 2026" }), policy, () => 0, now)).toBe(6000);
  });

  it("backs off 0.5 s, 1 s, 2 s … up to 8 s, taking up to 25% off as jitter", () => {
    const noJitter = [1, 2, 3, 4, 5, 6].map((retry) => retryDelay(retry, undefined, policy, () => 0));
    expect(noJitter).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    const fullJitter = [1, 2, 5].map((retry) => retryDelay(retry, undefined, policy, () => 1));
    expect(fullJitter).toEqual([375, 750, 6000]);
  });
});

describe("limits and errors", () => {
  it("jitters the backoff in production: no two of twenty delays need be equal, none above the base", () => {
    const delays = Array.from({ length: 20 }, () => retryDelay(1, undefined, DEFAULT_RETRY_POLICY));
    expect(new Set(delays).size).toBeGreaterThan(1);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(500);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(375);
  });
});
