import type { MetadataDocument } from "@tessera/metadata";
import type { TenantStore } from "../store/store-port.js";
import { compileMetadata } from "./compile-metadata.js";
import type { CompiledMetadata } from "./compiled-metadata.js";

/**
 * Compiled metadata per tenant, keyed by version. Every request asks the store for the current
 * version number (one cheap read), so a publish made through any app server is live everywhere at
 * the next request, without a restart; compiling happens once per version and server.
 */
export class MetadataCache {
  private readonly compiled = new Map<string, CompiledMetadata>();
  private readonly pending = new Map<string, Promise<CompiledMetadata | undefined>>();

  async current(store: TenantStore): Promise<CompiledMetadata | undefined> {
    const version = await store.currentVersionNumber();
    if (version === 0) return undefined;
    const cached = this.compiled.get(store.tenant);
    if (cached !== undefined && cached.version >= version) return cached;
    const key = `${store.tenant}@${version}`;
    let loading = this.pending.get(key);
    if (loading === undefined) {
      loading = this.load(store).finally(() => this.pending.delete(key));
      this.pending.set(key, loading);
    }
    return loading;
  }

  private async load(store: TenantStore): Promise<CompiledMetadata | undefined> {
    const published = await store.currentVersion();
    if (published === undefined) return undefined;
    const compiled = compileMetadata(
      published.version,
      published.publishedAt,
      published.documents as unknown as MetadataDocument[],
      this.compiled.get(store.tenant),
    );
    const cached = this.compiled.get(store.tenant);
    if (cached === undefined || cached.version < compiled.version) this.compiled.set(store.tenant, compiled);
    return compiled;
  }
}
