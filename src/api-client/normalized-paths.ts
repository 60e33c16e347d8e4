import type { Normalized } from "../runtime/normalize.js";

/** A response's `content`, each JSON media type's body normalized; text, binary and forms keep their types. */
type NormalizedContent<Content> = {
  [Media in keyof Content]: Media extends `${string}json${string}` ? Normalized<Content[Media]> : Content[Media];
};

/** One response object with its `content` normalized. */
type NormalizedResponse<Response> = {
  [Key in keyof Response]: Key extends "content" ? NormalizedContent<Response[Key]> : Response[Key];
};

/** One operation with every response normalized; its parameters and request body as the spec writes them. */
type NormalizedOperation<Operation> = Operation extends { responses: unknown }
  ? {
      [Key in keyof Operation]: Key extends "responses"
        ? { [Status in keyof Operation[Key]]: NormalizedResponse<Operation[Key][Status]> }
        : Operation[Key];
    }
  : Operation;

/**
 * A generated `paths` as the spec client answers it: the JSON body of every response is
 * `Normalized` (no `null` the spec allows, the field optional instead), so `data` and `error` are
 * typed as they arrive; request bodies keep the types the spec writes.
 *
 * @example
 * type Pet = NonNullable<Awaited<ReturnType<SpecClient<paths>["GET"]>>["data"]>;
 */
export type NormalizedPaths<Paths> = {
  [Path in keyof Paths]: { [Method in keyof Paths[Path]]: NormalizedOperation<Paths[Path][Method]> };
};
