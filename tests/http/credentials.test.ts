import { describe, expect, it } from "vitest";
import { carriedCredential, credentialFor, credentialsFor } from "../../src/http/credentials.js";
import type { SecurityScheme } from "../../src/runtime/types.js";

const schemes = {
  bearer: { type: "http", scheme: "bearer" },
  basic: { type: "http", scheme: "basic" },
  digest: { type: "http", scheme: "digest" },
  header: { type: "apiKey", in: "header", name: "X-Api-Key" },
  query: { type: "apiKey", in: "query", name: "api_key" },
  cookie: { type: "apiKey", in: "cookie", name: "session" },
  tls: { type: "mutualTLS" },
} satisfies Record<string, SecurityScheme>;
const none = { headers: {}, query: {}, cookies: {} };

describe("credentialFor: where each scheme puts a key", () => {
  it("bearer and basic in Authorization; basic as UTF-8 base64 of user:password", () => {
    expect(credentialFor(schemes.bearer, "k1")).toEqual({ ...none, headers: { authorization: "Bearer k1" } });
    expect(credentialFor(schemes.basic, "ann:pässword")?.headers.authorization).toBe(
      `Basic ${Buffer.from("ann:pässword").toString("base64")}`,
    );
  });

  it("an apiKey in its header (lower-case), query parameter or cookie, by its name", () => {
    expect(credentialFor(schemes.header, "k1")).toEqual({ ...none, headers: { "x-api-key": "k1" } });
    expect(credentialFor(schemes.query, "k1")).toEqual({ ...none, query: { api_key: "k1" } });
    expect(credentialFor(schemes.cookie, "k1")).toEqual({ ...none, cookies: { session: "k1" } });
  });

  it("nothing for a scheme a key cannot stand for", () => {
    expect(credentialFor(schemes.digest, "k1")).toBeUndefined();
    expect(credentialFor(schemes.tls, "k1")).toBeUndefined();
  });
});

describe("credentialsFor: an operation's requirements", () => {
  it("an open operation, or one with an empty alternative, needs nothing", () => {
    expect(credentialsFor(schemes, [], "k")).toEqual(none);
    expect(credentialsFor(schemes, [["bearer"], []], "k")).toEqual(none);
  });

  it("the first alternative a key can stand for, every scheme of it given the key", () => {
    expect(credentialsFor(schemes, [["digest"], ["header", "query"]], "k")).toEqual({
      headers: { "x-api-key": "k" },
      query: { api_key: "k" },
      cookies: {},
    });
  });

  it("passes over an alternative whose schemes share a place: basic and bearer cannot both be the one Authorization", () => {
    expect(credentialsFor(schemes, [["basic", "bearer"]], "k")).toBeUndefined();
    expect(credentialsFor(schemes, [["basic", "bearer"], ["header"]], "k")).toEqual({
      headers: { "x-api-key": "k" },
      query: {},
      cookies: {},
    });
  });

  it("undefined when no alternative can carry a key, or names a scheme the spec lacks", () => {
    expect(credentialsFor(schemes, [["digest"], ["tls"]], "k")).toBeUndefined();
    expect(credentialsFor(schemes, [["toString"]], "k")).toBeUndefined();
  });
});

describe("carriedCredential: what a server finds", () => {
  const carried = (parts: Partial<Parameters<typeof carriedCredential>[1]>) => ({ ...none, ...parts });

  it("right, wrong or missing, in each place", () => {
    expect(carriedCredential(schemes.bearer, carried({ headers: { authorization: "Bearer k" } }), "k")).toBe("right");
    expect(carriedCredential(schemes.bearer, carried({ headers: { authorization: "Bearer x" } }), "k")).toBe("wrong");
    expect(carriedCredential(schemes.bearer, carried({}), "k")).toBe("missing");
    expect(carriedCredential(schemes.query, carried({ query: { api_key: "k" } }), "k")).toBe("right");
    expect(carriedCredential(schemes.query, carried({ query: { api_key: "" } }), "k")).toBe("missing");
    expect(carriedCredential(schemes.cookie, carried({ cookies: { session: "y" } }), "k")).toBe("wrong");
    expect(carriedCredential(schemes.header, carried({ headers: { "x-api-key": ["k", "z"] } }), "k")).toBe("right");
  });

  it("an Authorization of another scheme is no credential of this one", () => {
    expect(carriedCredential(schemes.basic, carried({ headers: { authorization: "Bearer k" } }), "k")).toBe("missing");
  });

  it("a scheme a key cannot stand for has nothing to check", () => {
    expect(carriedCredential(schemes.tls, carried({}), "k")).toBe("right");
  });
});
