/**
 * Ajv's standalone code reaches a few helpers of its own at run time through
 * `require("ajv/dist/runtime/<name>").default`, which throws on import in an ES module and would
 * make every generated folder need Ajv. Each is written into the validators instead, as plain
 * JavaScript with the behaviour Ajv's has on JSON data.
 */

/** Each helper Ajv can reference from validation code, by its module name, as a JavaScript function. */
const HELPERS: Readonly<Record<string, { name: string; source: string }>> = {
  // fast-deep-equal on JSON values (what const, enum and uniqueItems compare): NaN equals NaN.
  equal: {
    name: "_equal",
    source: `function _equal(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((item, index) => _equal(item, b[index]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && _equal(a[key], b[key]));
}`,
  },
  // A string's length in code points (a surrogate pair counts once), as JSON Schema counts it.
  ucs2length: {
    name: "_ucs2length",
    source: `function _ucs2length(text) {
  let length = 0;
  for (let at = 0; at < text.length; length++) {
    const code = text.charCodeAt(at++);
    if (code >= 0xd800 && code <= 0xdbff && at < text.length && (text.charCodeAt(at) & 0xfc00) === 0xdc00) at++;
  }
  return length;
}`,
  },
  // What an $async validator throws.
  validation_error: {
    name: "_ValidationError",
    source: `class _ValidationError extends Error {
  constructor(errors) {
    super("validation failed");
    this.errors = errors;
    this.ajv = this.validation = true;
  }
}`,
  },
};

const REQUIRED = /require\("ajv\/dist\/runtime\/([A-Za-z0-9_]+)"\)\.default/g;

/**
 * `code` with every reference to an Ajv runtime helper replaced by the helper itself, defined once
 * at its head. Throws, naming it, when the code needs a module this cannot supply (the generated
 * folder would not import), so the run fails instead of writing it.
 *
 * @example
 * withInlinedHelpers('const func0 = require("ajv/dist/runtime/equal").default;')
 * // 'function _equal(a, b) {…}\nconst func0 = _equal;'
 */
export function withInlinedHelpers(code: string): string {
  const used = new Set<string>();
  const inlined = code.replace(REQUIRED, (call, module: string) => {
    const helper = Object.hasOwn(HELPERS, module) ? HELPERS[module] : undefined;
    if (helper === undefined) return call;
    used.add(helper.source);
    return helper.name;
  });
  const left = /require\(("[^"\n]*")\)/.exec(inlined);
  if (left !== null)
    throw new Error(`the compiled validators need ${left[1]} at run time, which a generated folder cannot import`);
  return [...used, inlined].join("\n");
}
