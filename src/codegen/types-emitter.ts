import { stripVTControlCharacters } from "node:util";
import { createConfig } from "@redocly/openapi-core";
import openapiTS, { astToString } from "openapi-typescript";
import type { Warn } from "./json-schema.js";
import { rawBytesType } from "./raw-bytes.js";
import { ownKeysPlugin } from "./redocly-own-keys.js";
import { withoutConditionals } from "./rules.js";
import type { Schema } from "./schema-walk.js";
import type { OpenApiDocument } from "./spec-source.js";

/** A JSON pointer into the document, as openapi-typescript names a place: the last one is the place. */
const POINTER = /#\/[^\s)]*/g;

/**
 * `schema.ts`'s text: openapi-typescript on the document as types see it (`withoutConditionals`).
 * openapi-typescript prints its own findings on the console (`⚠ Discriminator mapping has an
 * invalid schema …`), coloured and outside the generator's warnings: while it runs they are taken
 * from the console and become warnings like the others, placed at the pointer they name.
 */
export async function emitTypes(document: OpenApiDocument, warn: Warn): Promise<string> {
  const { warn: consoleWarn } = console;
  console.warn = (...parts: unknown[]) => {
    // Coloured on a terminal: the colour codes go, and the sign before the words.
    const text = stripVTControlCharacters(parts.map(String).join(" ")).replace(/^\s*⚠\s*/, "");
    const pointer = [...text.matchAll(POINTER)].at(-1)?.[0];
    warn(pointer ?? "#", `openapi-typescript: ${text}`);
  };
  try {
    // openapi-typescript's own Redocly configuration, with the plugin that lets names such as
    // `valueOf` be schema and property names.
    const redocly = await createConfig(
      { rules: { "operation-operationId-unique": { severity: "error" } }, plugins: [ownKeysPlugin] },
      { extends: ["minimal"] },
    );
    const source = withoutConditionals(document) as unknown as Parameters<typeof openapiTS>[0];
    // Raw bytes are typed as the validators take them (`raw-bytes.ts`).
    return astToString(await openapiTS(source, { redocly, transform: (schema) => rawBytesType(schema as Schema) }));
  } finally {
    console.warn = consoleWarn;
  }
}
