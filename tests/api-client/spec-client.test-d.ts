import { describe, expectTypeOf, it } from "vitest";
import type { SpecClient } from "../../src/api-client/index.js";

/** A spec of two operations: one that requires a path parameter, one that requires nothing. */
type Pets = {
  "/pets/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": { name: string | null } } };
      };
    };
  };
  "/pets": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: { limit?: number }; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": { name: string }[] } };
      };
    };
  };
};

const client = {} as SpecClient<Pets>;

describe("a spec client's call", () => {
  it("takes its own timeoutMs and maxRetries beside openapi-fetch's options", () => {
    void (() => client.GET("/pets/{id}", { params: { path: { id: 1 } }, timeoutMs: 5_000, maxRetries: 0 }));
    void (() => client.GET("/pets", { timeoutMs: 5_000 }));
    void (() => client.GET("/pets", { params: { query: { limit: 2 } }, signal: AbortSignal.timeout(1) }));
    void (() => client.GET("/pets"));
  });

  it("refuses a mistyped or misspelt option, which openapi-fetch's types would let through", () => {
    // @ts-expect-error: timeoutMs is a number of milliseconds.
    void (() => client.GET("/pets", { timeoutMs: "5000" }));
    // @ts-expect-error: `timeout` is openai-node's name; this client's is timeoutMs.
    void (() => client.GET("/pets", { timeout: 5_000 }));
  });

  it("refuses a misspelt option beside a required parameter, where the options type is inferred from the call", () => {
    // @ts-expect-error: `timeout` is not an option, even where the call must hold a path parameter.
    void (() => client.GET("/pets/{id}", { params: { path: { id: 1 } }, timeout: 5_000 }));
    // @ts-expect-error: nor is `maxRetrys`.
    void (() => client.GET("/pets/{id}", { params: { path: { id: 1 } }, maxRetrys: 0 }));
    // @ts-expect-error: timeoutMs is a number there too.
    void (() => client.GET("/pets/{id}", { params: { path: { id: 1 } }, timeoutMs: "5000" }));
    // openapi-fetch's own options still pass, and the answer is still typed by them, inferred from the call.
    const text = () => client.GET("/pets/{id}", { params: { path: { id: 1 } }, parseAs: "text", timeoutMs: 5 });
    expectTypeOf<Awaited<ReturnType<typeof text>>["data"]>().toEqualTypeOf<string | undefined>();
    const json = () =>
      client.GET("/pets/{id}", { params: { path: { id: 1 } }, headers: { "x-a": "1" }, maxRetries: 0 });
    expectTypeOf<Awaited<ReturnType<typeof json>>["data"]>().toEqualTypeOf<{ name?: string } | undefined>();
  });

  it("takes the same options through request(method, …), a misspelt one refused there too", () => {
    void (() => client.request("get", "/pets/{id}", { params: { path: { id: 1 } }, timeoutMs: 5, maxRetries: 0 }));
    void (() => client.request("get", "/pets", { timeoutMs: 5 }));
    // @ts-expect-error: `timeoutMS` is not an option of request() either.
    void (() => client.request("get", "/pets", { timeoutMS: 5 }));
    // @ts-expect-error: nor beside a required path parameter.
    void (() => client.request("get", "/pets/{id}", { params: { path: { id: 1 } }, timeout: 5 }));
    // @ts-expect-error: the path parameter is required.
    void (() => client.request("get", "/pets/{id}", { timeoutMs: 5 }));
    const text = () => client.request("get", "/pets/{id}", { params: { path: { id: 1 } }, parseAs: "text" });
    expectTypeOf<Awaited<ReturnType<typeof text>>["data"]>().toEqualTypeOf<string | undefined>();
    const json = () => client.request("get", "/pets/{id}", { params: { path: { id: 1 } } });
    expectTypeOf<Awaited<ReturnType<typeof json>>["data"]>().toEqualTypeOf<{ name?: string } | undefined>();
  });

  it("still requires what the operation requires", () => {
    // @ts-expect-error: the path parameter is required.
    void (() => client.GET("/pets/{id}", { timeoutMs: 5_000 }));
    // @ts-expect-error: so is the second argument that holds it.
    void (() => client.GET("/pets/{id}"));
  });

  it("types the answer normalized, as before", () => {
    type Answer = Awaited<ReturnType<typeof client.GET<"/pets/{id}", { params: { path: { id: number } } }>>>;
    expectTypeOf<NonNullable<Answer["data"]>>().toEqualTypeOf<{ name?: string }>();
  });
});
