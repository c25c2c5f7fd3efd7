import { isMetadataKind, isPlainObject, type MetadataIssue, validateDocumentSet } from "@tessera/metadata";
import { type DocumentSource, readMetadataFiles } from "../metadata-files.js";
import { packageSources } from "../package-sources.js";

export interface CommandOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** How validateDocumentSet names the document at `index`: `kind/name`, `?/name` or `#index`. */
const documentIdOf = (value: unknown, index: number): string => {
  if (!isPlainObject(value)) return `#${index}`;
  const name = typeof value.name === "string" ? value.name : undefined;
  if (!isMetadataKind(value.kind)) return name === undefined ? `#${index}` : `?/${name}`;
  return `${value.kind}/${name ?? `#${index}`}`;
};

/**
 * Finds the file an issue is about. Several inputs may share a document id; the issues raised once
 * per input (a duplicate, an unknown kind) go to the occurrence they are about, in input order: the
 * first of a name is the original, each `document.duplicate` is about the next one.
 */
const sourceLocator = (sources: readonly DocumentSource[]) => {
  const byId = new Map<string, DocumentSource[]>();
  sources.forEach((source, index) => {
    const id = documentIdOf(source.value, index);
    byId.set(id, [...(byId.get(id) ?? []), source]);
  });
  const raised = new Map<string, number>();
  return (issue: MetadataIssue): DocumentSource | undefined => {
    const named = byId.get(issue.document) ?? [];
    if (issue.code !== "document.duplicate" && issue.code !== "document.unknownKind") return named[0];
    const key = `${issue.code}\u0000${issue.document}`;
    const count = raised.get(key) ?? 0;
    raised.set(key, count + 1);
    return named[issue.code === "document.duplicate" ? count + 1 : count];
  };
};

/** `file: /json/pointer: message [code]`; a pointer to a whole file is shown as "/". */
const problemLine = (file: string, pointer: string, message: string, code: string): string =>
  `${file}: ${pointer === "" ? "/" : pointer}: ${message} [${code}]`;

/**
 * `tessera metadata validate <file-or-dir>`: validates every document found as one set; a package
 * folder (with manifest.json) is validated as installed on a fresh tenant, with its dependencies.
 * Prints one line per problem, `file: /json/pointer: message [code]`; returns the exit code.
 */
export const metadataValidate = async (path: string, cwd: string, io: CommandOutput): Promise<number> => {
  const pkg = await packageSources(path, cwd);
  const { sources, problems } = pkg ?? (await readMetadataFiles(path, cwd));
  for (const problem of problems) io.err(problemLine(problem.file, "", problem.message, problem.code));
  const { issues } = validateDocumentSet([...sources.map((s) => s.value), ...(pkg?.context ?? [])]);
  const locate = sourceLocator(sources);
  for (const issue of issues) {
    const source = locate(issue);
    const pointer = `${source?.pointer ?? ""}${issue.path}`;
    io.err(problemLine(source?.file ?? issue.document, pointer, issue.message, issue.code));
  }
  if (problems.length + issues.length > 0) return 1;
  io.out(`${sources.length} metadata document${sources.length === 1 ? "" : "s"} valid.`);
  return 0;
};
