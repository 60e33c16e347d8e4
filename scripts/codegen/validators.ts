import { Ajv2020 } from "ajv/dist/2020.js";
import standalone from "ajv/dist/standalone/index.js";
import { escapeToken } from "../../src/spec/json-pointer.js";
import type { SchemaSet } from "./json-schema.js";

const ROOT_ID = "sudo-images";

/** The export name of a schema's validator in `validators.ts`: a JavaScript identifier. */
export function validatorName(schemaName: string): string {
  return `validate_${schemaName.replace(/[^A-Za-z0-9_$]/g, "_")}`;
}

/**
 * Compiles a validator for every body schema the operations use, ahead of time, as one ES module
 * that needs no Ajv at run time. Options chosen for that and for large bodies:
 * - `allErrors`: report every problem, not the first;
 * - `unicode: false`: string lengths are `.length`, so no runtime helper import (and no walk over
 *   a multi-megabyte base64 string to count code points);
 * - `validateFormats: false`: integer formats were already turned into ranges, and other formats
 *   are annotations in JSON Schema 2020-12.
 */
export function compileValidators(set: SchemaSet): { code: string; warnings: string[] } {
  const warnings: string[] = [];
  const warn = (...parts: unknown[]) => warnings.push(`validators: ${parts.map(String).join(" ")}`);
  const ajv = new Ajv2020({
    allErrors: true,
    unicode: false,
    validateFormats: false,
    // Published specs carry keywords JSON Schema does not know (Speakeasy's, vendors' own): each is
    // a warning and asserts nothing. `unicode` is deprecated but still honoured; its notice is noise.
    logger: {
      log: () => {},
      warn: (...parts: unknown[]) => /unicode/.test(String(parts[0])) || warn(...parts),
      error: warn,
    },
    strict: "log",
    code: { source: true, esm: true, lines: true, optimize: true },
  });
  // Ajv2020 forces these on; they make every validator track evaluated properties and dynamic
  // anchors, code that only unevaluated* and $dynamicRef need. Off unless the spec uses them.
  const specText = JSON.stringify(set.defs);
  Object.assign(ajv.opts, {
    unevaluated: /"unevaluated(Properties|Items)"/.test(specText),
    dynamicRef: /"\$dynamic(Ref|Anchor)"/.test(specText),
  });
  ajv.addSchema({ $id: ROOT_ID, $defs: set.defs });
  const exports: Record<string, string> = {};
  // A schema name is a JSON-pointer token inside a URI fragment: escaped as both, whatever it holds.
  for (const name of bodySchemaNames(set))
    exports[validatorName(name)] = `${ROOT_ID}#/$defs/${encodeURIComponent(escapeToken(name))}`;
  return { code: standalone.default(ajv, exports), warnings };
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
