/**
 * The generator's warnings grouped by rule, for a person to read: first what changed the output
 * (a body left unchecked, bodies of media types no validator reads, a keyword dropped, a schema mended, a keyword the validators ignore, a
 * mapping the types left out), then what lint found wrong with the spec, then lint's style
 * findings (a missing summary or licence), which change nothing the generator writes.
 */

/** `output`: the generated code differs from what the spec says; `spec`: lint found a fault; `style`: untidy only. */
export type WarningKind = "output" | "spec" | "style";

/** The warnings of one rule, in the order they were found. */
export interface WarningGroup {
  rule: string;
  kind: WarningKind;
  /** What the generator did about it, for its own rules. */
  what?: string;
  lines: string[];
}

/**
 * The generator's own findings, each known by the words it is written with (`validators.ts`,
 * `unread-bodies.ts`, `json-schema.ts`, `types-emitter.ts`), in the order they are shown.
 */
const OUTPUT_RULES: readonly [rule: string, words: RegExp, what: string][] = [
  ["unchecked", /: not checked: /, "bodies the validators do not check"],
  ["left unchecked", /: left unchecked: \d+ bod(y|ies) of other media types /, "bodies no validator reads"],
  ["dropped", /\) dropped; /, "keywords left out of the validators"],
  ["mended", /, not a schema; any value is accepted there/, "schemas read as any value"],
  ["strict mode", /: strict mode: /, "what Ajv reads loosely or not at all"],
  ["openapi-typescript", /: openapi-typescript: /, "what the types leave out"],
];

/**
 * Redocly's rules whose findings change nothing the generator writes: documentation, naming and
 * tidiness. Any other rule's finding is a fault of the spec's and is shown.
 */
const STYLE_RULES = new Set([
  "info-contact",
  "info-license",
  "info-license-url",
  "info-license-strict",
  "tag-description",
  "tags-alphabetical",
  "operation-summary",
  "operation-description",
  "operation-2xx-response",
  "operation-4xx-response",
  "operation-tag-defined",
  "operation-singular-tag",
  "no-server-trailing-slash",
  "no-server-example.com",
  "no-empty-servers",
  "no-unused-components",
  "paths-kebab-case",
  "no-path-trailing-slash",
  "security-defined",
  "no-invalid-media-type-examples",
  "no-invalid-schema-examples",
  "no-invalid-parameter-examples",
  "no-example-value-and-externalValue",
]);

/** A lint finding's rule: `… [rule] at #/pointer`. */
const LINT_RULE = / \[([A-Za-z0-9._-]+)\] at #/;

const KIND_ORDER: Record<WarningKind, number> = { output: 0, spec: 1, style: 2 };

/**
 * Groups `warnings` by rule: the generator's own findings first (in `OUTPUT_RULES`' order), then
 * lint's faults, then its style findings, each kind by count, largest first.
 *
 * @example
 * groupWarnings(["spec.json:1:2: Operation object should contain `summary` field. [operation-summary] at #/paths/~1a/get"])
 * // [{ rule: "operation-summary", kind: "style", lines: [ … ] }]
 */
export function groupWarnings(warnings: readonly string[]): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const line of warnings) {
    const found = ruleOf(line);
    const group = groups.get(found.rule) ?? { ...found, lines: [] };
    group.lines.push(line);
    groups.set(found.rule, group);
  }
  const outputOrder = OUTPUT_RULES.map(([rule]) => rule);
  return [...groups.values()].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      outputOrder.indexOf(a.rule) - outputOrder.indexOf(b.rule) ||
      b.lines.length - a.lines.length,
  );
}

function ruleOf(line: string): Omit<WarningGroup, "lines"> {
  const lint = LINT_RULE.exec(line)?.[1];
  if (lint !== undefined) return { rule: lint, kind: STYLE_RULES.has(lint) ? "style" : "spec" };
  const own = OUTPUT_RULES.find(([, words]) => words.test(line));
  return own === undefined ? { rule: "other", kind: "spec" } : { rule: own[0], kind: "output", what: own[2] };
}
