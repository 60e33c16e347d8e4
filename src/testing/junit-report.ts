import type { VerifyCheck, VerifyReport } from "./verify.js";
import { describeCheck } from "./verify.js";

/**
 * What XML 1.0 cannot carry, or a reader should never get: C0 and C1 control characters but tab
 * and line breaks, lone surrogates, and the non-characters U+FFFE and U+FFFF.
 */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** `text` as XML character data or an attribute value: what XML cannot hold removed, markup escaped. */
function xmlText(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}

/**
 * A `verifyServer` report as JUnit XML, which any CI shows: one `testcase` per check (named by its
 * request and what was checked, classed by operation), each failed one with a `failure` holding
 * the expected and received text. Every text is escaped, and control characters a server sent are
 * removed. A report with no check at all is one failing testcase: zero checks is never a pass.
 *
 * @example
 * await writeFile("verify.xml", junitReport(await verifyServer({ spec, baseUrl })));
 */
export function junitReport(report: VerifyReport): string {
  const cases = [
    ...report.passed.map((check) => testCase(check)),
    ...report.failed.map((check) => testCase(check, failure(check))),
  ];
  // A run that stopped early, or checked nothing, is one failing case more: never a green build.
  const unfinished =
    report.interrupted !== undefined
      ? `${report.interrupted}: the run stopped early, not a pass`
      : cases.length === 0
        ? "no check ran: zero checks is never a pass"
        : undefined;
  if (unfinished !== undefined) {
    cases.push(`    <testcase classname="verify" name="checks"><failure message="${xmlText(unfinished)}"/></testcase>`);
  }
  const failures = report.failed.length + (unfinished === undefined ? 0 : 1);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="sudo-images verify" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="sudo-images verify" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

function testCase(check: VerifyCheck, inner?: string): string {
  const open = `    <testcase classname="${xmlText(check.operationId ?? "verify")}" name="${xmlText(`${check.request}: ${check.check}`)}"`;
  return inner === undefined ? `${open}/>` : `${open}>${inner}</testcase>`;
}

function failure(check: VerifyCheck): string {
  const message = `expected ${check.expected}, received ${check.received}`;
  return `<failure message="${xmlText(message)}">${xmlText(describeCheck(check))}</failure>`;
}
