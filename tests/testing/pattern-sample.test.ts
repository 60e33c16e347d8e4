import { describe, expect, it } from "vitest";
import { compiledPattern, patternSample } from "../../src/testing/pattern-sample.js";

describe("patternSample", () => {
  // Patterns from published specs: Twilio's sids, ReadMe's API keys and URIs, Stripe-like ids.
  it.each([
    ["^AC[0-9a-fA-F]{32}$", `AC${"0".repeat(32)}`],
    ["rdme_\\w+", "rdme_a"],
    [
      "\\/projects\\/(me|[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*)\\/apikeys\\/[a-f\\d]{24}",
      `/projects/me/apikeys/${"a".repeat(24)}`,
    ],
    ["^(?:cus|acct)_[A-Za-z0-9]{3,}$", "cus_AAA"],
    ["^[^\\s@]+@[^\\s@]+$", "a@a"],
    ["^\\d{4}-\\d{2}-\\d{2}$", "0000-00-00"],
    ["^(?<year>\\d{2})x?$", "00"],
    ["^\\u{1F600}\\x41$", "\u{1F600}A"],
  ])("writes the least string %s takes", (pattern, want) => {
    expect(patternSample(pattern)).toBe(want);
    expect(new RegExp(pattern, "u").test(want)).toBe(true);
  });

  it.each([
    ["a lookahead", "^(?=a)a$"],
    ["a backreference", "^(a)\\1$"],
    ["a pattern that does not compile with the u flag", "^{[0-9]{4}}$"],
    ["a class nothing tried is in", "^[\\u0100-\\u0101]$"],
  ])("writes nothing for %s", (_what, pattern) => {
    expect(patternSample(pattern)).toBeUndefined();
  });

  it("compiles a pattern as the validators do, and gives none for one they cannot", () => {
    expect(compiledPattern("^a+$")?.flags).toBe("u");
    expect(compiledPattern("^{[0-9a-fA-F]{4}}$")).toBeUndefined();
  });
});
