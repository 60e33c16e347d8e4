import type { Normalized } from "../runtime/normalize.js";

/** A response's `content`, each JSON media type's body normalized; text, binary and forms keep their types. */
type NormalizedContent<Content> = {
  [Media in keyof Content]: Media extends `${string}json${string}` ? Normalized<Content[Media]> : Content[Media];
};

/** One response object with its `content` normalized. */
type NormalizedResponse<Response> = {
  [Key in keyof Response]: Key extends "content" ? NormalizedContent<Response[Key]> : Response[Key];
};

/** A status key that stands for an error answer: `404`, `4XX`, `500`, `default`. */
type ErrorStatus = `4${string}` | `5${string}` | "default";

/**
 * An answer the spec does not document: a server may still send one (a gateway's 502, the mock's
 * 500), and the client hands it back as `error`, so its type is `unknown`, never `never`.
 */
interface UndocumentedError {
  headers: { [name: string]: unknown };
  content: { "application/json": unknown };
}

/** An operation's responses, with `default` as an `UndocumentedError` when it documents no error status. */
type WithErrorAnswer<Responses> =
  Extract<`${keyof Responses & (string | number)}`, ErrorStatus> extends never
    ? Responses & { default: UndocumentedError }
    : Responses;

/** One operation with every response normalized; its parameters and request body as the spec writes them. */
type NormalizedOperation<Operation> = Operation extends { responses: unknown }
  ? {
      [Key in keyof Operation]: Key extends "responses"
        ? WithErrorAnswer<{ [Status in keyof Operation[Key]]: NormalizedResponse<Operation[Key][Status]> }>
        : Operation[Key];
    }
  : Operation;

/**
 * A generated `paths` as the spec client answers it: the JSON body of every response is
 * `Normalized` (no `null` the spec allows, the field optional instead), so `data` and `error` are
 * typed as they arrive; request bodies keep the types the spec writes. An operation that documents
 * no error status types `error` as `unknown`, since a server may still send one.
 *
 * @example
 * type Pet = NonNullable<Awaited<ReturnType<SpecClient<paths>["GET"]>>["data"]>;
 */
export type NormalizedPaths<Paths> = {
  [Path in keyof Paths]: { [Method in keyof Paths[Path]]: NormalizedOperation<Paths[Path][Method]> };
};
