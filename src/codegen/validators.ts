import { Ajv2020 } from "ajv/dist/2020.js";
import standalone from "ajv/dist/standalone/index.js";
import { defsName, defsRef } from "../runtime/json-pointer.js";
import { withInlinedHelpers } from "./ajv-runtime.js";
import type { SchemaSet } from "./json-schema.js";
import { acceptingRawBytes, rawBytesKeyword } from "./raw-bytes.js";
import { inlinedSchemaReads, STRING } from "./schema-reads.js";
import { dict, isSchema, mapSchema, type Schema } from "./schema-walk.js";
import { compilesAsScript } from "./script-compiles.js";
import { type SharedSubschemas, sharedSubschemas } from "./shared-subschemas.js";
import { withoutUnreadDeclarations } from "./unread-declarations.js";
import type { Warn } from "./warn.js";

const ROOT_ID = "sudo-images:spec";
/** Each shared subschema (`shared-subschemas.ts`) is its own resource, `sudo-images:shared/<n>`. */
const SHARED_ID = "sudo-images:shared/";
/**
 * Each `$defs` entry is its own resource (`sudo-images:def/<name>`): Ajv names the place of a
 * strict-mode finding by the resource it is in, and this is how a finding maps back to the spec.
 */
const DEF_ID = "sudo-images:def/";

/**
 * The export name of each body schema's validator in `validators.ts`: a JavaScript identifier,
 * unique however the names differ (`foo-bar` and `foo_bar` are `validate_foo_bar` and
 * `validate_foo_bar_2`, in the order of the sorted names, so the same spec gives the same names).
 */
export function validatorNames(names: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const named = new Map<string, string>();
  for (const name of [...names].sort()) {
    const base = `validate_${name.replace(/[^A-Za-z0-9_$]/g, "_")}`;
    let unique = base;
    for (let count = 2; taken.has(unique); count++) unique = `${base}_${count}`;
    taken.add(unique);
    named.set(name, unique);
  }
  return named;
}

/** What `compileValidators` made: the module and the schemas it could not compile. */
export interface CompiledValidators {
  code: string;
  /** Body schemas with no compiled validator, by name, each with why. */
  unchecked: Map<string, string>;
  /** Whether V8 compiles the module (`compilesAsScript`); if not, `syntaxError` says where it does not. */
  compiles: boolean;
}

/**
 * Compiles a validator for every body and parameters schema the operations use, ahead of time, as one ES module
 * that needs no Ajv at run time. Options chosen for that and for large bodies:
 * - `allErrors`: report every problem, not the first;
 * - `unicode: false`: string lengths are `.length`, so no runtime helper import (and no walk over
 *   a multi-megabyte base64 string to count code points);
 * - `validateFormats: false`: integer formats were already turned into ranges, and other formats
 *   are annotations in JSON Schema 2020-12;
 * - `ownProperties` where the spec names a property as `Object.prototype` does: `constructor` or
 *   `toString` is looked up on the body itself, never found on `Object.prototype`;
 * - raw bytes (`format: binary`, a multipart file part) also take a `Blob` or `Uint8Array` (`raw-bytes.ts`).
 *
 * The few helpers Ajv's code calls at run time (deep equality for `enum`/`const`/`uniqueItems`, …)
 * are written into the module (`withInlinedHelpers`). Whether V8 compiles the module is said
 * (`compiles`); naming the fault of one it does not is the caller's (`validators-thread.ts`, on the
 * main thread, so that a worker compiling it never loads TypeScript).
 *
 * A schema Ajv cannot take (one that breaks the meta-schema, a pattern that is no regular
 * expression) costs only its own validator: it is left unchecked, with a warning naming its place
 * in the spec, and everything else is compiled. *
 * Schemas written the same are compiled once (`sharedExports`) unless `tablesOf`, the tables
 * metadata sets on a validator by schema name, differs between them.
 */
export function compileValidators(
  set: SchemaSet,
  warn: Warn,
  tablesOf: (name: string) => Record<string, unknown> = () => ({}),
): CompiledValidators {
  const unchecked = new Map<string, string>();
  const defs = dict<Schema>();
  // Ajv2020 forces these on; they make every validator track evaluated properties and dynamic
  // anchors, code that only unevaluated* and $dynamicRef need. Off unless the spec uses them.
  const specText = JSON.stringify(set.defs);
  const needs = {
    unevaluated: /"unevaluated(Properties|Items)"/.test(specText),
    dynamicRef: /"\$dynamic(Ref|Anchor)"/.test(specText),
    // `data.constructor` finds Object.prototype's: where the spec names such a property, every
    // lookup asks for an own property (a call per lookup, so only there).
    ownProperties: PROTOTYPE_NAMES.some((name) => specText.includes(JSON.stringify(name))),
  };
  const make: MakeAjv = (log, evaluate = true) => newAjv(log, needs, evaluate);
  const meta = make(() => {});
  for (const [name, schema] of Object.entries(set.defs)) {
    if (meta.validateSchema(schema)) defs[name] = asResource(name, acceptingRawBytes(schema));
    else uncheck(name, meta.errorsText(meta.errors, { dataVar: "schema" }));
  }
  function uncheck(name: string, reason: string): void {
    defs[name] = asResource(name, {});
    unchecked.set(name, reason);
    warn(set.places[name] ?? name, `not checked: ${reason.replace(/ at "[^"]*"/, "")}`);
  }
  const names = validatorNames(validatedSchemaNames(set));
  // Ajv evaluates each validator it compiles (`new Function`), which standalone code never needs:
  // skipped, unless the code then does not compile, when the evaluation finds the schema at fault.
  let evaluate = false;
  for (;;) {
    const { exports, aliases, compiledNames } = sharedExports(
      names,
      (name) => !unchecked.has(name) && defs[name],
      tablesOf,
    );
    const shared = withShared(defs, compiledNames, tablesOf, !needs.unevaluated && !needs.dynamicRef);
    const ajv = make((line) => placed(line, shared.placesOf, set.places, warn), evaluate);
    // One document for both: Ajv compiles a resource once for each document its `$ref`s come from.
    ajv.addSchema({ $id: ROOT_ID, $defs: shared.resources, definitions: shared.shared }, undefined, undefined, false);
    let code: string;
    try {
      code = standalone.default(ajv, exports);
    } catch (error) {
      const failing = [...names.keys()].filter((name) => !unchecked.has(name) && compileError(make, defs, name));
      // Nothing of its own fails: the fault is shared, and the whole run says so.
      if (failing.length === 0) throw error;
      for (const name of failing) uncheck(name, firstLine(compileError(make, defs, name)));
      continue;
    }
    const module = withInlinedHelpers(trimmed(withoutUnreadDeclarations([code, ...aliases].join("\n"))));
    const compiles = compilesAsScript(module);
    if (compiles || evaluate) return { code: module, unchecked, compiles };
    evaluate = true;
  }
}

/**
 * The schema each validator is compiled from, by export name, and the validators that are another's.
 * Schemas written the same (Stripe's operations repeat the same `expand` parameters hundreds of
 * times) are compiled once: the first name is exported, and each later one is an alias of it
 * (`export const validate_b = validate_a;`, a line each). The tables metadata sets on a validator
 * (`tablesOf`: its rules, words for its patterns) are part of what must be the same, since an
 * alias is the same function. `compiled` is a name's resource, or false when it has no validator.
 */
function sharedExports(
  names: ReadonlyMap<string, string>,
  compiled: (name: string) => Schema | false | undefined,
  tablesOf: (name: string) => Record<string, unknown>,
): { exports: Record<string, string>; aliases: string[]; compiledNames: string[] } {
  const first = new Map<string, string>();
  const exports: Record<string, string> = {};
  const aliases: string[] = [];
  const compiledNames: string[] = [];
  for (const [name, exported] of names) {
    const resource = compiled(name);
    if (!resource) continue;
    // Its `$id` is its name, so it is left out of what is compared.
    const { $id: _, ...written } = resource;
    const text = JSON.stringify([tablesOf(name), written]);
    const earlier = first.get(text);
    if (earlier === undefined) {
      first.set(text, exported);
      exports[exported] = `${ROOT_ID}${defsRef(name)}`;
      compiledNames.push(name);
    } else aliases.push(`export const ${exported} = ${earlier};`);
  }
  return { exports, aliases, compiledNames };
}

/**
 * `defs` with the subschemas that repeat in what the `compiled` names reach compiled once
 * (`sharedSubschemas`), keeping the places their rule tables read. Nothing is shared in a spec
 * that uses `unevaluated*` or `$dynamicRef` (`share` false): what those mean depends on the
 * resource a subschema stands in.
 */
function withShared(
  defs: Record<string, Schema>,
  compiled: readonly string[],
  tablesOf: (name: string) => Record<string, unknown>,
  share: boolean,
): SharedSubschemas {
  if (!share) return { resources: defs, shared: {}, placesOf: () => [] };
  return sharedSubschemas(defs, compiled, {
    referenced: (ref) => (ref.startsWith(`${ROOT_ID}#`) ? defsName(ref.slice(ROOT_ID.length)) : undefined),
    kept: (name) => Object.values(tablesOf(name)).flatMap((table) => Object.keys(table as object)),
    id: (name) => `${SHARED_ID}${name}`,
  });
}

type MakeAjv = (log: (line: string) => void, evaluate?: boolean) => Ajv2020;

/**
 * What Ajv evaluates in place of each validator's code when it is not to be evaluated: only its
 * source is read (`validate.source`, which standalone code is made of). V8's parse of every
 * validator was a fifth of Stripe's compile.
 */
const NOT_EVALUATED = "return function notEvaluated() {}";

/** The names `Object.prototype` has, which a body's plain lookup would find there. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

function newAjv(
  log: (line: string) => void,
  needs: { unevaluated: boolean; dynamicRef: boolean; ownProperties: boolean },
  evaluate: boolean,
): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    // The runtime words each issue from its keyword and parameters (`issueMessage`): message text
    // in every error object was a tenth of the validators on large specs.
    messages: false,
    unicode: false,
    validateFormats: false,
    // Published specs carry keywords JSON Schema does not know (Speakeasy's, vendors' own): each is
    // a warning and asserts nothing. `unicode` is deprecated but still honoured; its notice is noise.
    logger: {
      log: () => {},
      warn: (...parts: unknown[]) => /unicode/.test(String(parts[0])) || log(parts.map(String).join(" ")),
      error: (...parts: unknown[]) => log(parts.map(String).join(" ")),
    },
    strict: "log",
    inlineRefs: false,
    // Ajv's optimizer costs time that grows with each function's depth (half of Stripe's compile);
    // what it would take out is taken out after (`withoutUnreadDeclarations`).
    code: {
      source: true,
      esm: true,
      lines: true,
      optimize: false,
      ...(evaluate ? {} : { process: () => NOT_EVALUATED }),
    },
  });
  Object.assign(ajv.opts, needs);
  return ajv.addKeyword(rawBytesKeyword);
}

/** Why the validator of `name` does not compile on its own (with the `$defs` it reaches), if it does not. */
function compileError(make: MakeAjv, defs: Record<string, Schema>, name: string): string | undefined {
  const ajv = make(() => {});
  ajv.addSchema({ $id: ROOT_ID, $defs: defs }, undefined, undefined, false);
  try {
    ajv.getSchema(`${ROOT_ID}${defsRef(name)}`);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function firstLine(text: string | undefined): string {
  return (text ?? "unknown reason").split("\n")[0] as string;
}

/**
 * `name`'s schema as a resource of its own: its `$id` names it, and its references to other
 * entries, relative to the document until now, point at the document.
 */
function asResource(name: string, schema: Schema): Schema {
  const absolute = mapSchema(schema, (node) =>
    typeof node.$ref === "string" && defsName(node.$ref) !== undefined
      ? { ...node, $ref: `${ROOT_ID}${node.$ref}` }
      : node,
  );
  return { ...(isSchema(absolute) ? absolute : {}), $id: `${DEF_ID}${encodeURIComponent(name)}` };
}

/**
 * One of Ajv's findings as a warning at its place in the spec: Ajv says `… at
 * "sudo-images:def/Pet#/anyOf/0"`, the spec has that at `#/components/schemas/Pet/anyOf/0`. A
 * finding in a shared subschema is one at every place it stood (`sharedPlaces`), as it was when
 * each was compiled.
 */
function placed(
  line: string,
  sharedPlaces: SharedSubschemas["placesOf"],
  places: Readonly<Record<string, string>>,
  warn: Warn,
): void {
  const found = / at "sudo-images:(def|shared)\/([^"#]*)#([^"]*)"/.exec(line);
  const name = found ? decodeURIComponent(found[2] as string) : "";
  const at = found === null ? [] : found[1] === "def" ? [places[name]] : sharedPlaces(name, (owner) => places[owner]);
  const known = at.filter((place) => place !== undefined);
  if (found === null || known.length === 0) warn("#", line);
  else for (const place of known) warn(`${place}${found[3]}`, line.replace(found[0], ""));
}

/**
 * Ajv's standalone code with what it never runs left out, and its most repeated statements said
 * once: about half of the bytes of a large spec's validators.
 * - a `const schemaN` no code reads (Ajv writes one per compiled schema, a copy of it), and the
 *   `sourceURL` comment it gives each function of a schema with an `$id`;
 * - each error appended to the list, an object literal and five lines, as one call of `_issue`;
 * - an issue's read of a `schemaN` (`allowedValues` of an `enum`), as the value it reads: most
 *   schema copies were kept only for that (`inlinedSchemaReads`).
 * And each `patternN` (a `new RegExp` Ajv compiled already) is marked pure: a bundle that keeps
 * the module for one validator (or, from a bundled `dist/`, for a chunk it shares with `shapes`)
 * drops the patterns of the validators it leaves out. Sudo's size pattern is 0.25 kB gzipped.
 */
function trimmed(code: string): string {
  const issued = code
    .replace(
      /if\(vErrors === null\)\{\nvErrors = \[(err\d+)\];\n\}\nelse \{\nvErrors\.push\(\1\);\n\}/g,
      "(vErrors ||= []).push($1);",
    )
    .replace(/^\/\*# sourceURL="[^"\n]*" \*\/;\n/gm, "")
    .replace(/^const (pattern\d+) = new RegExp\(/gm, "const $1 = /* @__PURE__ */ new RegExp(")
    .replace(APPENDED_ISSUE, (_line, _name, path: string | undefined, at: string, keyword: string, params: string) => {
      return `vErrors = _issue(vErrors,${path ?? "instancePath"},${at},${keyword},${params});`;
    });
  const inlined = inlinedSchemaReads(issued);
  const uses = new Map<string, number>();
  for (const [name] of inlined.matchAll(/\bschema\d+\b/g)) uses.set(name, (uses.get(name) ?? 0) + 1);
  const kept = inlined.replace(/^const (schema\d+) = .*;\n/gm, (line, name: string) =>
    uses.get(name) === 1 ? "" : line,
  );
  return `${ISSUE_HELPER}\n${kept}`;
}

/** An object literal as Ajv writes `params`: strings, other characters, and objects one level deep. */
const PARAMS = String.raw`\{(?:[^{}"\n]|${STRING}|\{(?:[^{}"\n]|${STRING})*\})*\}`;
/**
 * One error object of Ajv's and the line that appends it: `const errN = {instancePath[:expr],
 * schemaPath:"…",keyword:"…",params:{…}};` then `(vErrors ||= []).push(errN);`. The
 * path expression is read as a run of string literals and other characters, so a `,schemaPath:`
 * inside a property name (a string) cannot end it early, and `params` is read as one object
 * literal. Lines that do not read this way, such as a `propertyNames` error with its
 * `propertyName: key0` after `params`, are left as Ajv wrote them.
 */
const APPENDED_ISSUE = new RegExp(
  String.raw`^const (err\d+) = \{instancePath(?::((?:[^"\n]|${STRING})*?))?,schemaPath:(${STRING}),keyword:(${STRING}),params:(${PARAMS})\};\n\(vErrors \|\|= \[\]\)\.push\(\1\);$`,
  "gm",
);
/** Appends one issue to the list (made on the first), as Ajv's own code did at each place. */
const ISSUE_HELPER =
  "function _issue(list, instancePath, schemaPath, keyword, params) { (list ||= []).push({ instancePath, schemaPath, keyword, params }); return list; }";

/** Every schema name used as a request or response body, in a stable order. */
export function bodySchemaNames(set: SchemaSet): string[] {
  const names = new Set<string>();
  for (const operation of Object.values(set.operations)) {
    if (operation.request) names.add(operation.request);
    for (const name of Object.values(operation.responses)) names.add(name);
  }
  return [...names].sort();
}

/** Every schema name that gets a validator: the bodies, then each operation's parameters objects, in a stable order. */
export function validatedSchemaNames(set: SchemaSet): string[] {
  const parameters = Object.values(set.operations).flatMap((operation) => Object.values(operation.parameters ?? {}));
  return [...bodySchemaNames(set), ...parameters.sort()];
}
