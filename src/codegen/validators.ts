import { Ajv2020 } from "ajv/dist/2020.js";
import standalone from "ajv/dist/standalone/index.js";
import { defsName, defsRef } from "../spec/json-pointer.js";
import type { SchemaSet } from "./json-schema.js";
import { dict, type Schema } from "./schema-walk.js";

const ROOT_ID = "sudo-images";

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

/** What `compileValidators` made: the module, what it warned of, and the schemas it could not compile. */
export interface CompiledValidators {
  code: string;
  warnings: string[];
  /** Body schemas with no compiled validator, by name, each with why. */
  unchecked: Map<string, string>;
}

/**
 * Compiles a validator for every body schema the operations use, ahead of time, as one ES module
 * that needs no Ajv at run time. Options chosen for that and for large bodies:
 * - `allErrors`: report every problem, not the first;
 * - `unicode: false`: string lengths are `.length`, so no runtime helper import (and no walk over
 *   a multi-megabyte base64 string to count code points);
 * - `validateFormats: false`: integer formats were already turned into ranges, and other formats
 *   are annotations in JSON Schema 2020-12.
 *
 * A schema Ajv cannot take (one that breaks the meta-schema, a pattern that is no regular
 * expression) costs only its own validator: it is left unchecked, with a warning naming its place
 * in the spec, and everything else is compiled.
 */
export function compileValidators(set: SchemaSet): CompiledValidators {
  const warnings: string[] = [];
  const place = (text: string) => placesIn(text, set.places);
  const unchecked = new Map<string, string>();
  const defs = dict<Schema>();
  // Ajv2020 forces these on; they make every validator track evaluated properties and dynamic
  // anchors, code that only unevaluated* and $dynamicRef need. Off unless the spec uses them.
  const specText = JSON.stringify(set.defs);
  const needs = {
    unevaluated: /"unevaluated(Properties|Items)"/.test(specText),
    dynamicRef: /"\$dynamic(Ref|Anchor)"/.test(specText),
  };
  const make: MakeAjv = (log) => newAjv(log, needs);
  const meta = make(() => {});
  for (const [name, schema] of Object.entries(set.defs)) {
    if (meta.validateSchema(schema)) defs[name] = schema;
    else uncheck(name, meta.errorsText(meta.errors, { dataVar: "schema" }));
  }
  function uncheck(name: string, reason: string): void {
    defs[name] = {};
    unchecked.set(name, reason);
    warnings.push(`validators: ${set.places[name] ?? name}: not checked (${place(reason)})`);
  }
  const names = validatorNames(bodySchemaNames(set));
  for (;;) {
    const ajv = make((line) => warnings.push(`validators: ${place(line)}`));
    ajv.addSchema({ $id: ROOT_ID, $defs: defs }, undefined, undefined, false);
    const exports: Record<string, string> = {};
    for (const [name, exported] of names) if (!unchecked.has(name)) exports[exported] = `${ROOT_ID}${defsRef(name)}`;
    try {
      return { code: standalone.default(ajv, exports), warnings, unchecked };
    } catch (error) {
      const failing = [...names.keys()].filter((name) => !unchecked.has(name) && compileError(make, defs, name));
      // Nothing of its own fails: the fault is shared, and the whole run says so.
      if (failing.length === 0) throw error;
      for (const name of failing) uncheck(name, firstLine(compileError(make, defs, name)));
    }
  }
}

type MakeAjv = (log: (line: string) => void) => Ajv2020;

function newAjv(log: (line: string) => void, needs: { unevaluated: boolean; dynamicRef: boolean }): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
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
    code: { source: true, esm: true, lines: true, optimize: true },
  });
  Object.assign(ajv.opts, needs);
  return ajv;
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

/** Ajv's places (`sudo-images#/$defs/Pet/properties/x`) as places in the user's spec. */
function placesIn(text: string, places: Readonly<Record<string, string>>): string {
  return text.replace(/sudo-images#\/\$defs\/([^/\s"']+)/g, (whole, token: string) => {
    const name = defsName(`#/$defs/${token}`);
    return (name !== undefined && places[name]) || whole;
  });
}

/** Every schema name used as a request or response body, in a stable order. */
export function bodySchemaNames(set: SchemaSet): string[] {
  const names = new Set<string>();
  for (const operation of Object.values(set.operations)) {
    if (operation.request) names.add(operation.request);
    for (const name of Object.values(operation.responses)) names.add(name);
  }
  return [...names].sort();
}
