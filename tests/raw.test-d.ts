import { describe, expectTypeOf, it } from "vitest";
import { createRawClient } from "../src/index.js";

const raw = createRawClient();
const body = { prompt: "a fox", model: "gpt-image-2" };

describe("a raw client's call", () => {
  it("takes its own timeoutMs beside openapi-fetch's options", () => {
    void (() => raw.POST("/v1/images/generations", { body, timeoutMs: 5_000 }));
    void (() => raw.POST("/v1/images/generations", { body, signal: AbortSignal.timeout(1), parseAs: "text" }));
    void (() => raw.request("post", "/v1/images/generations", { body, timeoutMs: 5_000 }));
  });

  it("refuses what it would drop or refuse at run time, which openapi-fetch's types let through", () => {
    // @ts-expect-error: the raw client makes no retries (a ConfigurationError at the call).
    void (() => raw.POST("/v1/images/generations", { body, maxRetries: 1 }));
    // @ts-expect-error: a misspelt option, which openapi-fetch would drop in silence.
    void (() => raw.POST("/v1/images/generations", { body, timeoutMS: 5_000 }));
    // @ts-expect-error: the same through request().
    void (() => raw.request("post", "/v1/images/generations", { body, timeout: 5_000 }));
  });

  it("answers with the spec's own types: the raw client does not normalize", () => {
    const answer = async () => (await raw.POST("/v1/images/generations", { body })).data?.usage;
    expectTypeOf<Awaited<ReturnType<typeof answer>>>().toExtend<null | undefined | object>();
    expectTypeOf<null>().toExtend<Awaited<ReturnType<typeof answer>>>();
  });
});
