/**
 * The runtime types that generated code is written against: `metadata.ts` in every generated
 * folder holds data of these types, and nothing else.
 */

/** Where a value of one schema may hold nulls to drop; a string names another entry of the same table. */
export interface Shape {
  /** The keys whose value may be `null`. */
  readonly nullable?: readonly string[];
  /** Where to look further down, by key. */
  readonly properties?: Readonly<Record<string, Shape | string>>;
  /** Where to look in each array item. */
  readonly items?: Shape | string;
  /**
   * The shapes of the branches of a `oneOf`/`anyOf`: each one's nulls are dropped too. A valid
   * body matches some branch, and its normalized type is that branch's, without those nulls.
   */
  readonly anyOf?: readonly (Shape | string)[];
}

/** Nullable-field shapes by schema name; schemas with no null at any depth are left out. */
export type Shapes = Readonly<Record<string, Shape>>;

/**
 * An issue's details, as Ajv's keywords give them. The ones the runtime reads are named, so code
 * reads them as properties under `noPropertyAccessFromIndexSignature` (a folder carries this code
 * into projects that compile with it, such as `@tsconfig/strictest`).
 */
export interface IssueParams {
  limit?: unknown;
  type?: unknown;
  comparison?: unknown;
  multipleOf?: unknown;
  pattern?: unknown;
  format?: unknown;
  missingProperty?: unknown;
  allowedValues?: unknown;
  failingKeyword?: unknown;
  i?: unknown;
  j?: unknown;
  [name: string]: unknown;
}

/** One problem a compiled validator found, as Ajv reports it. */
export interface ValidationIssue {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: IssueParams;
  /** The property name a `propertyNames` rule refused, on the issues found inside that rule. */
  propertyName?: string;
  message?: string;
}

/**
 * A compiled validator: returns whether `data` matches, and leaves the problems on `errors`.
 * `unchecked` says why a schema got no compiled validator (see `unchecked()`); it then accepts anything.
 * `rules` names the schema's conditional rules (`if`/`then`) by the place of their `then`, such as
 * `{ "#/allOf/1/then": "dall-e-3" }`, so a problem found there says whose rule it broke.
 * `lifecycles` holds, by the same places, what the rules record of their subject's lifecycle.
 * `patterns` holds what a `pattern` admits in the spec's words (`x-pattern-description`), by the
 * place of the schema that holds it (`#/allOf/0/then/properties/size`), for a message to say.
 */
export type Validator = ((data: unknown) => boolean) & {
  errors?: ValidationIssue[] | null;
  unchecked?: string;
  rules?: Readonly<Record<string, string>>;
  lifecycles?: Readonly<Record<string, RuleLifecycle>>;
  patterns?: Readonly<Record<string, string>>;
};

/**
 * What a conditional rule records of the lifecycle of what it is about (a model), from its
 * `x-lifecycle` in the spec: decided by this status, never by the clock.
 */
export interface RuleLifecycle {
  /** What the rule's condition asks of each field, by `const`, `enum` or `pattern`: `{ model: { const: "dall-e-3" } }`. */
  when: Readonly<Record<string, KeyedCondition>>;
  /** `live`; `deprecated` (still served, going away); `shut-down` (the provider no longer serves it). */
  status: "live" | "deprecated" | "shut-down";
  /** Since when it has this status, as the spec writes it (`2026-05-12`). */
  since?: string;
  /** What replaces it, such as `gpt-image-2`. */
  replacement?: string;
}

/** What a rule's condition asks of one field, in the keywords a value can be tested by without a validator. */
export interface KeyedCondition {
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  /** A regular expression (Unicode mode, as JSON Schema's). */
  readonly pattern?: string;
}

/** One place where a body breaks the spec. */
export interface SpecViolation {
  /** JSON pointer into the body, `""` for the body itself. */
  pointer: string;
  /** What the spec wants there, such as `must be integer` or `required property`. */
  expected: string;
  /** What was there, shortened (long strings show their start and length). */
  received: string;
  /** The conditional rule (`if`/`then`) it breaks, by its title, such as `dall-e-3`; absent for a field's own rule. */
  rule?: string;
}

/**
 * One answer an operation documents (a generated folder's `answers`, by operation and status):
 * its media type, none for an answer without a body, and the spec's examples of it by name.
 */
export interface DocumentedAnswer {
  readonly type?: string;
  readonly examples?: Readonly<Record<string, unknown>>;
}

/** A JSON Schema (2020-12) as the generator emits it: plain JSON data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Where an operation's parameters travel: each location has its own object schema and validator. */
export type ParameterLocation = "path" | "query" | "header" | "cookie";

/** How one parameter's wire text is read before its schema checks it (a string parameter is not listed). */
export type WireScalar = "integer" | "number" | "boolean" | "json";

/**
 * One parameter's wire type: a scalar, or an array whose items are each read as `items`, taken
 * from every repetition of the parameter and, when `split` is set, from each value split by it
 * (`1,2,3` in a path, `tags=1|2` with `pipeDelimited`).
 */
export type WireType = WireScalar | { readonly items: WireScalar | "string"; readonly split?: string };

/** The wire types of one location's parameters, by name; a parameter not listed stays a string. */
export type WireTypes = Readonly<Record<string, WireType>>;

/**
 * What a client or a mock needs of one security scheme: an `Authorization` header of an HTTP
 * scheme (`bearer`, `basic`, lower-case; OAuth 2 and OpenID Connect are `bearer`), an API key with
 * where it goes and its name (lower-case for a header), or a TLS client certificate.
 */
export type SecurityScheme =
  | { readonly type: "http"; readonly scheme: string }
  | { readonly type: "apiKey"; readonly in: "header" | "query" | "cookie"; readonly name: string }
  | { readonly type: "mutualTLS" };
