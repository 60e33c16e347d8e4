import { readFileSync, statSync } from "node:fs";
import type { SpecShape } from "./corpus.js";

type Node = Record<string, unknown>;

/** A spec this large, in one file, is "large". */
const LARGE_BYTES = 1.5 * 1024 * 1024;
/** Past 200 values Ajv compiles an enum differently (its deep-equal helper): what "big" means here. */
const BIG_ENUM = 200;
/** `allOf` through this many levels of components is "inheritance". */
const INHERITANCE_DEPTH = 2;

/**
 * The shapes a JSON spec file has, measured from the file (not taken from its name or README), so
 * the corpus's claims about why each spec is there are checked.
 */
export function specShapes(file: string): SpecShape[] {
  const document = JSON.parse(readFileSync(file, "utf8")) as Node;
  const nodes = [...everyNode(document)];
  const bodies = [...mediaSchemas(document)];
  const found: [SpecShape, boolean][] = [
    ["large single file", statSync(file).size >= LARGE_BYTES && !nodes.some(isExternalRef)],
    ["multi-file", nodes.some(isExternalRef)],
    ["3.1 webhooks", String(document.openapi).startsWith("3.1") && Object.keys(record(document.webhooks)).length > 0],
    ["form-encoded bodies", [...requestBodies(document)].some((body) => "application/x-www-form-urlencoded" in body)],
    ["allOf inheritance", maxAllOfDepth(record(record(document.components).schemas)) >= INHERITANCE_DEPTH],
    ["big enum", nodes.some((node) => Array.isArray(node.enum) && node.enum.length > BIG_ENUM)],
    ["anyOf bodies", bodies.some((schema) => Array.isArray(schema.anyOf))],
  ];
  return found.filter(([, has]) => has).map(([shape]) => shape);
}

function record(value: unknown): Node {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Node) : {};
}

function* everyNode(value: unknown): Generator<Node> {
  if (Array.isArray(value)) for (const item of value) yield* everyNode(item);
  else if (typeof value === "object" && value !== null) {
    yield value as Node;
    for (const child of Object.values(value)) yield* everyNode(child);
  }
}

function isExternalRef(node: Node): boolean {
  return typeof node.$ref === "string" && !node.$ref.startsWith("#");
}

/** Each operation's `requestBody.content` and each response's `content`, by media type. */
function* contents(document: Node): Generator<[Node, "request" | "response"]> {
  for (const item of Object.values(record(document.paths))) {
    for (const operation of Object.values(record(item))) {
      yield [record(record(record(operation).requestBody).content), "request"];
      for (const response of Object.values(record(record(operation).responses))) {
        yield [record(record(response).content), "response"];
      }
    }
  }
}

function* requestBodies(document: Node): Generator<Node> {
  for (const [content, kind] of contents(document)) if (kind === "request") yield content;
}

function* mediaSchemas(document: Node): Generator<Node> {
  for (const [content] of contents(document)) {
    for (const media of Object.values(content)) yield record(record(media).schema);
  }
}

/** The deepest chain of `allOf` members that are `$ref`s to other schemas. */
function maxAllOfDepth(schemas: Node): number {
  const depths = new Map<string, number>();
  const depth = (name: string, seen: Set<string>): number => {
    const known = depths.get(name);
    if (known !== undefined) return known;
    if (seen.has(name)) return 0;
    seen.add(name);
    const members = Array.isArray(record(schemas[name]).allOf) ? (record(schemas[name]).allOf as unknown[]) : [];
    let deepest = members.length > 0 ? 1 : 0;
    for (const member of members) {
      const ref = record(member).$ref;
      const target = typeof ref === "string" ? /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1] : undefined;
      if (target !== undefined) deepest = Math.max(deepest, depth(target, seen) + 1);
    }
    depths.set(name, deepest);
    return deepest;
  };
  return Math.max(0, ...Object.keys(schemas).map((name) => depth(name, new Set())));
}
