import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { isPlainObject, type MetadataDocument, type PackageManifest } from "@tessera/metadata";
import { readMetadataFiles } from "../cli/metadata-files.js";
import { readManifest } from "../plugins/load-plugins.js";

/** A package read from its folder: manifest, metadata bundle and sample data, not yet checked as a set. */
export interface PackageContents {
  readonly dir: string;
  readonly manifest: PackageManifest;
  readonly documents: readonly MetadataDocument[];
  /** The sample data file's content (shape checked when it is loaded). */
  readonly sampleData?: unknown;
}

/** A package folder that cannot be read; `lines` are one per problem, `file: /pointer: message`. */
export class PackageReadError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join("\n"));
    this.name = "PackageReadError";
  }
}

/**
 * Reads `<dir>/manifest.json` and the files it names. Throws `PackageReadError` listing every
 * unreadable file and malformed document; semantic checks come with the tenant's documents.
 */
export const readPackage = async (dir: string): Promise<PackageContents> => {
  const root = resolve(dir);
  let manifest: PackageManifest;
  try {
    manifest = await readManifest(root);
  } catch (error) {
    throw new PackageReadError((error as Error).message.split("\n"));
  }
  const lines: string[] = [];
  const documents: MetadataDocument[] = [];
  for (const path of manifest.metadata) {
    const { sources, problems } = await readMetadataFiles(resolve(root, path), root);
    for (const p of problems) lines.push(`${p.file}: /: ${p.message}`);
    for (const source of sources) {
      if (!isPlainObject(source.value))
        lines.push(`${source.file}: ${source.pointer || "/"}: must be a metadata document.`);
      else if (source.value.kind === "package")
        lines.push(
          `${source.file}: ${source.pointer || "/"}/kind: a package's bundle cannot contain packages.`,
        );
      else documents.push(source.value as unknown as MetadataDocument);
    }
  }
  let sampleData: unknown;
  if (manifest.sampleData !== undefined) {
    try {
      sampleData = JSON.parse(await readFile(resolve(root, manifest.sampleData), "utf8"));
    } catch (error) {
      lines.push(`${manifest.sampleData}: /: ${(error as Error).message}`);
    }
  }
  if (lines.length > 0) throw new PackageReadError(lines);
  return { dir: root, manifest, documents, ...(sampleData !== undefined && { sampleData }) };
};
