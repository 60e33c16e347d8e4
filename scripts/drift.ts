/**
 * `npm run drift -- F`: what differs between this repository's spec and another (the published
 * upstream one, say) on the operations and schemas they share. One line per difference.
 *
 *   npm run drift -- openapi/upstream/sudo-openapi.json
 *   npm run drift -- F --ours openapi/sudo-images.yaml
 *
 * Exit 0: no difference; 1: differences (listed); 2: an input could not be read or is not OpenAPI.
 */
import { parseArgs } from "node:util";
import { toCanonical31 } from "../src/codegen/canonical.js";
import { type Difference, driftBetween } from "../src/codegen/drift.js";
import { loadSpec, SpecError } from "../src/codegen/spec-source.js";

try {
  const { values, positionals } = parseArgs({
    options: { ours: { type: "string", default: "openapi/sudo-images.yaml" } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new SpecError("usage: npm run drift -- <other spec> [--ours <spec>]");
  const [theirs] = positionals as [string];
  const ours = values.ours as string;
  const [mine, other] = await Promise.all([loadSpec(ours), loadSpec(theirs)]);
  const differences = driftBetween(toCanonical31(mine.document), toCanonical31(other.document));
  if (differences.length === 0) {
    console.log(`No differences between ${ours} and ${theirs} on what they share.`);
  } else {
    console.log(table(differences, ours, theirs));
    console.log(`\n${differences.length} difference(s) between ${ours} (ours) and ${theirs} (theirs).`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}

function table(differences: Difference[], ours: string, theirs: string): string {
  const rows = [
    ["where", "what", `ours (${ours})`, `theirs (${theirs})`],
    ...differences.map((d) => [d.where, d.what, d.ours, d.theirs]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
