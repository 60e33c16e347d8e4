import { describe, expect, it } from "vitest";
import { syntaxError } from "../../src/codegen/syntax-check.js";

const MODULE = `function _issue(list) { return list; }
"use strict";
export const validate_Pet = validate1;
function validate1(data, {instancePath=""}={}){
let vErrors = null;
if(data && typeof data == "object"){ vErrors = _issue(vErrors); }
return vErrors === null;
}`;

describe("syntaxError", () => {
  it("finds nothing in a module of exports and functions, as the validators are", () => {
    expect(syntaxError("validators.ts", MODULE)).toBeUndefined();
  });

  it("names the line and column of the first error, in TypeScript's words", () => {
    const broken = MODULE.replace("vErrors = _issue(vErrors);", "vErrors = _issue(vErrors, a: 1);");
    expect(syntaxError("validators.ts", broken)).toBe("validators.ts:6:65: ',' expected.");
  });

  it("reads `export` only at the start of a line as the module's, not inside a string", () => {
    const quoted = MODULE.replace('"use strict";', '"use strict";\nconst note = "a\\nexport x";');
    expect(syntaxError("validators.ts", quoted)).toBeUndefined();
    expect(syntaxError("validators.ts", `${MODULE}\nexport const = 1;`)).toMatch(/^validators\.ts:9:\d+: /);
  });
});
