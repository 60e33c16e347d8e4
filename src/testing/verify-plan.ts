import { escapeToken } from "../runtime/json-pointer.js";
import type { JsonSchema, Validator } from "../runtime/types.js";
import { nonNullTypes, resolvedSchema } from "./body-schema.js";
import { compiledPattern, patternSample } from "./pattern-sample.js";
import { BodyRules, type NamedBody } from "./verify-rules.js";

/**
 * One request `verifyServer` sends, and what the spec says must come of it: `valid`, accepted
 * (2xx); `invalid`, refused for being invalid (400 or 422); `auth`, refused for its key (401 or
 * 403); `method`, a method the path does not define (404 or 405).
 */
export interface PlannedRequest {
  /** A short name that says what the request tests, such as `size=1792x1024` or `missing prompt`. */
  name: string;
  kind: "valid" | "invalid" | "auth" | "method";
  operationId: string;
  /** The JSON body; none for a `method` request. */
  body: unknown;
  /** Images the request asks for when valid (what a paid API charges for). */
  images: number;
  /** `auth` requests: sent with no key, or with a key no server issued. */
  key?: "none" | "wrong" | undefined;
  /** `auth` requests: the one security scheme sent without its credential or with a wrong one; every one when absent. */
  scheme?: string | undefined;
  /** `method` requests: the method sent instead of the operation's. */
  method?: string | undefined;
  /** The path template's values, as wire text (percent-encoded when the URL is made). */
  params?: Readonly<Record<string, string>> | undefined;
  /** Query parameters as wire text; a list repeats the name. */
  query?: Readonly<Record<string, string | readonly string[]>> | undefined;
  /** Header parameters as wire text. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** `invalid` requests: the one place the request validator refuses it (`/query/limit`, `/body/name`). */
  breaks?: string | undefined;
}

type Schema = JsonSchema;
type Body = Record<string, unknown>;
const SAMPLE_TEXT = "a lighthouse at dusk, painted in oils";

/** The objects worth sending for one object schema (a body, or one location's parameters). */
export interface PlannedBodies {
  /** The required fields alone, then each listed value and bound; each accepted by the schema's rules. */
  valid: NamedBody[];
  /** Each required field missing, each bound, length, enum and type broken, each conditional rule broken; `breaks` names the field. */
  invalid: NamedBody[];
}

/**
 * Every object worth sending for one object schema, cheapest first: the required fields alone;
 * then one object per value of the longest value list, so every enum value (and every example of
 * an open field, and every value a rule keys on, such as a model) is sent; then the numeric
 * boundaries; then the invalid ones: each required field missing, each bound, length and enum
 * broken, each field of the wrong type, and each conditional rule broken in each field it
 * constrains. With the schema's `validator`, valid objects hold to every conditional rule (a
 * value goes with a model that takes it). Deterministic: the same schema and `seed` give the same
 * lists (the seed rotates which values go together).
 */
export function planBodies(schema: Schema, seed = 0, validator?: Validator): PlannedBodies & { base: Body } {
  const root = resolvedSchema(schema, schema);
  const properties = (root.properties ?? {}) as Record<string, Schema>;
  const required = new Set((root.required as string[] | undefined) ?? []);
  const fields = Object.entries(properties).map(([key, property]) => [key, resolvedSchema(property, schema)] as const);
  const field = (key: string) => fields.find(([name]) => name === key)?.[1] ?? {};
  const rules = new BodyRules(root, validator, {
    listed: (key) => valuesOf(field(key)),
    sample: (key) => sampleValue(key, field(key)),
  });
  const base: Body = {};
  for (const [key, property] of fields) if (required.has(key)) base[key] = sampleValue(key, property);
  const invalid: NamedBody[] = [];
  for (const key of required) {
    const { [key]: _gone, ...body } = base;
    invalid.push({ name: `missing ${key}`, body, breaks: key });
  }
  for (const [key, property] of fields) {
    // Broken in a body the schema accepts with a good value there, so it breaks nothing else: an
    // output_compression out of range goes with an output_format that takes one.
    const context = rules.fit({ ...base, [key]: sampleValue(key, property) }, [key]) ?? base;
    for (const [what, value] of brokenValues(property))
      invalid.push({ name: `${key} ${what}`, body: { ...context, [key]: value }, breaks: key });
  }
  invalid.push(...rules.breaks(base));
  return { base, valid: validBodies(base, fields, rules, seed), invalid };
}

/**
 * Every request worth sending for one JSON request schema (`planBodies`), cheapest first, with the
 * key and method checks between the valid and the invalid ones.
 */
export function planRequests(operationId: string, schema: Schema, seed = 0, validator?: Validator): PlannedRequest[] {
  const { base, valid, invalid } = planBodies(schema, seed, validator);
  const request = (kind: PlannedRequest["kind"], name: string, body: Record<string, unknown>): PlannedRequest => ({
    name,
    kind,
    operationId,
    body,
    images: kind === "valid" ? imagesOf(body) : 0,
  });
  const checks: PlannedRequest[] = [
    { ...request("auth", "no key", { ...base }), key: "none" },
    { ...request("auth", "a wrong key", { ...base }), key: "wrong" },
    { ...request("method", "a method the path does not define (GET)", undefined as never), method: "GET" },
  ];
  return [
    ...valid.map(({ name, body }) => request("valid", name, body)),
    ...checks,
    ...invalid.map(({ name, body, breaks }) => ({
      ...request("invalid", name, body),
      breaks: `/body/${escapeToken(breaks ?? "")}`,
    })),
  ];
}

/**
 * The valid bodies: the required fields alone, the listed values round-robin, each listed value
 * the rules kept out of those on its own, then the numeric boundaries; each brought within the
 * conditional rules, named by what it sets beyond the required fields, and each sent once.
 */
function validBodies(
  base: Body,
  fields: readonly (readonly [string, Schema])[],
  rules: BodyRules,
  seed: number,
): NamedBody[] {
  const wanted: { body: Body; alone?: string }[] = [{ body: { ...base } }];
  const choices = fields.map(([key]) => [key, rules.choices(key)] as const).filter(([, values]) => values.length > 0);
  const rounds = Math.max(0, ...choices.map(([, values]) => values.length));
  for (let round = 0; round < rounds; round++) {
    const body = { ...base };
    for (const [key, values] of choices) body[key] = values[(round + seed) % values.length];
    wanted.push({ body });
  }
  for (const [key, values] of choices)
    for (const value of values) wanted.push({ body: { ...base, [key]: value }, alone: key });
  for (const end of ["minimum", "maximum"] as const) {
    const set = fields.filter(([, property]) => typeof property[end] === "number");
    if (set.length > 0)
      wanted.push({ body: { ...base, ...Object.fromEntries(set.map(([key, property]) => [key, property[end]])) } });
  }
  const sent = new Map<string, NamedBody>();
  for (const { body, alone } of wanted) {
    // A value on its own is only wanted when no body before it sent that value.
    if (alone !== undefined && [...sent.values()].some((named) => named.body[alone] === body[alone])) continue;
    const fitted = rules.fit(body, alone === undefined ? [] : [alone]);
    const key = JSON.stringify(fitted);
    if (fitted !== undefined && !sent.has(key)) sent.set(key, { name: nameOf(fitted, base), body: fitted });
  }
  return [...sent.values()];
}

/** `size=1792x1024 model=dall-e-3`: what a body sets beyond the required fields' samples. */
function nameOf(body: Body, base: Body): string {
  const set = Object.entries(body).filter(([key, value]) => base[key] !== value);
  return set.length === 0 ? "required fields only" : set.map(([key, value]) => `${key}=${String(value)}`).join(" ");
}

/**
 * Which planned requests a budget of `budget` sends: the cheapest valid ones first (at most three,
 * so a default run costs three single images), then the key and method checks and every invalid
 * request (a conforming server turns those down before generating anything), then the remaining
 * valid ones.
 */
export function withinBudget(planned: PlannedRequest[], budget: number): PlannedRequest[] {
  const valid = planned.filter((request) => request.kind === "valid").sort((a, b) => a.images - b.images);
  const refused = planned.filter((request) => request.kind !== "valid");
  return [...valid.slice(0, 3), ...refused, ...valid.slice(3)].slice(0, budget);
}

/** The values a field takes in the valid requests: its enum, else its examples (null left out). */
function valuesOf(property: Schema): unknown[] {
  const listed = (property.enum ?? property.examples) as unknown[] | undefined;
  return (listed ?? []).filter((value) => value !== null);
}

/** A value the schema accepts, for a required field. */
function sampleValue(key: string, property: Schema): unknown {
  const [first] = valuesOf(property);
  if (first !== undefined) return first;
  const [type] = nonNullTypes(property);
  if (type === "integer" || type === "number") return typeof property.minimum === "number" ? property.minimum : 1;
  if (type === "boolean") return false;
  // A list of one sample (a required `status` query parameter of enum values), deep enough for a field.
  if (type === "array")
    return typeof property.items === "object" && property.items !== null
      ? [sampleValue(key, property.items as Schema)]
      : [];
  const patterned = typeof property.pattern === "string" ? patternSample(property.pattern) : undefined;
  const text = patterned ?? (key === "prompt" ? SAMPLE_TEXT : `sample ${key}`);
  // Within the field's lengths, so the request stays valid (a name of at most 10 characters).
  const least = typeof property.minLength === "number" ? property.minLength : 0;
  const most = typeof property.maxLength === "number" ? property.maxLength : text.length;
  return text.padEnd(least, "x").slice(0, Math.max(least, most));
}

/** Values the field must refuse, each with what it breaks. */
function brokenValues(property: Schema): [string, unknown][] {
  const broken: [string, unknown][] = [];
  const [type] = nonNullTypes(property);
  if (Array.isArray(property.enum)) broken.push(["outside its enum", "not-a-listed-value"]);
  const pattern = typeof property.pattern === "string" ? compiledPattern(property.pattern) : undefined;
  if (pattern !== undefined && !pattern.test("not-a-listed-value"))
    broken.push(["outside its pattern", "not-a-listed-value"]);
  if (typeof property.minimum === "number") broken.push([`below minimum ${property.minimum}`, property.minimum - 1]);
  if (typeof property.maximum === "number") broken.push([`above maximum ${property.maximum}`, property.maximum + 1]);
  if (typeof property.minLength === "number" && property.minLength > 0) broken.push(["shorter than minLength", ""]);
  if (type === "integer") broken.push(["not a whole number", 1.5]);
  if (type === "string") broken.push(["of the wrong type", 12345]);
  else if (type !== undefined) broken.push(["of the wrong type", "twelve"]);
  return broken;
}

function imagesOf(body: Record<string, unknown>): number {
  return typeof body.n === "number" ? body.n : 1;
}
