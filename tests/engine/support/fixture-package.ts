import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JsonObject, MetadataDocument } from "@tessera/metadata";

/**
 * Writes a package folder (manifest.json, metadata/*.json, optional sample data) into a new temp
 * directory and returns its path: the on-disk layout `tessera package install` reads.
 */
export const writeFixturePackage = async (
  manifest: { name: string; version: string } & Partial<JsonObject>,
  documents: readonly MetadataDocument[],
  sampleData?: JsonObject,
): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), `tessera-pkg-${manifest.name}-`));
  await mkdir(join(dir, "metadata"));
  await writeFile(
    join(dir, "manifest.json"),
    JSON.stringify({
      kind: "package",
      label: { en: manifest.name, "zh-CN": manifest.name },
      tessera: "^0.1.0",
      metadata: ["metadata/"],
      ...(sampleData !== undefined && { sampleData: "sample-data.json" }),
      ...manifest,
    }),
  );
  for (const doc of documents)
    await writeFile(join(dir, "metadata", `${doc.kind}-${doc.name}.json`), JSON.stringify(doc));
  if (sampleData !== undefined) await writeFile(join(dir, "sample-data.json"), JSON.stringify(sampleData));
  return dir;
};
