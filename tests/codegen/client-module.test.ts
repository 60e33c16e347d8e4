import { describe, expect, it } from "vitest";
import {
  apiKeyEnvFor,
  clientImportFor,
  clientModule,
  defaultServerUrl,
  isEnvName,
} from "../../src/codegen/client-module.js";

describe("apiKeyEnvFor", () => {
  it.each([
    ["Directus", "DIRECTUS_API_KEY"],
    ["Swagger Petstore API", "SWAGGER_PETSTORE_API_KEY"],
    ["GitHub v3 REST API", "GITHUB_V3_REST_API_KEY"],
    ["café-crème", "CAFE_CREME_API_KEY"],
    ["3scale", "API_KEY"],
    ["", "API_KEY"],
    [42, "API_KEY"],
    ["*/ $(rm -rf) */", "RM_RF_API_KEY"],
  ])("%j → %s", (title, name) => {
    expect(apiKeyEnvFor(title)).toBe(name);
    expect(isEnvName(apiKeyEnvFor(title))).toBe(true);
  });
});

describe("defaultServerUrl", () => {
  it("takes the first absolute http(s) URL, variables filled with their defaults, trailing slash dropped", () => {
    const servers = [
      { url: "/v1" },
      {
        url: "https://{region}.api.example/{version}/",
        variables: { region: { default: "eu" }, version: { default: "v2" } },
      },
      { url: "https://second.example" },
    ];
    expect(defaultServerUrl({ servers })).toBe("https://eu.api.example/v2");
  });

  it("is undefined when no server has one: relative, a variable without default, not http, not a URL", () => {
    const servers = [
      { url: "/api" },
      { url: "https://{tenant}.example" },
      { url: "ftp://x.example" },
      { url: 7 },
      null,
    ];
    expect(defaultServerUrl({ servers })).toBeUndefined();
    expect(defaultServerUrl({})).toBeUndefined();
  });
});

describe("clientModule", () => {
  it("imports the package's client outside this repository, the sources beside the runtime inside it", () => {
    expect(clientImportFor("./runtime.js")).toBe("sudo-images/client");
    expect(clientImportFor("sudo-images/runtime")).toBe("sudo-images/client");
    expect(clientImportFor("../runtime/index.js")).toBe("../api-client/index.js");
  });

  it("writes spec text only as literals and inert comments", () => {
    const text = clientModule("sudo-images/client", "X_API_KEY", 'https://a.example/*/"\u2028');
    expect(text).toContain('export const DEFAULT_BASE_URL: string | undefined = "https://a.example/*/\\"\u2028";');
    expect(text).not.toMatch(/^[^"]*\*\/"/m);
    expect(text).toContain('export const API_KEY_ENV = "X_API_KEY";');
  });
});
