import ts from "typescript";
import { compilesAsScript } from "./script-compiles.js";

/**
 * The first syntax error in a generated file, as `name:line:col: message`, or `undefined` when it
 * parses. Generated code that does not parse must fail the run, not be written. V8 compiles the
 * file first (as a script: each line's leading `export` is dropped, and nothing runs): on a large
 * spec's validators that is a tenth of TypeScript's parse, and code that compiles is done. Only code
 * V8 refuses is parsed by TypeScript (no type checking, no emit), which names the place and the fault.
 *
 * @example
 * syntaxError("validators.ts", "const a = {limit: 1;") // "validators.ts:1:20: ',' expected."
 */
export function syntaxError(name: string, text: string): string | undefined {
  if (compilesAsScript(text)) return undefined;
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const [first] = ts
    .createProgram({ rootNames: [name], options: { noLib: true, noResolve: true, types: [] }, host: oneFileHost(file) })
    .getSyntacticDiagnostics(file);
  if (first === undefined) return undefined;
  const message = ts.flattenDiagnosticMessageText(first.messageText, " ");
  if (first.start === undefined) return `${name}: ${message}`;
  const { line, character } = file.getLineAndCharacterOfPosition(first.start);
  return `${name}:${line + 1}:${character + 1}: ${message}`;
}

/** A compiler host that knows one file, already parsed, and reads nothing from disk. */
function oneFileHost(file: ts.SourceFile): ts.CompilerHost {
  return {
    getSourceFile: (fileName) => (fileName === file.fileName ? file : undefined),
    getDefaultLibFileName: () => "lib.d.ts",
    writeFile: () => {},
    getCurrentDirectory: () => "",
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (fileName) => fileName === file.fileName,
    readFile: () => undefined,
  };
}
