import type { RouteTemplate } from "../runtime/find-route.js";
import type { Responses } from "../runtime/responses.js";
import type { DocumentedAnswer, JsonSchema, Shapes, Validator } from "../runtime/types.js";

/** One operation of a generated folder's `routes`: where it is, and the schema names of its bodies. */
export interface OperationRoute extends RouteTemplate {
  /** The schema name of its JSON request body, when it takes one. */
  readonly request?: string;
  /** The schema name of each documented answer's JSON body, by status (`"200"`, `"4XX"`, `"default"`). */
  readonly responses: Responses;
  /** The headers each status's answer must carry, lower-case. */
  readonly headers?: Readonly<Record<string, readonly string[]>>;
}

/**
 * What the testing kit reads of a generated folder (`sudo-images codegen --body-schemas`): pass
 * the folder's module itself (`import * as spec from "./generated/index.js"`). The kit's mock,
 * assertions and body filling take it as a parameter, so they work for any spec; the Sudo images
 * folder is bound once, in `sudo-spec.ts`.
 */
export interface SpecFolder {
  /** Each operation's method, path template and body schema names, by operationId. */
  readonly routes: Readonly<Record<string, OperationRoute>>;
  /** A compiled validator for every body schema, by schema name. */
  readonly validators: Readonly<Record<string, Validator>>;
  /** Where each body schema may hold nulls. */
  readonly shapes: Shapes;
  /** Each body schema as JSON Schema with its examples (written with `--body-schemas`). */
  readonly bodySchemas: Readonly<Record<string, JsonSchema>>;
  /** Each operation's documented answers: media types and named examples (written with `--body-schemas`). */
  readonly answers?: Readonly<Record<string, Readonly<Record<string, DocumentedAnswer>>>>;
}
