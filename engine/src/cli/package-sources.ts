import { stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import {
  documentId,
  isPlainObject,
  type MetadataDocument,
  standardObjects,
  standardProfiles,
} from "@tessera/metadata";
import { readPackage } from "../packages/read-package.js";
import { activePlugins } from "../plugins/active-plugins.js";
import { MANIFEST_FILE } from "../plugins/load-plugins.js";
import { type DocumentSource, type FileProblem, readMetadataFiles } from "./metadata-files.js";

/**
 * A package folder's documents (manifest and bundle) with what they are checked against: the
 * standard objects and profiles and the documents of the packages it depends on, minus those the
 * package replaces. Undefined when `path` is not a package folder.
 */
export const packageSources = async (
  path: string,
  cwd: string,
): Promise<
  { sources: DocumentSource[]; problems: FileProblem[]; context: MetadataDocument[] } | undefined
> => {
  const root = resolve(cwd, path);
  try {
    if (!(await stat(join(root, MANIFEST_FILE))).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const manifestRead = await readMetadataFiles(join(root, MANIFEST_FILE), cwd);
  const sources = [...manifestRead.sources];
  const problems = [...manifestRead.problems];
  const manifest = sources[0]?.value;
  const paths = isPlainObject(manifest) && Array.isArray(manifest.metadata) ? manifest.metadata : [];
  for (const p of paths) {
    if (typeof p !== "string") continue;
    const read = await readMetadataFiles(resolve(root, p), cwd);
    sources.push(...read.sources);
    problems.push(...read.problems);
  }
  const dependencies =
    isPlainObject(manifest) && isPlainObject(manifest.dependencies) ? Object.keys(manifest.dependencies) : [];
  const context: MetadataDocument[] = [...standardObjects, ...standardProfiles];
  for (const dependency of dependencies) {
    const dir = activePlugins().dirOf(dependency);
    if (dir === undefined) {
      problems.push({
        file: relative(cwd, join(root, MANIFEST_FILE)),
        code: "package.dependencyMissing",
        message: `The dependency "${dependency}" is not in the plugins folder.`,
      });
      continue;
    }
    const dep = await readPackage(dir);
    context.push(...dep.documents, dep.manifest);
  }
  const own = new Set(
    sources
      .map((s) => s.value)
      .filter(isPlainObject)
      .map((d) => `${String(d.kind)}/${String(d.name)}`),
  );
  const byId = new Map<string, MetadataDocument>();
  for (const doc of context) if (!own.has(documentId(doc))) byId.set(documentId(doc), doc);
  return { sources, problems, context: [...byId.values()] };
};
