import { isSchema, type Schema } from "./schema-walk.js";

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
