import type { PackageManifest } from "@tessera/metadata";
import type { CompiledMetadata } from "../registry/compiled-metadata.js";

// Per published document set: every write with plugin hooks asks, and a version never changes.
const byDocuments = new WeakMap<object, ReadonlyMap<string, PackageManifest>>();

/** The packages installed in a tenant: the `package` documents of its published metadata, by name. */
export const installedPackages = (
  metadata: Pick<CompiledMetadata, "documents">,
): ReadonlyMap<string, PackageManifest> => {
  const known = byDocuments.get(metadata.documents);
  if (known !== undefined) return known;
  const packages = new Map<string, PackageManifest>();
  for (const doc of metadata.documents) if (doc.kind === "package") packages.set(doc.name, doc);
  byDocuments.set(metadata.documents, packages);
  return packages;
};
