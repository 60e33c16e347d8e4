import { valueAt } from "./json-pointer.js";
import type { JsonSchema, Validator } from "./types.js";

/** One conditional rule of a body schema: when `when` (its `if`) holds, `demands` (its `then`) applies. */
export interface ConditionalRule {
  /** Its name, as a violation of it says it: the rule's `title`, such as `dall-e-3`. */
  readonly title: string;
  readonly when: JsonSchema;
  readonly demands: JsonSchema;
}

/**
 * The conditional rules of a body schema, named as its validator names them. The validator's
 * `rules` table keys each name by the place of its `then` (`#/allOf/1/then`), so the rule is the
 * schema at the parent of that place.
 *
 * @example
 * ruleList(bodySchemas.ImageGenerationRequest, validate_ImageGenerationRequest)
 * // [{ title: "dall-e-2", when: { properties: { model: { const: "dall-e-2" } }, … }, demands: { … } }, …]
 */
export function ruleList(schema: JsonSchema, validator: Validator | undefined): ConditionalRule[] {
  return Object.entries(validator?.rules ?? {}).flatMap(([place, title]) => {
    const rule = valueAt(schema, place.slice(1).replace(/\/then$/, "")) as JsonSchema | undefined;
    return isSchema(rule?.if) && isSchema(rule?.then) ? [{ title, when: rule.if, demands: rule.then }] : [];
  });
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
