import type { Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Logger, pino } from "pino";
import { createApp } from "../http/create-app.js";
import { startJobWorker } from "../jobs/job-worker.js";
import { setActivePlugins } from "../plugins/active-plugins.js";
import { loadPlugins } from "../plugins/load-plugins.js";
import { runPluginJob, startPluginJobs } from "../plugins/plugin-scheduler.js";
import { MetadataCache } from "../registry/metadata-cache.js";
import { openStore } from "../store/open-store.js";
import type { Store } from "../store/store-port.js";
import { createTenant } from "../tenancy/create-tenant.js";
import { DEFAULT_PLUGINS_DIR, type ServerConfig } from "./server-config.js";

export interface RunningServer {
  url: string;
  store: Store;
  logger: Logger;
  /** Runs a plugin's scheduled job now in one tenant (as its next run would); false if it did not apply. */
  runPluginJob(tenant: string, pkg: string, job: string): Promise<boolean>;
  /** Stops accepting connections, lets in-flight requests finish, then closes the store. */
  stop(): Promise<void>;
}

export const DEMO_TENANT = "demo";
/** The template the demo tenant is created with, when the plugins folder has it. */
export const DEMO_TEMPLATE = "sales";

/**
 * Starts Tessera: loads the plugins folder, opens the store, creates the `demo` tenant (standard
 * objects, the `sales` template with its sample data, admin user) on the first start, and serves
 * the API.
 */
export const startServer = async (
  config: ServerConfig,
  announce: (line: string) => void = () => {},
): Promise<RunningServer> => {
  const logger =
    config.logDestination === undefined
      ? pino({ level: config.logLevel, base: undefined })
      : pino({ level: config.logLevel, base: undefined }, config.logDestination);
  const plugins = await loadPlugins(config.pluginsDir ?? DEFAULT_PLUGINS_DIR);
  setActivePlugins(plugins);
  const store = await openStore(config);
  const cache = new MetadataCache();
  if (!(await store.hasTenant(DEMO_TENANT))) {
    const template = plugins.plugins.has(DEMO_TEMPLATE) ? DEMO_TEMPLATE : undefined;
    const created = await createTenant(store, cache, DEMO_TENANT, {
      sampleData: true,
      ...(template !== undefined && { template }),
      ...(config.adminPassword !== undefined && { adminPassword: config.adminPassword }),
    });
    announce(
      template === undefined
        ? `Created tenant "${DEMO_TENANT}" with the standard CRM objects (no "${DEMO_TEMPLATE}" template in the plugins folder).`
        : `Created tenant "${DEMO_TENANT}" with the "${template}" template and its sample data.`,
    );
    if (created.generatedPassword !== undefined) {
      announce(
        `Sign in as "admin" with password: ${created.generatedPassword}   (shown once; set TESSERA_ADMIN_PASSWORD to choose it)`,
      );
    }
  }
  const worker = startJobWorker({
    store,
    cache,
    logger,
    dataDir: config.dataDir,
    ...config.jobs,
    ...(config.smtp !== undefined && { smtp: config.smtp }),
  });
  const pluginJobs = startPluginJobs({ store, cache, logger });
  const app = createApp({
    store,
    cache,
    logger,
    dataDir: config.dataDir,
    nudgeJobs: worker.nudge,
    ...(config.loginThrottle !== undefined && { loginThrottle: config.loginThrottle }),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  announce(
    `Tessera is running at ${url}  (tenant "${DEMO_TENANT}", user "admin"; API: POST ${url}/api/v1/auth/login)`,
  );
  let stopping: Promise<void> | undefined;
  // Responses in progress: when stopping, they end their connection instead of keeping it alive,
  // so close() need not wait for the clients' keep-alive connections to time out.
  const inProgress = new Set<ServerResponse>();
  const endConnectionAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader("connection", "close");
  };
  server.on("request", (_req, res: ServerResponse) => {
    if (stopping !== undefined) return endConnectionAfter(res);
    inProgress.add(res);
    res.once("close", () => inProgress.delete(res));
  });
  const stop = () => {
    stopping ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      for (const res of inProgress) endConnectionAfter(res);
    })
      .then(() => pluginJobs.stop())
      .then(() => worker.stop())
      .then(() => store.close());
    return stopping;
  };
  const runJobNow = async (tenant: string, pkg: string, name: string) => {
    const job = plugins.jobs.find((j) => j.pkg === pkg && j.name === name);
    if (job === undefined) throw new Error(`No job "${name}" of plugin "${pkg}"`);
    return runPluginJob({ store, cache, logger }, tenant, job);
  };
  return { url, store, logger, runPluginJob: runJobNow, stop };
};
