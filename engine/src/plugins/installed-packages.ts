import type { PackageManifest } from "@tessera/metadata";
import type { CompiledMetadata } from "../registry/compiled-metadata.js";

/** The packages installed in a tenant: the `package` documents of its published metadata, by name. */
export const installedPackages = (
  metadata: Pick<CompiledMetadata, "documents">,
): ReadonlyMap<string, PackageManifest> => {
  const packages = new Map<string, PackageManifest>();
  for (const doc of metadata.documents) if (doc.kind === "package") packages.set(doc.name, doc);
  return packages;
};
