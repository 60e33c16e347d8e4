import { Script } from "node:vm";

/**
 * Whether V8 compiles `text` (a generated module) as a script once each line's leading `export ` is
 * dropped (a line break inside a string is written `\n`, so no string holds one); nothing runs.
 * Anything else a module may say that a script may not (an `import`) fails here, and TypeScript's
 * parser decides (`syntaxError`). Apart from it so that a worker thread can check its own output
 * without loading TypeScript.
 */
export function compilesAsScript(text: string): boolean {
  try {
    new Script(text.replace(/^export (?=const |function |class |let )/gm, ""));
    return true;
  } catch {
    return false;
  }
}
