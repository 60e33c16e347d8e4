import { escapeToken } from "../runtime/json-pointer.js";
import { isSchema } from "./schema-walk.js";

/** The extension a spec writes beside a `pattern` to say in words what it admits. */
const PATTERN_WORDS = "x-pattern-description";

/**
 * What each `pattern` of one body schema admits, in the spec's own words (`x-pattern-description`
 * beside it), by the place of the schema that holds it, as a validator reports that place:
 * `{ "#/allOf/0/then/properties/size": "auto or WxH, each side a multiple of 16 up to 3840" }`.
 * A grammar such as gpt-image-2's sizes is hundreds of characters of regular expression that no
 * reader parses in a message; the runtime says these words instead. `$ref`s are not followed: a
 * referenced schema is a validator's own, with places of its own.
 */
export function patternWords(schema: unknown): Record<string, string> {
  const words: Record<string, string> = {};
  const visit = (node: unknown, place: string): void => {
    if (typeof node !== "object" || node === null) return;
    const said = isSchema(node) ? node[PATTERN_WORDS] : undefined;
    if (isSchema(node) && typeof node.pattern === "string" && typeof said === "string" && said.trim() !== "")
      words[place] = said.trim();
    // Arrays (allOf, oneOf, …) by index; an extension's value is no schema.
    for (const [key, value] of Object.entries(node))
      if (!key.startsWith("x-")) visit(value, `${place}/${escapeToken(key)}`);
  };
  visit(schema, "#");
  return words;
}
