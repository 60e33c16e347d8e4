import type { RouteTemplate } from "../runtime/find-route.js";
import type { RequestRoute } from "../runtime/request-violations.js";
import type { Responses } from "../runtime/responses.js";
import type { DocumentedAnswer, JsonSchema, SecurityScheme, Shapes, Validator, WireTypes } from "../runtime/types.js";

/** One operation of a generated folder's `routes`: where it is, and the schema names of its bodies and parameters. */
export interface OperationRoute extends RouteTemplate, RequestRoute {
  /** The schema name of each documented answer's JSON body, by status (`"200"`, `"4XX"`, `"default"`). */
  readonly responses: Responses;
  /**
   * The media type the request body is sent in when not JSON (`multipart/form-data`,
   * `application/x-www-form-urlencoded`, `application/octet-stream`, `text/plain`); absent for JSON.
   */
  readonly requestType?: string;
  /** The headers each status's answer must carry, lower-case. */
  readonly headers?: Readonly<Record<string, readonly string[]>>;
  /**
   * The credentials it asks for: alternatives, each the names of the schemes that must all be
   * given (`[["apiKey", "appId"], ["bearer"]]`); `[]`, or an empty alternative: none.
   */
  readonly security?: readonly (readonly string[])[];
}

/**
 * What the testing kit reads of a generated folder (`sudo-images codegen --body-schemas`): pass
 * the folder's module itself (`import * as spec from "./generated/index.js"`). The kit's mock,
 * assertions and verify take it as a parameter, so they work for any spec.
 */
export interface SpecFolder {
  /** Each operation's method, path template, body and parameter schema names, by operationId. */
  readonly routes: Readonly<Record<string, OperationRoute>>;
  /** A compiled validator for every body and parameters schema, by schema name. */
  readonly validators: Readonly<Record<string, Validator>>;
  /** Where each body schema may hold nulls. */
  readonly shapes: Shapes;
  /** Each body and parameters schema as JSON Schema with its examples (written with `--body-schemas`). */
  readonly bodySchemas: Readonly<Record<string, JsonSchema>>;
  /** How each parameters schema's values are read from wire text. */
  readonly parameterTypes?: Readonly<Record<string, WireTypes>>;
  /** The spec's security schemes by name: where each puts a credential (`credentialFor`). */
  readonly securitySchemes?: Readonly<Record<string, SecurityScheme>>;
  /** Each operation's documented answers: media types and named examples (written with `--body-schemas`). */
  readonly answers?: Readonly<Record<string, Readonly<Record<string, DocumentedAnswer>>>>;
}
