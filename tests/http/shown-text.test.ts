import { describe, expect, it } from "vitest";
import { oneLine, terminalText } from "../../src/http/shown-text.js";

describe("terminalText", () => {
  it("makes every C0 and C1 control character harmless, keeping line breaks and tabs", () => {
    expect(terminalText("a\u001b[2Jb\u0007c\u009b31md\u007fe\n\tf")).toBe("a\uFFFD[2Jb\uFFFDc\uFFFD31md\uFFFDe\n\tf");
    expect(terminalText("\u001b]52;c;Zm9v\u0007")).toBe("\uFFFD]52;c;Zm9v\uFFFD");
  });
});

describe("oneLine", () => {
  it("folds white space, strips control characters and cuts to the limit", () => {
    expect(oneLine("  one\n two\r\nthree\u001b[0m  ", 100)).toBe("one two three\uFFFD[0m");
    expect(oneLine("abcdef", 4)).toBe("abc…");
    expect(oneLine(" \n\t ", 10)).toBeUndefined();
  });
});
