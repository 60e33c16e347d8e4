import ts from "typescript";

/**
 * The first syntax error in a generated file, as `name:line:col: message`, or `undefined` when it
 * parses. Generated code that does not parse must fail the run, not be written: the file is only
 * parsed (a one-file program's syntactic diagnostics: no type checking and no emit, which on a
 * large spec's validators cost three times the parse).
 *
 * @example
 * syntaxError("validators.ts", "const a = {limit: 1;") // "validators.ts:1:20: ',' expected."
 */
export function syntaxError(name: string, text: string): string | undefined {
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
