import { type ConditionalRule, ruleList } from "../runtime/rule-list.js";
import type { JsonSchema, Validator } from "../runtime/types.js";

/** A flag of `sudo-images generate` that sets one field of the request body. */
export interface RequestFlag {
  /** The flag's name without dashes: the field in kebab-case (`response-format`). */
  readonly flag: string;
  /** The request field it sets (`response_format`). */
  readonly field: string;
  /** Whether the value is read as a whole number (an `integer` field). */
  readonly integer: boolean;
  /** What a field the spec requires takes when the flag is left out: the spec's first example. */
  readonly fallback: string | undefined;
  /** One line for `--help`, from the schema: the allowed values, the range, or examples. */
  readonly help: string;
  /** What each conditional rule of the schema lets the field take, one line each: `with dall-e-3: 1`. */
  readonly rules: readonly string[];
}

/**
 * One flag per field of the request schema, except the positional `positional` field (the prompt),
 * so a field the spec gains gets a flag by `npm run generate` and nothing else. The values are not
 * checked here: the request is held to the spec before it is sent, and a violation names the flag.
 *
 * @example
 * requestFlags(bodySchemas.ImageGenerationRequest, "prompt")
 * // [{ flag: "model", field: "model", integer: false, fallback: "gpt-image-1", help: "such as gpt-image-1" }, …]
 */
export function requestFlags(schema: JsonSchema, positional: string, validator?: Validator): RequestFlag[] {
  const rules = ruleList(schema, validator);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema.required ?? []) as string[];
  return Object.entries(properties)
    .filter(([field]) => field !== positional)
    .map(([field, property]) => {
      const examples = values(property.examples);
      return {
        flag: field.replace(/_/g, "-"),
        field,
        integer: types(property).includes("integer"),
        fallback: required.includes(field) ? examples[0] : undefined,
        help: helpText(property, examples),
        rules: ruleLines(rules, field),
      };
    });
}

/**
 * The field's part of each `if`/`then` rule (named as its `validator` names it), as `--help` says it: `with dall-e-2: 256x256,
 * 512x512, 1024x1024`, `with gpt-image-*: not taken`, `with output_compression: required, jpeg, webp`.
 */
function ruleLines(rules: readonly ConditionalRule[], field: string): string[] {
  return rules.flatMap(({ title, demands }) => {
    const property = ((demands.properties ?? {}) as Record<string, JsonSchema>)[field];
    const required = ((demands.required ?? []) as string[]).includes(field);
    if (property === undefined && !required) return [];
    const takes = property === undefined ? [] : [ruleText(property)];
    return [`with ${title}: ${[...(required ? ["required"] : []), ...takes].join(", ")}`];
  });
}

function ruleText(property: JsonSchema): string {
  if (property.type === "null") return "not taken";
  const allowed = values(property.enum);
  if (allowed.length > 0) return allowed.join(", ");
  return typeof property.maxLength === "number" ? `up to ${property.maxLength} characters` : "see the spec";
}

function helpText(property: JsonSchema, examples: string[]): string {
  const allowed = values(property.enum);
  if (allowed.length > 0) return `one of ${allowed.join(", ")}`;
  if (types(property).includes("integer")) {
    const { minimum, maximum } = property;
    return minimum !== undefined && maximum !== undefined
      ? `a whole number, ${minimum} to ${maximum}`
      : "a whole number";
  }
  return examples.length > 0 ? `such as ${examples.join(", ")}` : "text";
}

function types(property: JsonSchema): unknown[] {
  return Array.isArray(property.type) ? property.type : [property.type];
}

/** The non-null values of an `enum` or `examples` list, as text. */
function values(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((value) => value !== null).map(String) : [];
}
