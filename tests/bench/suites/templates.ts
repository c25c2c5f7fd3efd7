import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPackage } from "../../../engine/src/packages/read-package.js";
import { setActivePlugins } from "../../../engine/src/plugins/active-plugins.js";
import { loadPlugins } from "../../../engine/src/plugins/load-plugins.js";
import { MetadataCache } from "../../../engine/src/registry/metadata-cache.js";
import { DEFAULT_PLUGINS_DIR } from "../../../engine/src/server/server-config.js";
import { openStore } from "../../../engine/src/store/open-store.js";
import { createTenant } from "../../../engine/src/tenancy/create-tenant.js";
import { percentiles } from "../measure.js";

const ROUNDS = 3;
const TEMPLATES = ["sales", "manufacturing"];

/**
 * Creating a tenant from each template, as `tessera tenant create <t> --template <pkg>` does:
 * standard objects published, the package installed through publish, its sample data created
 * through the record pipeline. Milliseconds per tenant, over a few rounds.
 */
export const runTemplateBench = async () => {
  setActivePlugins(await loadPlugins(DEFAULT_PLUGINS_DIR));
  const dataDir = await mkdtemp(join(tmpdir(), "tessera-bench-templates-"));
  const store = await openStore({ dataDir });
  try {
    const results: Record<string, unknown> = {};
    for (const template of TEMPLATES) {
      const contents = await readPackage(join(DEFAULT_PLUGINS_DIR, template));
      const samples: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const start = performance.now();
        await createTenant(store, new MetadataCache(), `${template}-${round}`, {
          template,
          sampleData: true,
          adminPassword: "bench-admin-password",
        });
        samples.push(performance.now() - start);
      }
      const records = (contents.sampleData as { records?: unknown[] } | undefined)?.records?.length ?? 0;
      results[template] = {
        documents: contents.documents.length,
        sampleRecords: records,
        createTenantMs: percentiles(samples),
      };
    }
    return { rounds: ROUNDS, results };
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
};
