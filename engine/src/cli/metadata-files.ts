import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";

/** One metadata document read from disk, with where it came from. */
export interface DocumentSource {
  file: string;
  /** JSON pointer of the document inside its file: "" for a file holding one document, "/2" in an array. */
  pointer: string;
  value: unknown;
}

export interface FileProblem {
  file: string;
  /** `file.notFound`, `file.unreadable` or `file.invalidJson`. */
  code: string;
  message: string;
}

/** Node's error texts carry no full stop; every problem line is a sentence. */
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

// Files that are JSON but never metadata: package manifests and tool configuration.
const NOT_METADATA = /^(package(-lock)?\.json|tsconfig(\..+)?\.json|biome\.json)$/;
const SKIPPED_DIRS = new Set(["node_modules", "dist", "coverage"]);

const listJsonFiles = async (path: string): Promise<string[]> => {
  const info = await stat(path);
  if (info.isFile()) return [path];
  const files: string[] = [];
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || SKIPPED_DIRS.has(entry.name)) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) files.push(...(await listJsonFiles(child)));
    else if (entry.isFile() && entry.name.endsWith(".json") && !NOT_METADATA.test(entry.name))
      files.push(child);
  }
  return files.sort();
};

/**
 * Reads every metadata JSON file under `path` (a file or a directory, recursively). A file holds one
 * document or an array of documents. Unreadable or malformed files are reported, not thrown.
 */
export const readMetadataFiles = async (
  path: string,
  cwd: string,
): Promise<{ sources: DocumentSource[]; problems: FileProblem[] }> => {
  const sources: DocumentSource[] = [];
  const problems: FileProblem[] = [];
  let files: string[];
  try {
    files = await listJsonFiles(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return {
      sources,
      problems: [
        {
          file: relative(cwd, path) || path,
          code: missing ? "file.notFound" : "file.unreadable",
          message: missing
            ? "No such file or directory."
            : sentence(`Cannot be read: ${(error as Error).message}`),
        },
      ],
    };
  }
  for (const file of files) {
    const shown = relative(cwd, file) || file;
    let text: string;
    let value: unknown;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      problems.push({
        file: shown,
        code: "file.unreadable",
        message: sentence(`Cannot be read: ${(error as Error).message}`),
      });
      continue;
    }
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.push({
        file: shown,
        code: "file.invalidJson",
        message: sentence(`Not valid JSON: ${(error as Error).message}`),
      });
      continue;
    }
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) sources.push({ file: shown, pointer: `/${i}`, value: item });
    } else sources.push({ file: shown, pointer: "", value });
  }
  return { sources, problems };
};
