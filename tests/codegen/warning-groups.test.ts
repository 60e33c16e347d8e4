import { describe, expect, it } from "vitest";
import { groupWarnings } from "../../src/codegen/warning-groups.js";

const lint = (rule: string, index: number) => `spec.json:1:${index}: A finding of ${rule}. [${rule}] at #/x/${index}`;
const WARNINGS = [
  ...Array.from({ length: 7 }, (_, index) => lint("operation-summary", index)),
  lint("info-license", 1),
  lint("struct", 2),
  lint("struct", 3),
  'spec.json:1:4: strict mode: unknown keyword: "discriminatorx" at #/components/schemas/Pet',
  "spec.json:1:5: not checked: pattern is not a regular expression at #/paths/~1bad/post/requestBody",
  "spec.json:1:9: left unchecked: 2 bodies of other media types (text/plain x2), the first at #/paths/~1t/get/responses/200/content",
  "spec.json:1:6: $recursiveAnchor (JSON Schema 2019-09) dropped; 2020-12 has $dynamicRef instead at #/components/schemas/Tree",
  "spec.json:1:7: the schema is null, not a schema; any value is accepted there at #/paths/~1x/post/requestBody",
  "spec.json:1:8: openapi-typescript: Discriminator mapping has an invalid schema at #/components/schemas/Cat",
];

describe("groupWarnings", () => {
  it("groups by rule, those that change the output first, lint's style findings last", () => {
    const groups = groupWarnings(WARNINGS);
    expect(groups.map(({ rule, kind, lines }) => [rule, kind, lines.length])).toEqual([
      ["unchecked", "output", 1],
      ["left unchecked", "output", 1],
      ["dropped", "output", 1],
      ["mended", "output", 1],
      ["strict mode", "output", 1],
      ["openapi-typescript", "output", 1],
      ["struct", "spec", 2],
      ["operation-summary", "style", 7],
      ["info-license", "style", 1],
    ]);
    expect(groups[0]?.lines).toEqual([WARNINGS[11]]);
  });

  it("keeps every warning, each in one group", () => {
    expect(
      groupWarnings(WARNINGS)
        .flatMap((group) => group.lines)
        .sort(),
    ).toEqual([...WARNINGS].sort());
  });

  it("puts a lint rule it does not know among the spec findings, by its own name", () => {
    expect(groupWarnings([lint("operation-operationId", 1)])).toEqual([
      { rule: "operation-operationId", kind: "spec", lines: [lint("operation-operationId", 1)] },
    ]);
  });
});
