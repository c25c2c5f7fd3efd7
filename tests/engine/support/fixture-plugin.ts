import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MetadataDocument } from "@tessera/metadata";

/**
 * A plugins folder with one package holding server code: `server` is the JavaScript module source
 * of its `server.js` (it must export `plugin`). Returns the plugins folder and the package's folder.
 */
export const writeFixturePlugin = async (
  name: string,
  documents: readonly MetadataDocument[],
  server: string,
): Promise<{ pluginsDir: string; packageDir: string }> => {
  const pluginsDir = await mkdtemp(join(tmpdir(), "tessera-plugins-"));
  const packageDir = join(pluginsDir, name);
  await mkdir(join(packageDir, "metadata"), { recursive: true });
  await writeFile(
    join(packageDir, "manifest.json"),
    JSON.stringify({
      kind: "package",
      name,
      version: "1.0.0",
      label: { en: name, "zh-CN": name },
      tessera: "^0.1.0",
      metadata: ["metadata/"],
      server: "server.js",
    }),
  );
  for (const doc of documents)
    await writeFile(join(packageDir, "metadata", `${doc.kind}-${doc.name}.json`), JSON.stringify(doc));
  await writeFile(join(packageDir, "server.js"), server);
  return { pluginsDir, packageDir };
};
