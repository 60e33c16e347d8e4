import { stripVTControlCharacters } from "node:util";
import { astToString, resolveRef, scanDiscriminators, transformSchema } from "openapi-typescript";
import ts from "typescript";
import { escapeToken } from "../runtime/json-pointer.js";
import { isRawBytes } from "./raw-bytes.js";
import { withRecursiveAliases } from "./recursive-types.js";
import { withoutConditionals } from "./rules.js";
import type { Schema } from "./schema-walk.js";
import type { OpenApiDocument } from "./spec-source.js";
import type { Warn } from "./warn.js";

/** A JSON pointer into the document, as openapi-typescript names a place: the last one is the place. */
const POINTER = /#\/[^\s)]*/g;

type Document = Parameters<typeof transformSchema>[0];
type Context = Parameters<typeof transformSchema>[1];

/**
 * `schema.ts`'s text: openapi-typescript on the document as types see it (`withoutConditionals`),
 * with a schema that holds itself through arrays written as a type alias (`withRecursiveAliases`).
 * openapi-typescript prints its own findings on the console (`⚠ Discriminator mapping has an
 * invalid schema …`), coloured and outside the generator's warnings: while it runs they are taken
 * from the console and become warnings like the others, placed at the pointer they name.
 */
export function emitTypes(document: OpenApiDocument, warn: Warn): string {
  const { warn: consoleWarn } = console;
  console.warn = (...parts: unknown[]) => {
    // Coloured on a terminal: the colour codes go, and the sign before the words.
    const text = stripVTControlCharacters(parts.map(String).join(" ")).replace(/^\s*⚠\s*/, "");
    const pointer = [...text.matchAll(POINTER)].at(-1)?.[0];
    warn(pointer ?? "#", `openapi-typescript: ${text}`);
  };
  try {
    return astToString(withRecursiveAliases(typesOf(withoutConditionals(document) as unknown as Document)));
  } finally {
    console.warn = consoleWarn;
  }
}

/**
 * openapi-typescript's transform with its default options, as `openapiTS(document)` runs it, but
 * without the lint and bundle that `openapiTS` runs first: the document is already bundled (by
 * `loadSpec`), and of that lint's one rule (`operation-operationId-unique`, an error) what the
 * types need is checked here. On a large spec they were two more walks of the whole document, a
 * tenth of the generator's time.
 */
function typesOf(document: Document): ReturnType<typeof transformSchema> {
  const duplicate = duplicateOperationId(document);
  if (duplicate !== undefined) throw new Error(`Every operation must have a unique \`operationId\`. at ${duplicate}`);
  const ctx: Context = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(document, {}),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Read by openapiTS's lint and bundle only, which do not run here.
    redoc: undefined as unknown as Context["redoc"],
    silent: false,
    inject: undefined,
    // Raw bytes are typed as the validators take them (`raw-bytes.ts`).
    transform: (schema) => rawBytesType(schema as Schema),
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(document, $ref, { silent: false }),
  };
  return transformSchema(document, ctx);
}

/**
 * The type of a raw-bytes string (`isRawBytes`) for openapi-typescript's `transform`: `string |
 * Blob | Uint8Array`, what the validators take. A `type` list (`["string", "null"]`) is left to
 * openapi-typescript, which comes back here with each of its types alone. (It lives here, not in
 * `raw-bytes.ts`, so that the validators' worker thread never loads TypeScript.)
 */
function rawBytesType(schema: Schema): ts.TypeNode | undefined {
  if (schema.type !== "string" || !isRawBytes(schema)) return undefined;
  const { factory } = ts;
  return factory.createUnionTypeNode([
    factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
    factory.createTypeReferenceNode("Blob"),
    factory.createTypeReferenceNode("Uint8Array"),
  ]);
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The pointer to the second `operationId` of an operation in `paths` or `webhooks` that another already has. */
function duplicateOperationId(document: Document): string | undefined {
  const seen = new Set<string>();
  for (const table of ["paths", "webhooks"] as const) {
    for (const [key, item] of ownEntries(document[table])) {
      for (const method of METHODS) {
        const id = (ownEntries(item).find(([name]) => name === method)?.[1] as { operationId?: unknown })?.operationId;
        if (typeof id !== "string") continue;
        if (seen.has(id)) return `#/${table}/${escapeToken(key)}/${method}/operationId`;
        seen.add(id);
      }
    }
  }
  return undefined;
}

/** An object's own entries; none for anything else. */
function ownEntries(value: unknown): [string, unknown][] {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? Object.entries(value) : [];
}
