/**
 * The one way spec text reaches generated code. A spec is untrusted input: a schema name, a path or
 * a description may hold `*\/`, a quote or a line break, and spliced into source text it would
 * become code that runs when the generated folder is imported. Each writer here makes it inert.
 */

/**
 * A JavaScript expression for a JSON value, on one line: `JSON.stringify`, with every
 * `"__proto__"` key made a computed key (`["__proto__"]:`), which defines an own property where a
 * plain one in an object literal would set the object's prototype instead.
 */
export function literal(value: unknown): string {
  // Inside a JSON string every quote is escaped, so an unescaped quote after `{` or `,` opens a key.
  return JSON.stringify(value).replace(/([{,])"__proto__":/g, '$1["__proto__"]:');
}

/**
 * An object literal of `entries`, one entry a line, each value on its own line as `literal`
 * writes it: a diff shows which entries changed, without the bytes of indenting every level
 * (a third of a large spec's metadata).
 */
export function table(entries: Readonly<Record<string, unknown>>, value = literal): string {
  const lines = Object.entries(entries).map(([key, entry]) => `  ${propertyKey(key)}: ${value(entry)},`);
  return lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n}`;
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
