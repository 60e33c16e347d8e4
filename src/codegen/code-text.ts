/**
 * The one way spec text reaches generated code. A spec is untrusted input: a schema name, a path or
 * a description may hold `*\/`, a quote or a line break, and spliced into source text it would
 * become code that runs when the generated folder is imported. Each writer here makes it inert.
 */

/**
 * A JavaScript expression for a JSON value: `JSON.stringify`, with every `"__proto__"` key made
 * a computed key (`["__proto__"]:`), which defines an own property where a plain one in an object
 * literal would set the object's prototype instead.
 */
export function literal(value: unknown): string {
  // With indentation every key starts a line, so only keys can match; strings escape their line breaks.
  return JSON.stringify(value, null, 2).replace(/^(\s*)"__proto__":/gm, '$1["__proto__"]:');
}

/** A property key for an object literal: a string literal, computed where it is `__proto__`. */
export function propertyKey(name: string): string {
  return name === "__proto__" ? `[${JSON.stringify(name)}]` : JSON.stringify(name);
}

/**
 * Text for a `/** … *\/` or `//` comment: one line, control characters dropped, and `*\/` broken
 * up so the comment cannot be closed from inside.
 */
export function commentText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point.
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\*\//g, "*\\/");
}
