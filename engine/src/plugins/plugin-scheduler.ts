import type { Logger } from "pino";
import type { MetadataCache } from "../registry/metadata-cache.js";
import { userContext } from "../security/user-context.js";
import { activeUserNamed } from "../security/user-directory.js";
import type { Store } from "../store/store-port.js";
import { activePlugins } from "./active-plugins.js";
import { installedPackages } from "./installed-packages.js";
import { pluginContext } from "./plugin-context.js";
import type { PluginJob } from "./plugin-registry.js";

/** The user scheduled plugin jobs act as in each tenant: its administrator account. */
export const JOB_USER = "admin";

export interface PluginJobDeps {
  store: Store;
  cache: MetadataCache;
  logger: Logger;
}

/**
 * Runs one plugin job in one tenant, as the tenant's `admin` with that user's permissions.
 * Resolves false when the tenant lacks the package or has no active `admin`.
 */
export const runPluginJob = async (deps: PluginJobDeps, tenant: string, job: PluginJob): Promise<boolean> => {
  const store = await deps.store.tenant(tenant);
  const metadata = await deps.cache.current(store);
  if (metadata === undefined || !installedPackages(metadata).has(job.pkg)) return false;
  const userId = await activeUserNamed(store, JOB_USER);
  const ctx = userId === undefined ? undefined : await userContext(store, metadata, userId);
  if (ctx === undefined) {
    deps.logger.warn({ tenant, plugin: job.pkg, job: job.name }, "plugin job skipped: no active admin user");
    return false;
  }
  await job.job.run(pluginContext(ctx, job.pkg));
  return true;
};

/**
 * Starts every plugin job on its interval, in every tenant that has its package. A run never
 * overlaps the previous one of the same job; a failing run is logged and the next one comes on time.
 */
export const startPluginJobs = (deps: PluginJobDeps): { stop(): Promise<void> } => {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  for (const job of activePlugins().jobs) {
    let busy = false;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        for (const tenant of await deps.store.listTenants()) {
          try {
            await runPluginJob(deps, tenant, job);
          } catch (error) {
            deps.logger.error({ err: error, tenant, plugin: job.pkg, job: job.name }, "plugin job failed");
          }
        }
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => {
      const run = tick();
      running.add(run);
      void run.finally(() => running.delete(run));
    }, job.job.everyMinutes * 60_000);
    timer.unref();
    timers.push(timer);
  }
  return {
    stop: async () => {
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
};
