/**
 * Ajv's bookkeeping declarations that nothing reads are left out, per function, and nothing that
 * is read (or that has an effect) is.
 */
import { describe, expect, it } from "vitest";
import { withoutUnreadDeclarations } from "../../src/codegen/unread-declarations.js";

const lines = (...each: string[]) => `${each.join("\n")}\n`;

describe("withoutUnreadDeclarations", () => {
  it("leaves out a declaration nothing reads, and those only it read", () => {
    const code = lines(
      "function validate1(data){",
      "const _errs0 = errors;",
      "const _errs1 = errors;",
      "var valid0 = _errs1 === errors;",
      "var valid0 = _errs1 === errors;",
      'const vSchema0 = schema3.properties.a[0]["b-c"].enum;',
      "return _errs0;",
      "}",
    );
    expect(withoutUnreadDeclarations(code)).toBe(
      lines("function validate1(data){", "const _errs0 = errors;", "return _errs0;", "}"),
    );
  });

  it("keeps a name read anywhere in its function, and counts each function's names apart", () => {
    const code = lines(
      "function validate1(data){",
      "const _errs0 = errors;",
      "let valid1 = true;",
      "valid1 = false;",
      "return valid1 && _errs0 === errors;",
      "}",
      "function validate2(data){",
      "const _errs0 = errors;",
      "return true;",
      "}",
    );
    expect(withoutUnreadDeclarations(code)).toBe(
      lines(
        "function validate1(data){",
        "const _errs0 = errors;",
        "let valid1 = true;",
        "valid1 = false;",
        "return valid1 && _errs0 === errors;",
        "}",
        "function validate2(data){",
        "return true;",
        "}",
      ),
    );
  });

  it("leaves out a flag only ever set, and the blocks that empties, but never an if an else follows", () => {
    const code = lines(
      "function validate1(data){",
      "let valid3 = true;",
      "for(let i0=0; i0<len0; i0++){",
      "var valid2 = _errs8 === errors;",
      "if(!valid2){",
      "valid3 = false;",
      "}",
      "}",
      "if(check(data)){",
      "}",
      "else {",
      "}",
      "if(valid4){",
      "}",
      "else {",
      "f();",
      "}",
      "return valid4;",
      "}",
    );
    expect(withoutUnreadDeclarations(code)).toBe(
      lines(
        "function validate1(data){",
        "for(let i0=0; i0<len0; i0++){",
        "}",
        "if(check(data)){",
        "}",
        "if(valid4){",
        "}",
        "else {",
        "f();",
        "}",
        "return valid4;",
        "}",
      ),
    );
  });

  it("keeps a declaration whose value may do something, read or not", () => {
    const code = lines("function validate1(data){", "const _errs0 = check(data);", "let data0 = data.a;", "}");
    expect(withoutUnreadDeclarations(code)).toBe(code);
  });
});
