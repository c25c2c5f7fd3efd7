import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningServer, type ServerConfig, startServer } from "@tessera/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "../support/api-client.js";

type Json = Record<string, unknown>;
type List = { records: Json[]; nextCursor: string | null; total?: number };

const PASSWORD = "start-server-password";
const dirs: string[] = [];
const running: RunningServer[] = [];

const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), "tessera-start-"));
  dirs.push(dir);
  return dir;
};

/** Starts the server and keeps the lines it announces. */
const start = async (
  dataDir: string,
  config: Partial<ServerConfig> = { adminPassword: PASSWORD },
): Promise<{ server: RunningServer; lines: string[] }> => {
  const lines: string[] = [];
  const server = await startServer(
    { port: 0, host: "127.0.0.1", dataDir, logLevel: "silent", ...config },
    (line) => lines.push(line),
  );
  running.push(server);
  return { server, lines };
};

const signIn = async (server: RunningServer, password = PASSWORD): Promise<ApiClient> => {
  const client = apiClient(server.url);
  const login = await client.login("demo", "admin", password);
  expect(login.status).toBe(200);
  return client;
};

const count = async (client: ApiClient, object: string): Promise<number> =>
  Number((await client.get<List>(`/api/v1/records/${object}?count=true&limit=1`)).body.total);

afterAll(async () => {
  for (const server of running) await server.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("the first start", { timeout: 30_000 }, () => {
  let first: { server: RunningServer; lines: string[] };
  let admin: ApiClient;

  beforeAll(async () => {
    first = await start(await tempDir());
    admin = await signIn(first.server);
  }, 30_000);

  it("creates tenant demo with accounts, contacts and opportunities", async () => {
    expect(await count(admin, "account")).toBeGreaterThanOrEqual(5);
    expect(await count(admin, "contact")).toBeGreaterThanOrEqual(5);
    expect(await count(admin, "opportunity")).toBeGreaterThanOrEqual(5);
  });

  it("spreads the sample opportunities over at least 4 stages", async () => {
    const opportunities = await admin.get<List>("/api/v1/records/opportunity?limit=200&fields=stage");
    expect(opportunities.status).toBe(200);
    expect(new Set(opportunities.body.records.map((r) => r.stage)).size).toBeGreaterThanOrEqual(4);
  });

  it("announces the tenant, the URL and how to sign in, and no password it was given", () => {
    expect(first.lines).toEqual([
      'Created tenant "demo" with the "sales" template and its sample data.',
      expect.stringContaining(`Tessera is running at ${first.server.url}`),
    ]);
    expect(first.lines.join("\n")).not.toContain(PASSWORD);
  });

  it("generates an admin password when none is configured, announces it once, and it works", async () => {
    const { server, lines } = await start(await tempDir(), {});
    const password = /password: (\S+)/.exec(lines.join("\n"))?.[1];
    expect(password).toMatch(/^\S{12,}$/);
    expect(lines.join("\n").split(String(password))).toHaveLength(2);
    await signIn(server, password);
  });
});

describe("a restart on the same data directory", { timeout: 30_000 }, () => {
  it("keeps every record and the admin password, and does not create demo again", async () => {
    const dataDir = await tempDir();
    const first = await start(dataDir);
    const before = await signIn(first.server);
    const created = await before.post("/api/v1/records/account", { name: "Survives restarts Ltd." });
    expect(created.status).toBe(201);
    const counts = {
      account: await count(before, "account"),
      contact: await count(before, "contact"),
      opportunity: await count(before, "opportunity"),
    };
    await first.server.stop();

    const second = await start(dataDir, { adminPassword: "a-different-password" });
    expect(second.lines).toEqual([expect.stringContaining("Tessera is running at")]);
    const rejected = await apiClient(second.server.url).login("demo", "admin", "a-different-password");
    expect(rejected.status).toBe(401);
    const after = await signIn(second.server);
    expect({
      account: await count(after, "account"),
      contact: await count(after, "contact"),
      opportunity: await count(after, "opportunity"),
    }).toEqual(counts);
    expect((await after.get(`/api/v1/records/account/${created.body.id}`)).body).toEqual(created.body);
  });
});

/**
 * Sends a create whose body is held back until the server has read its headers (it answers
 * `100 Continue`), so the request is certainly in flight when `whileInFlight` runs.
 */
const createHeldBack = (
  url: string,
  token: string,
  body: Json,
  whileInFlight: () => Promise<void>,
): Promise<{ status: number; connection: string | undefined; body: Json }> =>
  new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(`${url}/api/v1/records/account`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "content-length": Buffer.byteLength(payload),
        expect: "100-continue",
      },
    });
    req.on("continue", () => {
      whileInFlight().then(() => req.end(payload), reject);
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          connection: res.headers.connection,
          body: JSON.parse(text) as Json,
        }),
      );
    });
    req.on("error", reject);
    req.flushHeaders();
  });

describe("a graceful stop", { timeout: 30_000 }, () => {
  it("finishes the request in flight, refuses new connections, then closes the store", async () => {
    const dataDir = await tempDir();
    const { server } = await start(dataDir);
    const admin = await signIn(server);
    let stopped: Promise<number> | undefined;
    const response = await createHeldBack(
      server.url,
      String(admin.token),
      { name: "In flight Ltd." },
      async () => {
        const asked = Date.now();
        stopped = server.stop().then(() => Date.now() - asked);
        await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
      },
    );
    expect(response.status).toBe(201);
    // The in-flight response ends its connection: stop() does not wait out the client's keep-alive.
    expect(response.connection).toBe("close");
    expect(await stopped).toBeLessThan(2_000);
    await expect(server.store.tenant("demo")).rejects.toThrow();

    const { server: restarted } = await start(dataDir);
    const after = await signIn(restarted);
    const stored = await after.get(`/api/v1/records/account/${response.body.id}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ name: "In flight Ltd.", version: 1 });
  });
});
