import { escapeToken, pointerKeys } from "../runtime/json-pointer.js";
import { type ConditionalRule, ruleList } from "../runtime/rule-list.js";
import type { JsonSchema, RuleLifecycle, Validator } from "../runtime/types.js";

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
  /**
   * What each conditional rule of the schema lets the field take, one line each (`with dall-e-3
   * (shut down 2026-05-12): 1`), then, for a field the rules' lifecycles key on (the model), the
   * values the spec marks retired: `shut down 2026-05-12 (use gpt-image-2): dall-e-2, dall-e-3`.
   */
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
        rules: [...ruleLines(rules, field, validator?.patterns ?? {}), ...retiredLines(rules, field)],
      };
    });
}

/**
 * What a person typed to set the request field a JSON pointer leads into: its flag (`--size`), or
 * `the prompt` for the field given as words (`positional`), never a flag the command does not take
 * (`--prompt`); `the request` for the body itself.
 *
 * @example
 * typedAs("/output_format", flags, "prompt") // "--output-format"
 * typedAs("/prompt", flags, "prompt") // "the prompt"
 */
export function typedAs(pointer: string, flags: readonly RequestFlag[], positional: string): string {
  const field = pointerKeys(pointer)[0];
  if (field === undefined) return "the request";
  if (field === positional) return `the ${positional}`;
  const flag = flags.find((candidate) => candidate.field === field)?.flag ?? field.replace(/_/g, "-");
  return `--${flag}`;
}

/**
 * The field's part of each `if`/`then` rule (named as its `validator` names it), as `--help` says it: `with dall-e-2: 256x256,
 * 512x512, 1024x1024`, `with gpt-image-*: not taken`, `with output_compression: required, jpeg, webp`.
 */
function ruleLines(
  rules: readonly ConditionalRule[],
  field: string,
  patterns: Readonly<Record<string, string>>,
): string[] {
  return rules.flatMap(({ title, place, demands, lifecycle }) => {
    const property = ((demands.properties ?? {}) as Record<string, JsonSchema>)[field];
    const required = ((demands.required ?? []) as string[]).includes(field);
    if (property === undefined && !required) return [];
    const takes =
      property === undefined ? [] : [ruleText(property, patterns[`${place}/properties/${escapeToken(field)}`])];
    return [`with ${title}${retiredText(lifecycle)}: ${[...(required ? ["required"] : []), ...takes].join(", ")}`];
  });
}

/** ` (shut down 2026-05-12)`: a rule's subject's status, when it is not live. */
function retiredText(lifecycle: RuleLifecycle | undefined): string {
  return lifecycle === undefined || lifecycle.status === "live" ? "" : ` (${statusText(lifecycle)})`;
}

/** `shut down 2026-05-12`, `deprecated`. */
function statusText({ status, since }: RuleLifecycle): string {
  return `${status.replace("-", " ")}${since ? ` ${since}` : ""}`;
}

/**
 * The values of `field` the rules' lifecycles mark retired, one line per status, date and
 * replacement, in the spec's order: `shut down 2026-05-12 (use gpt-image-2): dall-e-2, dall-e-3`.
 */
function retiredLines(rules: readonly ConditionalRule[], field: string): string[] {
  const lines = new Map<string, unknown[]>();
  for (const { lifecycle } of rules) {
    const condition = lifecycle?.status === "live" ? undefined : lifecycle?.when[field];
    if (lifecycle === undefined || condition === undefined) continue;
    const values = "const" in condition ? [condition.const] : (condition.enum ?? []);
    const head = `${statusText(lifecycle)}${lifecycle.replacement ? ` (use ${lifecycle.replacement})` : ""}`;
    lines.set(head, [...(lines.get(head) ?? []), ...values]);
  }
  return [...lines].filter(([, values]) => values.length > 0).map(([head, values]) => `${head}: ${values.join(", ")}`);
}

/** What a rule lets a field take, in a few words: its values, its length, the spec's words for its pattern. */
function ruleText(property: JsonSchema, patternWords: string | undefined): string {
  if (property.type === "null") return "not taken";
  const allowed = values(property.enum);
  if (allowed.length > 0) return allowed.join(", ");
  if (typeof property.maxLength === "number") return `up to ${property.maxLength} characters`;
  if (typeof property.pattern !== "string") return "see the spec";
  return patternWords ?? "of its pattern (see the spec)";
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
