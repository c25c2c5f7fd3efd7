import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { type ProcessResult, runNode } from "./node-process.js";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** One compiler error: its file's name, the source text it points at and its message. */
export interface CompileError {
  file: string;
  at: string;
  message: string;
}

/**
 * Typechecks `files` (and what they import) as one strict ESM TypeScript program, with Node's types
 * from the repository. Their folder needs a package.json with `"type": "module"`.
 */
export const typecheck = (files: readonly string[]): CompileError[] => {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2023.d.ts"],
    types: ["node"],
    typeRoots: [`${REPO_ROOT}node_modules/@types`],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: basename(d.file?.fileName ?? ""),
    at:
      d.file !== undefined && d.start !== undefined
        ? d.file.text.slice(d.start, d.start + (d.length ?? 0))
        : "",
    message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  }));
};

/** Runs a TypeScript file with Node and tsx; resolves to its exit code and output. */
export const runTypeScript = (file: string, env: Record<string, string>): Promise<ProcessResult> =>
  // Run from the repository root so that `--import tsx` resolves to its installed copy.
  runNode(["--import", "tsx", file], REPO_ROOT, { ...process.env, ...env });
