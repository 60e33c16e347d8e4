import ts from "typescript";

/**
 * The first syntax error in a generated file, as `name:line:col: message`, or `undefined` when it
 * parses. Generated code that does not parse must fail the run, not be written: the file is parsed
 * (TypeScript's parser, no type checking, so a large spec's output costs seconds, not minutes).
 *
 * @example
 * syntaxError("validators.ts", "const a = {limit: 1}, b: 2;") // "validators.ts:1:23: ';' expected."
 */
export function syntaxError(name: string, text: string): string | undefined {
  const { diagnostics } = ts.transpileModule(text, {
    fileName: name,
    reportDiagnostics: true,
    compilerOptions: { noEmit: true, isolatedModules: true, module: ts.ModuleKind.ESNext, noResolve: true },
  });
  const [first] = diagnostics ?? [];
  if (first === undefined) return undefined;
  const message = ts.flattenDiagnosticMessageText(first.messageText, " ");
  if (first.file === undefined || first.start === undefined) return `${name}: ${message}`;
  const { line, character } = first.file.getLineAndCharacterOfPosition(first.start);
  return `${name}:${line + 1}:${character + 1}: ${message}`;
}
