import type { Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Logger, pino } from "pino";
import { createApp } from "../http/create-app.js";
import { startJobWorker } from "../jobs/job-worker.js";
import { MetadataCache } from "../registry/metadata-cache.js";
import { openStore } from "../store/open-store.js";
import type { Store } from "../store/store-port.js";
import { createTenant } from "../tenancy/create-tenant.js";
import type { ServerConfig } from "./server-config.js";

export interface RunningServer {
  url: string;
  store: Store;
  logger: Logger;
  /** Stops accepting connections, lets in-flight requests finish, then closes the store. */
  stop(): Promise<void>;
}

export const DEMO_TENANT = "demo";

/**
 * Starts Tessera: opens the store, creates the `demo` tenant (standard objects, sample data, admin
 * user) on the first start, and serves the API.
 */
export const startServer = async (
  config: ServerConfig,
  announce: (line: string) => void = () => {},
): Promise<RunningServer> => {
  const logger =
    config.logDestination === undefined
      ? pino({ level: config.logLevel, base: undefined })
      : pino({ level: config.logLevel, base: undefined }, config.logDestination);
  const store = await openStore(config);
  const cache = new MetadataCache();
  if (!(await store.hasTenant(DEMO_TENANT))) {
    const created = await createTenant(store, cache, DEMO_TENANT, {
      sampleData: true,
      ...(config.adminPassword !== undefined && { adminPassword: config.adminPassword }),
    });
    announce(`Created tenant "${DEMO_TENANT}" with the standard CRM objects and sample data.`);
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
    ...config.jobs,
    ...(config.smtp !== undefined && { smtp: config.smtp }),
  });
  const app = createApp({
    store,
    cache,
    logger,
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
      .then(() => worker.stop())
      .then(() => store.close());
    return stopping;
  };
  return { url, store, logger, stop };
};
