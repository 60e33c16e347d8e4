import type { RuleLifecycle } from "../runtime/types.js";
import { mapSchemasIn } from "./canonical.js";
import { isSchema, type Schema } from "./schema-walk.js";
import type { OpenApiDocument } from "./spec-source.js";

/**
 * The conditional rules (`if`/`then`) of one body schema, by the place of their `then`, each named
 * by its `title`: `{ "#/allOf/1/then": "dall-e-3" }`. The runtime names the rule in a violation
 * found under that place ("dall-e-3 takes n: 1"). A rule with no title is named by its place.
 */
export function conditionalRules(schema: unknown): Record<string, string> {
  const rules: Record<string, string> = {};
  if (!isSchema(schema)) return rules;
  const named = (member: Schema, place: string) =>
    typeof member.title === "string" && member.title !== "" ? member.title : `the rule at ${place}`;
  if (isSchema(schema.then)) rules["#/then"] = named(schema, "#");
  const members = Array.isArray(schema.allOf) ? schema.allOf : [];
  members.forEach((member, index) => {
    if (isSchema(member) && isSchema(member.then)) rules[`#/allOf/${index}/then`] = named(member, `#/allOf/${index}`);
  });
  return rules;
}

/**
 * The lifecycle each conditional rule of one body schema records (`x-lifecycle`), by the place of
 * its `then` as `conditionalRules` names it, with what its condition asks of each field (its
 * `const`, `enum` or `pattern`), so a reader with no schema can tell which bodies it is about:
 * `{ "#/allOf/7/then": { when: { model: { const: "dall-e-3" } }, status: "shut-down", since: "2026-05-12", replacement: "gpt-image-2" } }`.
 * A status other than `live`, `deprecated` or `shut-down` is left out, with its date and replacement.
 */
export function ruleLifecycles(schema: unknown): Record<string, RuleLifecycle> {
  const lifecycles: Record<string, RuleLifecycle> = {};
  if (!isSchema(schema)) return lifecycles;
  const members = Array.isArray(schema.allOf) ? schema.allOf : [];
  members.forEach((member, index) => {
    const lifecycle = isSchema(member) ? lifecycleOf(member) : undefined;
    if (lifecycle !== undefined) lifecycles[`#/allOf/${index}/then`] = lifecycle;
  });
  return lifecycles;
}

function lifecycleOf(rule: Schema): RuleLifecycle | undefined {
  const recorded = rule["x-lifecycle"];
  if (!isSchema(recorded) || !isSchema(rule.then) || !isSchema(rule.if)) return undefined;
  const { status, since, replacement } = recorded;
  if (!LIFECYCLE_STATUSES.has(status as string)) return undefined;
  const lifecycle: RuleLifecycle = { when: keyedValues(rule.if), status: status as RuleLifecycle["status"] };
  if (typeof since === "string") lifecycle.since = since;
  if (typeof replacement === "string") lifecycle.replacement = replacement;
  return lifecycle;
}

const LIFECYCLE_STATUSES: ReadonlySet<string> = new Set(["live", "deprecated", "shut-down"]);

/** The keywords of a condition a reader with no schema can test a value by. */
const KEYING = ["const", "enum", "pattern"] as const;

/** What a condition asks of each field, by `const`, `enum` or `pattern` alone: `{ model: { const: "dall-e-3" } }`. */
function keyedValues(condition: Schema): RuleLifecycle["when"] {
  const properties = isSchema(condition.properties) ? condition.properties : {};
  const keyed: Record<string, Schema> = {};
  for (const [field, property] of Object.entries(properties)) {
    if (!isSchema(property)) continue;
    const kept = Object.fromEntries(KEYING.filter((key) => key in property).map((key) => [key, property[key]]));
    if (Object.keys(kept).length > 0) keyed[field] = kept;
  }
  return keyed;
}

/** Keywords that say nothing about a value's type: an `allOf` member holding only these is no type. */
const ANNOTATIONS = new Set(["title", "description", "$comment"]);

/**
 * The document as types see it: without `if`/`then`/`else`, and without the `allOf` members that
 * held only them. A type cannot express a rule that depends on a value, and openapi-typescript
 * would write each such member as `& unknown`; the validators keep the rules.
 */
export function withoutConditionals(document: OpenApiDocument): OpenApiDocument {
  // Most specs have none: they are not copied (a copy of a large spec is hundreds of MB).
  if (!holdsKey(document, "then")) return document;
  return mapSchemasIn(document, (schema) => {
    const { if: _if, then: _then, else: _else, ...rest } = schema;
    if (!Array.isArray(rest.allOf)) return rest;
    const allOf = rest.allOf.filter(
      (member) => !isSchema(member) || Object.keys(member).some((key) => !ANNOTATIONS.has(key)),
    );
    if (allOf.length === 0) delete rest.allOf;
    else rest.allOf = allOf;
    return rest;
  }) as OpenApiDocument;
}

/** Whether any object in `node`, at any depth, has the key `key`. */
function holdsKey(node: unknown, key: string): boolean {
  if (Array.isArray(node)) return node.some((item) => holdsKey(item, key));
  if (!isSchema(node)) return false;
  return Object.hasOwn(node, key) || Object.values(node).some((value) => holdsKey(value, key));
}
