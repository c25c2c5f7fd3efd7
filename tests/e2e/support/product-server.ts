import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const E2E_ADMIN_PASSWORD = "e2e-admin-password";

export interface ProductServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject()));
    });
  });

/**
 * Starts the product the way a user does, `npm start`, on a free port and a fresh data directory
 * (first start: tenant demo, sample data, user admin), and waits until it answers.
 */
export const startProduct = async (env: Record<string, string> = {}): Promise<ProductServer> => {
  const dataDir = await mkdtemp(join(tmpdir(), "tessera-e2e-"));
  const port = await freePort();
  const child: ChildProcess = spawn("npm", ["start", "--silent"], {
    cwd: join(import.meta.dirname, "../../.."),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      TESSERA_DATA_DIR: dataDir,
      TESSERA_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      TESSERA_JOB_POLL_MS: "200",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`npm start did not answer within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        process.kill(-child.pid, "SIGTERM");
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
