import type { Client, ClientPathsWithMethod, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { ReliabilityOptions } from "../options.js";
import type { NormalizedPaths } from "./normalized-paths.js";

/**
 * What one call takes besides openapi-fetch's options: its own `timeoutMs` and `maxRetries`, over
 * the client's (its `signal`, an option of fetch's, cancels it).
 */
export type CallOptions = ReliabilityOptions;

/**
 * A call's second argument: openapi-fetch's (parameters, body, `parseAs`, `signal`, …) and the
 * client's own `Options`, optional when the operation requires nothing. Unlike openapi-fetch's, it
 * takes no other key: a misspelt option is a type error, not an option silently dropped. `Allowed`
 * is openapi-fetch's type for the operation's options (the bound `Init` is inferred within).
 */
type CallInit<Init, Allowed, Options> = [Exclude<Init, undefined>] extends [never]
  ? [Options?]
  : undefined extends Init
    ? [(Exclude<Init, undefined> & Options & NoOtherKey<Init, Allowed, Options>)?]
    : [Init & Options & NoOtherKey<Init, Allowed, Options>];

/**
 * Every key of the inferred `Init` that neither openapi-fetch's options nor `Options` name, typed
 * `never`. Needed because `Init` is inferred from the argument itself, so a misspelt key is part
 * of it and no excess-property check sees it (an operation with a required parameter or body).
 */
type NoOtherKey<Init, Allowed, Options> = {
  [Key in Exclude<keyof Exclude<Init, undefined>, keyof Exclude<Allowed, undefined> | keyof Options>]: never;
};

/** The methods an OpenAPI path item may hold (openapi-fetch's own list, spelt here: its package does not export it). */
type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** One method of the client (`GET`, `POST`, …), typed by the operations that have it. */
// biome-ignore lint/suspicious/noExplicitAny: openapi-fetch's own bound for a paths type.
type SpecMethod<Paths extends Record<string, any>, Method extends HttpMethod, Options> = <
  Path extends ClientPathsWithMethod<Client<Paths>, Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method>,
>(
  url: Path,
  ...init: CallInit<Init, MaybeOptionalInit<Paths[Path], Method>, Options>
) => Promise<FetchResponse<Paths[Path][Method], Init, `${string}/${string}`>>;

/**
 * `request(method, url, …)`, typed as the method it names (`SpecMethod`): the same options, a
 * misspelt one a type error here too (openapi-fetch's own `request` takes any key).
 */
// biome-ignore lint/suspicious/noExplicitAny: openapi-fetch's own bound for a paths type.
type SpecRequest<Paths extends Record<string, any>, Options> = <
  Method extends HttpMethod,
  Path extends ClientPathsWithMethod<Client<Paths>, Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method>,
>(
  method: Method,
  url: Path,
  ...init: CallInit<Init, MaybeOptionalInit<Paths[Path], Method>, Options>
) => Promise<FetchResponse<Paths[Path][Method], Init, `${string}/${string}`>>;

/** The client's methods by name, each typed as `SpecMethod`. */
// biome-ignore lint/suspicious/noExplicitAny: openapi-fetch's own bound for a paths type.
type SpecMethods<Paths extends Record<string, any>, Options> = {
  [Method in HttpMethod as Uppercase<Method>]: SpecMethod<Paths, Method, Options>;
};

/**
 * An openapi-fetch `Client` whose calls, `request(…)` included, take `Options` besides
 * openapi-fetch's own, and no other key (openapi-fetch's take any): what both of the package's
 * openapi-fetch clients return.
 */
// biome-ignore lint/suspicious/noExplicitAny: openapi-fetch's own bound for a paths type.
export type StrictClient<Paths extends Record<string, any>, Options> = Omit<
  Client<Paths>,
  Uppercase<HttpMethod> | "request"
> &
  SpecMethods<Paths, Options> & { request: SpecRequest<Paths, Options> };

/**
 * What `createSpecClient` (a folder's `createClient`) returns: an openapi-fetch `Client` whose
 * answers have the normalized types (no `null` the spec allows) and whose calls, `request(…)`
 * included, take `CallOptions` too.
 *
 * @example
 * const { data } = await client.GET("/pets/{id}", { params: { path: { id: 7 } }, timeoutMs: 5_000 });
 */
export type SpecClient<Paths extends {}> = StrictClient<NormalizedPaths<Paths>, CallOptions>;
