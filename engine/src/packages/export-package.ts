import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { documentId, type MetadataDocument, type PackageManifest } from "@tessera/metadata";
import { conflict } from "../errors/engine-error.js";
import type { TenantStore } from "../store/store-port.js";
import { TESSERA_VERSION } from "./tessera-version.js";

export interface ExportedPackage {
  manifest: PackageManifest;
  documents: MetadataDocument[];
}

/**
 * A tenant's published metadata as a package: every document except the `package` ones, which say
 * what is installed; those with code (server entry or widgets) become dependencies instead, since
 * the documents may rely on their hooks, routes and field types.
 */
export const exportPackage = async (
  store: TenantStore,
  options: { name: string; version?: string },
): Promise<ExportedPackage> => {
  const current = await store.currentVersion();
  if (current === undefined)
    throw conflict("export.nothingPublished", "The tenant has no published metadata");
  const all = current.documents as unknown as MetadataDocument[];
  const packages = all.filter((d): d is PackageManifest => d.kind === "package");
  const documents = all
    .filter((d) => d.kind !== "package")
    .sort((a, b) => documentId(a).localeCompare(documentId(b)));
  const dependencies = Object.fromEntries(
    packages
      .filter((p) => p.server !== undefined || (p.widgets?.length ?? 0) > 0)
      .map((p) => [p.name, `^${p.version}`]),
  );
  const manifest: PackageManifest = {
    kind: "package",
    name: options.name,
    version: options.version ?? "1.0.0",
    label: { en: `${store.tenant} metadata`, "zh-CN": `${store.tenant} 元数据` },
    description: {
      en: `Exported from tenant "${store.tenant}", metadata version ${current.version}.`,
      "zh-CN": `导出自租户“${store.tenant}”，元数据版本 ${current.version}。`,
    },
    tessera: `^${TESSERA_VERSION}`,
    ...(Object.keys(dependencies).length > 0 && { dependencies }),
    metadata: ["metadata/"],
  };
  return { manifest, documents };
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes an exported package into `dir`, which must be empty or not exist (nothing is overwritten). */
export const writePackage = async (dir: string, exported: ExportedPackage): Promise<number> => {
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0)
    throw conflict("export.notEmpty", `${dir} is not empty; export into a new folder`);
  const { manifest, documents } = exported;
  await writeFile(
    join(dir, "package.json"),
    json({
      name: `@tessera/plugin-${manifest.name}`,
      version: manifest.version,
      private: true,
      description: manifest.description?.en ?? manifest.label.en,
    }),
  );
  await writeFile(join(dir, "manifest.json"), json(manifest));
  for (const doc of documents) {
    const folder = join(dir, "metadata", doc.kind);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `${doc.name}.json`), json(doc));
  }
  return documents.length;
};
