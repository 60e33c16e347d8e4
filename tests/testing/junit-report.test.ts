/** `junitReport`: a verify report as JUnit XML that any CI parses, whatever a server sent. */
import { describe, expect, it } from "vitest";
import { junitReport } from "../../src/testing/junit-report.js";

const check = { request: "getPet: path id=1", operationId: "getPet", check: "body", expected: "must be integer" };

describe("junitReport", () => {
  it("has a testcase per check and a failure with expected and received for each failed one", () => {
    const xml = junitReport({
      passed: [{ ...check, received: "a body that matches" }],
      failed: [{ ...check, received: '"seven"', pointer: "/id" }],
      requests: [],
    });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites [^>]*tests="2" failures="1">/);
    expect(xml).toContain('<testcase classname="getPet" name="getPet: path id=1: body"/>');
    expect(xml).toContain(
      '<failure message="expected must be integer, received &quot;seven&quot;">getPet: path id=1: body at /id: expected must be integer, received &quot;seven&quot;</failure>',
    );
  });

  it("escapes markup and removes control characters and lone surrogates from what a server sent", () => {
    const received = `</failure><x a='1'>&\u001b[2J\u0000\u0007\ud800\uffff ok`;
    const xml = junitReport({ passed: [], failed: [{ ...check, received }], requests: [] });
    expect(xml).toContain("&lt;/failure&gt;&lt;x a=&apos;1&apos;&gt;&amp;[2J ok");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800\uffff]/);
    expect(xml.match(/<failure /g)).toHaveLength(1);
  });

  it("makes zero checks a failure, never an empty pass", () => {
    const xml = junitReport({ passed: [], failed: [], requests: [] });
    expect(xml).toContain('tests="1" failures="1"');
    expect(xml).toContain('<failure message="no check ran: zero checks is never a pass"/>');
  });
});
