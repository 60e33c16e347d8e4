/**
 * What is wrong with `out` as the folder a command writes into (`--out`), from the error the file
 * system gave: one line naming the flag and the path (`--out ./img is a file, not a folder`), never
 * Node's `EEXIST: file already exists, mkdir …`. `generate` and `codegen` both say it so.
 *
 * @example
 * outFolderProblem("./img", Object.assign(new Error("…"), { code: "ENOTDIR" })) // "--out ./img lies under a file, not a folder"
 */
export function outFolderProblem(out: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EEXIST") return `--out ${out} is a file, not a folder`;
  if (code === "ENOTDIR") return `--out ${out} lies under a file, not a folder`;
  return `--out ${out} cannot be written to (${code ?? (error as Error).message})`;
}
