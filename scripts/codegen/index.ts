import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { toSchemaSet } from "./json-schema.js";
import { upgradeTo31 } from "./openapi-30.js";
import { nullableShapes } from "./shapes.js";
import { loadSpec } from "./spec-source.js";
import { bodySchemaNames, compileValidators, validatorName } from "./validators.js";

/** The generated files, by name inside the output folder, with their full text. */
export type GeneratedFiles = Map<string, string>;

/**
 * Everything `npm run generate` writes, computed in memory from one spec: nothing is written
 * here, so a broken spec leaves the output folder as it was.
 */
export async function generateFiles(specPath: string): Promise<{ files: GeneratedFiles; warnings: string[] }> {
  const { document: original, warnings } = await loadSpec(specPath);
  const document = upgradeTo31(original);
  const set = toSchemaSet(document);
  const banner = bannerFor(specPath);
  const types = astToString(await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]));
  const files: GeneratedFiles = new Map([
    ["schema.ts", `${banner}\n${types}`],
    [
      "validators.ts",
      `${banner}// @ts-nocheck: Ajv standalone output, typed through metadata.ts.\n${compileValidators(set)}\n`,
    ],
    ["metadata.ts", `${banner}\n${metadataModule(set.operations, nullableShapes(set.defs), bodySchemaNames(set))}`],
  ]);
  return { files, warnings };
}

function bannerFor(specPath: string): string {
  const spec = path.relative(process.cwd(), specPath).split(path.sep).join("/");
  return [
    `// Generated from ${spec} by \`npm run generate\` (scripts/generate.ts).`,
    "// Do not edit: change the spec or the generator, then regenerate.",
    "",
  ].join("\n");
}

function metadataModule(operations: unknown, shapes: unknown, schemaNames: string[]): string {
  const named = schemaNames.map(
    (name) =>
      `/** Validates a body against the spec's \`${name}\` schema. */\n` +
      `export const ${validatorName(name)}: Validator = generated.${validatorName(name)};`,
  );
  const validators = schemaNames.map((name) => `  ${JSON.stringify(name)}: ${validatorName(name)},`);
  return `import * as generated from "./validators.js";

/** One problem a validator found, as Ajv reports it. */
export interface ValidationIssue {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A compiled validator: returns whether \`data\` matches, and leaves the problems on \`errors\`. */
export type Validator = ((data: unknown) => boolean) & { errors?: ValidationIssue[] | null };

/** Where a value of one schema may hold nulls to drop; a string names another entry of \`shapes\`. */
export interface Shape {
  readonly nullable?: readonly string[];
  readonly properties?: Readonly<Record<string, Shape | string>>;
  readonly items?: Shape | string;
}

/** Each operation's method, path, and the schema names of its JSON request and response bodies. */
export const operations = ${JSON.stringify(operations, null, 2)} as const;

/** Nullable fields by schema name (schemas with none, at any depth, are left out). */
export const shapes: Readonly<Record<string, Shape>> = ${JSON.stringify(shapes, null, 2)};

${named.join("\n\n")}

/** A validator for every schema used as a request or response body, by schema name. */
export const validators: Readonly<Record<string, Validator>> = {
${validators.join("\n")}
};
`;
}
