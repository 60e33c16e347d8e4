import { describe, expect, it } from "vitest";
import { compilesAsScript } from "../../src/codegen/script-compiles.js";

describe("compilesAsScript", () => {
  it("takes a module whose only module syntax is a leading export, and runs nothing", () => {
    expect(compilesAsScript('export const a = "x\\nexport const b = 1";\nexport function f() { throw 1; }\nf();')).toBe(
      true,
    );
  });

  it("refuses code V8 does not compile, and any other module syntax (an import)", () => {
    expect(compilesAsScript("const a = {limit: 1;")).toBe(false);
    expect(compilesAsScript('import { a } from "./a.js";\nexport const b = a;')).toBe(false);
  });
});
