/** The names Ajv declares for its own bookkeeping, which its optimizer drops where nothing reads them. */
const BOOKKEEPING = /\b(?:_errs|_?valid|vSchema)\d+\b/g;

/** A property of a schema constant, as Ajv writes one: `.name`, `[0]` or `["a-b"]`. */
const PROPERTY = String.raw`(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\\n]|\\.)*"\])`;

/**
 * One declaration of a bookkeeping name, or one assignment to it, whose value has no effect to
 * keep: the error count (`const _errs3 = errors;`), a comparison with it, a flag (`valid3 =
 * false;`), or a schema value (`const vSchema0 = schema19.properties.a.enum;`).
 */
const DECLARATION = new RegExp(
  String.raw`^(?:(?:const|let|var) )?((?:_errs|_?valid|vSchema)\d+) = (?:errors|_errs\d+ === errors|true|false|schema\d+${PROPERTY}*);\n`,
  "gm",
);

/**
 * A block with nothing in it: an `else`, or an `if` on a bookkeeping condition (reading a name has
 * no effect) that no `else` follows.
 */
const EMPTY_BLOCK = /^(?:else \{|if\(!?(?:_?valid\d+|errors === _errs\d+)\)\{)\n\}\n(?!else\b)/gm;

/**
 * Ajv's standalone code (compiled with `code.optimize: false`) without the declarations no code
 * reads and the blocks left empty. That is what Ajv's optimizer takes out of a large spec's validators (a seventh of their
 * bytes), but the optimizer re-counts every name of a function at each level of nesting, which on
 * Stripe's deep form bodies was half of the compile; this counts each function's names once per
 * pass. Names are counted per top-level function (`function validateN`), since each declares its own.
 *
 * @example
 * withoutUnreadDeclarations("function v(){\nconst _errs1 = errors;\nconst _errs2 = errors;\nreturn _errs2;\n}")
 * // "function v(){\nconst _errs2 = errors;\nreturn _errs2;\n}"
 */
export function withoutUnreadDeclarations(code: string): string {
  return code
    .split(/^(?=function )/m)
    .map(withoutUnreadIn)
    .join("");
}

/**
 * One function's code, its empty blocks and unread declarations left out until none is left (one
 * may be all that read another). A name is unread when it is found only in such declarations and
 * assignments (Ajv declares `var valid0` again for each property of an object, and sets flags
 * that nothing reads); all of them go together.
 */
function withoutUnreadIn(code: string): string {
  for (;;) {
    const emptied = code.replace(EMPTY_BLOCK, "");
    const found = counts(emptied.matchAll(BOOKKEEPING), 0);
    const declared = counts(emptied.matchAll(DECLARATION), 1);
    const kept = emptied.replace(DECLARATION, (line, name: string) =>
      found.get(name) === declared.get(name) ? "" : line,
    );
    if (kept.length === code.length) return code;
    code = kept;
  }
}

/** How many times each name is found, the name being each match's group `group` (0: the whole match). */
function counts(matches: Iterable<RegExpMatchArray>, group: number): Map<string, number> {
  const count = new Map<string, number>();
  for (const match of matches) {
    const name = match[group] as string;
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  return count;
}
