import { pointerKeys } from "../runtime/json-pointer.js";
import { type ConditionalRule, meets as meetsKeyed, ruleList } from "../runtime/rule-list.js";
import type { JsonSchema, SpecViolation, Validator } from "../runtime/types.js";
import { check } from "../runtime/validation.js";

type Body = Record<string, unknown>;

/** A body the planner wants to send, by what it tests. */
export interface NamedBody {
  name: string;
  body: Body;
  /** An invalid body's one broken field: where the validator must refuse it, and nowhere else. */
  breaks?: string | undefined;
}

/** What the planner knows of each field's values from its own schema. */
export interface FieldValues {
  /** Its enum, else its examples (null left out). */
  listed(key: string): unknown[];
  /** One value its own schema accepts. */
  sample(key: string): unknown;
}

/** How many fields a repair may change before the body is given up. */
const REPAIRS = 6;

/**
 * What the planner needs to know of a request schema's conditional rules (`if`/`then`, such as
 * "dall-e-3 takes n: 1"), read from the compiled validator, the one place that evaluates them:
 * the values the rules key on, a way to bring a body within every rule, and one body per way to
 * break each rule. Without a validator (a schema with no rules) bodies are taken as they are.
 */
export class BodyRules {
  readonly #validator: Validator | undefined;
  readonly #rules: ConditionalRule[];
  readonly #required: ReadonlySet<string>;
  readonly #fields: FieldValues;

  constructor(root: JsonSchema, validator: Validator | undefined, fields: FieldValues) {
    this.#validator = validator;
    this.#required = new Set((root.required as string[] | undefined) ?? []);
    this.#fields = fields;
    this.#rules = ruleList(root, validator);
  }

  /**
   * The values the planner sends for `key`: its listed ones, and those the rules' conditions name
   * (`model`: `dall-e-2`, `dall-e-3`), so that every rule's case gets sent; but none a rule the
   * spec marks shut down is about (a model the API no longer serves is no valid request).
   */
  choices(key: string): unknown[] {
    const keyed = this.#live.flatMap(({ when }) => {
      const property = (when.properties as Record<string, JsonSchema> | undefined)?.[key];
      return property && "const" in property ? [property.const] : [];
    });
    return [...new Set([...this.#fields.listed(key), ...keyed])].filter((value) => !this.#shutDown(key, value));
  }

  /** The rules whose subject the spec does not mark shut down. */
  get #live(): ConditionalRule[] {
    return this.#rules.filter((rule) => rule.lifecycle?.status !== "shut-down");
  }

  /** Whether a rule the spec marks shut down is about this value of `key` (`model: dall-e-3`). */
  #shutDown(key: string, value: unknown): boolean {
    return this.#rules.some(({ lifecycle }) => {
      const condition = lifecycle?.status === "shut-down" ? lifecycle.when[key] : undefined;
      return condition !== undefined && meetsKeyed(value, condition);
    });
  }

  /**
   * `body` if the schema accepts it; else the nearest body it accepts: another value of a required
   * field first (the model that takes these values), then, field by field where it breaks a rule,
   * another listed value or the field left out. Fields in `keep` are never changed. `undefined`
   * when nothing near is accepted.
   */
  fit(body: Body, keep: readonly string[] = []): Body | undefined {
    if (this.#accepts(body)) return body;
    const alternatives = [...this.#required]
      .filter((key) => !keep.includes(key))
      .flatMap((key) => this.choices(key).map((value) => ({ ...body, [key]: value })));
    const moved = alternatives.find((candidate) => this.#accepts(candidate));
    if (moved !== undefined) return moved;
    let current = body;
    for (let step = 0; step < REPAIRS; step++) {
      const key = pointerKeys(this.#violations(current)[0]?.pointer ?? "")[0];
      if (key === undefined || this.#required.has(key) || keep.includes(key)) return undefined;
      const { [key]: _left, ...without } = current;
      const options = [...this.choices(key).map((value) => ({ ...current, [key]: value })), without];
      current = options.find((candidate) => this.#accepts(candidate)) ?? without;
      if (this.#accepts(current)) return current;
    }
    return undefined;
  }

  /**
   * For each rule, a body that meets its condition and breaks it in one field, for each field it
   * constrains: a listed value outside the rule's list, a prompt one character too long, a field the
   * rule forbids, a field it requires left out. Each is refused for that rule alone. A shut-down
   * model's rules are left out: the API refuses its every request for the model alone.
   */
  breaks(base: Body): NamedBody[] {
    return this.#live.flatMap((rule) => {
      const trigger = this.#trigger(rule, base);
      if (trigger === undefined) return [];
      const broken: NamedBody[] = [];
      for (const key of (rule.demands.required as string[] | undefined) ?? []) {
        const { [key]: _gone, ...body } = trigger;
        if (this.#breaksOnly(body, rule)) broken.push({ name: `${rule.title} rule: no ${key}`, body, breaks: key });
      }
      for (const [key, then] of Object.entries((rule.demands.properties ?? {}) as Record<string, JsonSchema>)) {
        const hit = this.#breaking(key, then)
          .map(([what, value]) => ({ what, body: { ...trigger, [key]: value } }))
          .find(({ body }) => this.#breaksOnly(body, rule));
        if (hit) broken.push({ name: `${rule.title} rule: ${key}${hit.what}`, body: hit.body, breaks: key });
      }
      return broken;
    });
  }

  /** A valid body the rule applies to: its condition's values set, the rest brought within every rule. */
  #trigger(rule: ConditionalRule, base: Body): Body | undefined {
    const body: Body = { ...base };
    const conditions = (rule.when.properties ?? {}) as Record<string, JsonSchema>;
    for (const [key, condition] of Object.entries(conditions)) {
      const listed = this.choices(key).find((value) => meets(value, condition));
      const value = "const" in condition ? condition.const : (listed ?? this.#fields.sample(key));
      if (!meets(value, condition)) return undefined;
      body[key] = value;
    }
    return this.fit(body, Object.keys(conditions));
  }

  /** Values of `key` that the rule's own schema for it refuses, each with how a name shows it. */
  #breaking(key: string, then: JsonSchema): [string, unknown][] {
    const shown = (value: unknown): [string, unknown] => [`=${String(value)}`, value];
    const choices = this.choices(key);
    if (then.type === "null") return choices.map(shown);
    const values: [string, unknown][] = [];
    if (Array.isArray(then.enum)) {
      const listed = then.enum;
      values.push(...choices.filter((value) => !listed.includes(value)).map(shown));
      const numbers = listed.filter((value): value is number => typeof value === "number");
      if (numbers.length > 0) values.push(shown(Math.max(...numbers) + 1));
    }
    if (typeof then.maxLength === "number")
      values.push([` of ${then.maxLength + 1} characters`, "x".repeat(then.maxLength + 1)]);
    if (typeof then.maximum === "number") values.push(shown(then.maximum + 1));
    if (typeof then.pattern === "string") values.push(...offPattern(choices, then.pattern).map(shown));
    return values;
  }

  /** True when the body breaks `rule` and nothing else. */
  #breaksOnly(body: Body, rule: ConditionalRule): boolean {
    const violations = this.#violations(body);
    return violations.length > 0 && violations.every((violation) => violation.rule === rule.title);
  }

  #violations(body: Body): SpecViolation[] {
    return this.#validator === undefined ? [] : check(this.#validator, body);
  }

  #accepts(body: Body): boolean {
    return this.#violations(body).length === 0;
  }
}

/**
 * Listed values one character off (the last one less, one more digit), those `pattern` refuses: a
 * size grammar's break that the field's own rule still takes (`1024x1024` → `1024x102`). The shorter
 * comes first: a server that wrongly takes it draws a small image, not a 1024x10241 one.
 */
function offPattern(choices: readonly unknown[], pattern: string): string[] {
  const grammar = new RegExp(pattern, "u");
  const near = choices.flatMap((value) => (typeof value === "string" ? [value.slice(0, -1), `${value}1`] : []));
  return near.filter((value) => !grammar.test(value));
}

/**
 * Whether a value meets a condition's `const`, `pattern` or `type`: the keywords a rule keys on.
 * Only a candidate is judged here; whether the rule then applies is the validator's to say.
 */
function meets(value: unknown, condition: JsonSchema): boolean {
  if ("const" in condition) return value === condition.const;
  if (typeof condition.pattern === "string")
    return typeof value === "string" && new RegExp(condition.pattern, "u").test(value);
  if (condition.type === "integer") return Number.isInteger(value);
  return condition.type === undefined || typeof value === condition.type;
}
