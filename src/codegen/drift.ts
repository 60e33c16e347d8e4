import { valueAt } from "../runtime/json-pointer.js";
import { admitsNull, isNullOnly } from "./nullability.js";
import { isSchema, refName, type Schema } from "./schema-walk.js";
import { METHODS } from "./select-operations.js";
import type { OpenApiDocument } from "./spec-source.js";

/** One way two specs disagree: where, about what, and what each says. */
export interface Difference {
  /** `Schema.field.sub`, `operationId`, or `(document)`. */
  where: string;
  what: string;
  ours: string;
  theirs: string;
}

const ABSENT = "—";
/** Keywords compared as plain values; annotations (descriptions, examples, titles) never are. */
const FACETS = [
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "const",
];

/**
 * Compares two canonical 3.1 documents on what they share: operations (webhooks too) matched by `operationId`,
 * else by method and path (a rename is one difference, and the rest is compared as ever: method,
 * path, documented statuses, body schemas) and component schemas matched by name (fields,
 * type, format, nullability, required, enum values, bounds), and their servers. Meaning is compared,
 * not spelling: both documents went through `toCanonical31`, and nullability is `admitsNull`'s answer.
 * Descriptions, examples, tags and security scheme names are not differences.
 *
 * @example
 * driftBetween(toCanonical31(ours), toCanonical31(upstream))
 * // [{ where: "ErrorDetail.code", what: "field", ours: "present", theirs: "—" }, ...]
 */
export function driftBetween(ours: OpenApiDocument, theirs: OpenApiDocument): Difference[] {
  const found: Difference[] = [];
  const compare = new SchemaComparison(ours, theirs, found);
  const ourServers = serverUrls(ours);
  const theirServers = serverUrls(theirs);
  if (ourServers !== theirServers)
    found.push({ where: "(document)", what: "servers", ours: ourServers, theirs: theirServers });
  const theirOperations = operationsOf(theirs);
  const theirRoutes = new Map([...theirOperations].map(([id, operation]) => [operation.route, id]));
  for (const [id, operation] of operationsOf(ours)) {
    // A renamed operation (generateImage → generate_image) is still the same method and path.
    const theirId = theirOperations.has(id) ? id : theirRoutes.get(operation.route);
    if (theirId === undefined) continue;
    if (theirId !== id) found.push({ where: id, what: "operationId", ours: id, theirs: theirId });
    compareOperations(id, operation, theirOperations.get(theirId) as Operation, compare, found);
  }
  const theirSchemas = schemasOf(theirs);
  for (const [name, schema] of Object.entries(schemasOf(ours))) {
    if (Object.hasOwn(theirSchemas, name)) compare.schemas(name, schema, theirSchemas[name]);
  }
  return found;
}

interface Operation {
  route: string;
  node: Schema;
}

function compareOperations(
  id: string,
  ours: Operation,
  theirs: Operation,
  compare: SchemaComparison,
  found: Difference[],
) {
  if (ours.route !== theirs.route)
    found.push({ where: id, what: "method and path", ours: ours.route, theirs: theirs.route });
  const ourResponses = isSchema(ours.node.responses) ? ours.node.responses : {};
  const theirResponses = isSchema(theirs.node.responses) ? theirs.node.responses : {};
  for (const status of union(Object.keys(ourResponses), Object.keys(theirResponses))) {
    const [mine, other] = [ourResponses[status], theirResponses[status]];
    if (mine === undefined || other === undefined) {
      found.push({ where: id, what: `status ${status}`, ours: presence(mine), theirs: presence(other) });
    } else {
      compare.schemas(`${id} ${status}`, compare.body(mine, "ours"), compare.body(other, "theirs"));
      const [ourHeaders, theirHeaders] = [
        compare.requiredHeaders(mine, "ours"),
        compare.requiredHeaders(other, "theirs"),
      ];
      if (ourHeaders !== theirHeaders)
        found.push({ where: `${id} ${status}`, what: "required headers", ours: ourHeaders, theirs: theirHeaders });
    }
  }
  compare.schemas(
    `${id} request`,
    compare.body(ours.node.requestBody, "ours"),
    compare.body(theirs.node.requestBody, "theirs"),
  );
}

/** Walks two schemas side by side; a `$ref` on both sides to the same name is compared once, by name. */
class SchemaComparison {
  constructor(
    private readonly ours: OpenApiDocument,
    private readonly theirs: OpenApiDocument,
    private readonly found: Difference[],
  ) {}

  /** The JSON body schema of a request body or response, following local `$ref`s. */
  body(node: unknown, side: "ours" | "theirs"): unknown {
    const resolved = this.resolve(node, side);
    const content = isSchema(resolved) && isSchema(resolved.content) ? resolved.content : {};
    const type = Object.keys(content).find((mediaType) => /^application\/(.+\+)?json\b/.test(mediaType));
    return type === undefined ? undefined : (content[type] as Schema).schema;
  }

  schemas(where: string, ours: unknown, theirs: unknown): void {
    if (ours === undefined && theirs === undefined) return;
    if (ours === undefined || theirs === undefined) {
      this.found.push({ where, what: "schema", ours: presence(ours), theirs: presence(theirs) });
      return;
    }
    const nullable = [admitsNull(ours, this.resolver("ours")), admitsNull(theirs, this.resolver("theirs"))];
    if (nullable[0] !== nullable[1]) this.differ(where, "nullable", String(nullable[0]), String(nullable[1]));
    const [mine, other] = [withoutNull(ours), withoutNull(theirs)];
    const refs = [refName(mine), refName(other)];
    if (refs[0] !== undefined || refs[1] !== undefined) {
      if (refs[0] !== refs[1]) this.differ(where, "schema", refs[0] ?? "inline", refs[1] ?? "inline");
      return;
    }
    this.facets(where, mine, other);
    this.fields(where, mine, other);
    if (isSchema(mine.items) || isSchema(other.items)) this.schemas(`${where}[]`, mine.items, other.items);
  }

  private facets(where: string, ours: Schema, theirs: Schema): void {
    const [ourTypes, theirTypes] = [typesOf(ours), typesOf(theirs)];
    if (ourTypes !== theirTypes) this.differ(where, "type", ourTypes, theirTypes);
    for (const facet of FACETS) {
      const [mine, other] = [ours[facet], theirs[facet]];
      if (JSON.stringify(mine) !== JSON.stringify(other)) this.differ(where, facet, shown(mine), shown(other));
    }
    const [ourEnum, theirEnum] = [enumOf(ours), enumOf(theirs)];
    if (ourEnum !== theirEnum) this.differ(where, "enum", ourEnum, theirEnum);
    const [ourRules, theirRules] = [rulesOf(ours), rulesOf(theirs)];
    if (ourRules !== theirRules) this.differ(where, "rules", ourRules, theirRules);
  }

  /** The headers a response says it always carries (`required: true`), lower-case and sorted. */
  requiredHeaders(response: unknown, side: "ours" | "theirs"): string {
    const resolved = this.resolve(response, side);
    const headers = isSchema(resolved) && isSchema(resolved.headers) ? resolved.headers : {};
    const names = Object.entries(headers)
      .filter(([, header]) => {
        const found = this.resolve(header, side);
        return isSchema(found) && found.required === true;
      })
      .map(([name]) => name.toLowerCase())
      .sort();
    return names.length === 0 ? ABSENT : names.join(", ");
  }

  private fields(where: string, ours: Schema, theirs: Schema): void {
    const [mine, other] = [propertiesOf(ours), propertiesOf(theirs)];
    const [ourRequired, theirRequired] = [requiredOf(ours), requiredOf(theirs)];
    for (const key of union(Object.keys(mine), Object.keys(other))) {
      const at = `${where}.${key}`;
      if (!Object.hasOwn(mine, key) || !Object.hasOwn(other, key)) {
        this.differ(
          at,
          "field",
          Object.hasOwn(mine, key) ? "present" : ABSENT,
          Object.hasOwn(other, key) ? "present" : ABSENT,
        );
        continue;
      }
      if (ourRequired.has(key) !== theirRequired.has(key)) {
        this.differ(at, "required", String(ourRequired.has(key)), String(theirRequired.has(key)));
      }
      this.schemas(at, mine[key], other[key]);
    }
  }

  private differ(where: string, what: string, ours: string, theirs: string): void {
    this.found.push({ where, what, ours, theirs });
  }

  private resolve(node: unknown, side: "ours" | "theirs"): unknown {
    let current = node;
    const document = side === "ours" ? this.ours : this.theirs;
    for (let depth = 0; isSchema(current) && typeof current.$ref === "string" && depth < 16; depth++) {
      current = valueAt(document, current.$ref.replace(/^#/, ""));
    }
    return current;
  }

  private resolver(side: "ours" | "theirs"): (ref: string) => unknown {
    const document = side === "ours" ? this.ours : this.theirs;
    return (ref) => valueAt(document, ref.replace(/^#/, ""));
  }
}

/** The schema with its null spelling taken away: the one non-null branch, or `"null"` out of its type. */
function withoutNull(schema: unknown): Schema {
  if (!isSchema(schema)) return {};
  for (const key of ["anyOf", "oneOf"]) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    const kept = branches.filter((branch) => !isNullOnly(branch));
    if (kept.length === 1 && kept.length < branches.length) return withoutNull(kept[0]);
  }
  return schema;
}

function typesOf(schema: Schema): string {
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  const named = types.filter((type) => type !== "null").map(String);
  return named.length === 0 ? "any" : named.sort().join(" | ");
}

function enumOf(schema: Schema): string {
  if (!Array.isArray(schema.enum)) return ABSENT;
  return schema.enum
    .filter((value) => value !== null)
    .map((value) => String(value))
    .sort()
    .join(", ");
}

/**
 * The schema's conditional rules (`if`/`then`, at its root or under `allOf`) by title: what each
 * model takes, when a spec writes it as data rather than in its descriptions.
 */
function rulesOf(schema: Schema): string {
  const members = [schema, ...(Array.isArray(schema.allOf) ? schema.allOf : [])].filter(isSchema);
  const titles = members
    .filter((member) => isSchema(member.then))
    .map((member) => (typeof member.title === "string" ? member.title : "(untitled)"))
    .sort();
  return titles.length === 0 ? ABSENT : titles.join(", ");
}

function propertiesOf(schema: Schema): Record<string, unknown> {
  return isSchema(schema.properties) ? schema.properties : {};
}

function requiredOf(schema: Schema): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
}

/** Operations by id, from `paths` and from a 3.1 document's `webhooks` (routed as `webhook <name>`). */
function operationsOf(document: OpenApiDocument): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  const places = [
    ["", document.paths],
    ["webhook ", document.webhooks],
  ] as const;
  for (const [prefix, items] of places) {
    for (const [path, item] of Object.entries(isSchema(items) ? items : {})) {
      for (const method of METHODS) {
        const node = isSchema(item) ? item[method] : undefined;
        if (isSchema(node) && typeof node.operationId === "string") {
          operations.set(node.operationId, { route: `${method.toUpperCase()} ${prefix}${path}`, node });
        }
      }
    }
  }
  return operations;
}

function schemasOf(document: OpenApiDocument): Record<string, unknown> {
  const components = isSchema(document.components) ? document.components : {};
  return isSchema(components.schemas) ? components.schemas : {};
}

function serverUrls(document: OpenApiDocument): string {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const urls = servers.map((server) => (isSchema(server) ? String(server.url) : "")).sort();
  return urls.length === 0 ? ABSENT : urls.join(", ");
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

function presence(value: unknown): string {
  return value === undefined ? ABSENT : "documented";
}

function shown(value: unknown): string {
  return value === undefined ? ABSENT : JSON.stringify(value);
}
