import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningServer, type ServerConfig, startServer } from "@tessera/engine";
import { type ApiClient, apiClient } from "./api-client.js";

export const ADMIN_PASSWORD = "test-admin-password";

export interface TestServer {
  server: RunningServer;
  dataDir: string;
  /** A client signed in as the demo tenant's admin. */
  admin: ApiClient;
  /** A client that is not signed in. */
  anonymous: () => ApiClient;
  close(): Promise<void>;
}

/**
 * Starts the real server in-process on a free port, on the embedded store in a fresh temp data
 * directory (first start: demo tenant, standard objects, sample data, admin user).
 */
export const startTestServer = async (
  options: {
    dataDir?: string;
    config?: Partial<
      Pick<ServerConfig, "loginThrottle" | "logDestination" | "logLevel" | "jobs" | "smtp" | "pluginsDir">
    >;
  } = {},
): Promise<TestServer> => {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "tessera-test-")));
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    logLevel: process.env.TESSERA_TEST_LOG ?? "silent",
    // Jobs run promptly and retry fast, so tests of automations wait milliseconds, not seconds.
    jobs: { pollMs: 50, retryBaseMs: 100, webhookTimeoutMs: 2000 },
    ...options.config,
  });
  const admin = apiClient(server.url);
  const login = await admin.login("demo", "admin", ADMIN_PASSWORD);
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status}`);
  return {
    server,
    dataDir,
    admin,
    anonymous: () => apiClient(server.url),
    async close() {
      await server.stop();
      if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
};
