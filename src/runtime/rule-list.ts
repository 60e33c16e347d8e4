import { valueAt } from "./json-pointer.js";
import type { JsonSchema, KeyedCondition, RuleLifecycle, Validator } from "./types.js";

/** One conditional rule of a body schema: when `when` (its `if`) holds, `demands` (its `then`) applies. */
export interface ConditionalRule {
  /** Its name, as a violation of it says it: the rule's `title`, such as `dall-e-3`. */
  readonly title: string;
  /** The place of its `then` in the schema, as the validator names it: `#/allOf/7/then`. */
  readonly place: string;
  readonly when: JsonSchema;
  readonly demands: JsonSchema;
  /** What the spec records of its subject's lifecycle (`x-lifecycle`), when it records any. */
  readonly lifecycle?: RuleLifecycle | undefined;
}

/**
 * The conditional rules of a body schema, named as its validator names them. The validator's
 * `rules` table keys each name by the place of its `then` (`#/allOf/1/then`), so the rule is the
 * schema at the parent of that place.
 *
 * @example
 * ruleList(bodySchemas.ImageGenerationRequest, validate_ImageGenerationRequest)
 * // [{ title: "gpt-image-2", when: { properties: { model: { pattern: "^gpt-image-2…" } }, … }, demands: { … }, lifecycle: { status: "live", … } }, …]
 */
export function ruleList(schema: JsonSchema, validator: Validator | undefined): ConditionalRule[] {
  return Object.entries(validator?.rules ?? {}).flatMap(([place, title]) => {
    const rule = valueAt(schema, place.slice(1).replace(/\/then$/, "")) as JsonSchema | undefined;
    if (!isSchema(rule?.if) || !isSchema(rule?.then)) return [];
    return [{ title, place, when: rule.if, demands: rule.then, lifecycle: validator?.lifecycles?.[place] }];
  });
}

/** A lifecycle the spec records, with the title of the rule that records it. */
export interface TitledLifecycle extends RuleLifecycle {
  readonly title: string;
}

/**
 * The lifecycles a validator's rules record, each with its rule's title, in the spec's order:
 * what a reader with no schema (the client) knows of the values the rules are about.
 */
export function lifecycles(validator: Validator | undefined): readonly TitledLifecycle[] {
  if (validator === undefined) return [];
  const known = titled.get(validator);
  if (known !== undefined) return known;
  const list = Object.entries(validator.lifecycles ?? {}).map(([place, lifecycle]) => ({
    ...lifecycle,
    title: validator.rules?.[place] ?? `the rule at ${place.replace(/\/then$/, "")}`,
  }));
  titled.set(validator, list);
  return list;
}

/** Each validator's lifecycles, listed once: the client looks a request's model up in them on every call. */
const titled = new WeakMap<Validator, readonly TitledLifecycle[]>();

/**
 * The lifecycle recorded for `body`: that of the first rule whose condition holds for it, by its
 * `const`, `enum` or `pattern` alone (a rule about `model: dall-e-3` for a body with that model).
 *
 * @example
 * lifecycleOf(validate_ImageGenerationRequest, { prompt: "p", model: "dall-e-3" })
 * // { title: "dall-e-3", status: "shut-down", since: "2026-05-12", replacement: "gpt-image-2", … }
 */
export function lifecycleOf(validator: Validator | undefined, body: unknown): TitledLifecycle | undefined {
  if (!isSchema(body)) return undefined;
  return lifecycles(validator).find(({ when }) =>
    Object.entries(when).every(([field, condition]) => Object.hasOwn(body, field) && meets(body[field], condition)),
  );
}

/** Whether a value meets what a condition asks by `const`, `enum` and `pattern`. */
export function meets(value: unknown, condition: KeyedCondition): boolean {
  if ("const" in condition && value !== condition.const) return false;
  if (condition.enum !== undefined && !condition.enum.includes(value)) return false;
  if (condition.pattern === undefined) return true;
  return typeof value === "string" && patternOf(condition.pattern).test(value);
}

/** Each condition's pattern, compiled once (a spec has a few; every call tests the request's model). */
const patterns = new Map<string, RegExp>();
/** More patterns than any spec's rules hold: a process that reads many specs starts the cache over. */
const MAX_PATTERNS = 256;

function patternOf(source: string): RegExp {
  const known = patterns.get(source);
  if (known !== undefined) return known;
  const compiled = new RegExp(source, "u");
  if (patterns.size >= MAX_PATTERNS) patterns.clear();
  patterns.set(source, compiled);
  return compiled;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
