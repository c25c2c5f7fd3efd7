import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createTenant, MetadataCache } from "@tessera/engine";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../support/problem-assertions.js";
import { ADMIN_PASSWORD, startTestServer, type TestServer } from "../support/test-server.js";

type Json = Record<string, unknown>;

const OTHER_TENANT = "acme";
const OTHER_PASSWORD = "acme-admin-password";

let t: TestServer;

const login = (body: unknown) => t.anonymous().request<Json>("POST", "/api/v1/auth/login", body);
const withToken = (token: string) => {
  const client = t.anonymous();
  client.token = token;
  return client;
};
const signedIn = async (tenant = "demo", password = ADMIN_PASSWORD) => {
  const client = t.anonymous();
  expect((await client.login(tenant, "admin", password)).status).toBe(200);
  return client;
};

beforeAll(async () => {
  t = await startTestServer();
  await createTenant(t.server.store, new MetadataCache(), OTHER_TENANT, { adminPassword: OTHER_PASSWORD });
});

afterAll(async () => {
  await t?.close();
});

describe("signing in", () => {
  it("answers correct credentials with a bearer token that opens the API", async () => {
    const res = await login({ tenant: "demo", username: "admin", password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^demo\.[A-Za-z0-9_-]{20,}$/);
    expect((await withToken(String(res.body.token)).get("/api/v1/records/account?limit=1")).status).toBe(200);
  });

  it("answers a wrong password, an unknown user and an unknown tenant with the same 401 body", async () => {
    const answers = await Promise.all([
      login({ tenant: "demo", username: "admin", password: "wrong-password" }),
      login({ tenant: "demo", username: "nobody", password: ADMIN_PASSWORD }),
      login({ tenant: "nowhere", username: "admin", password: ADMIN_PASSWORD }),
      login({ tenant: "../../etc/passwd", username: "admin", password: ADMIN_PASSWORD }),
      login({ tenant: "Demo", username: "admin", password: ADMIN_PASSWORD }),
    ]);
    const bodies = answers.map((answer) => JSON.stringify(expectProblem(answer, 401)));
    expect(new Set(bodies).size).toBe(1);
  });

  it("does not let one tenant's password open another tenant", async () => {
    expectProblem(await login({ tenant: OTHER_TENANT, username: "admin", password: ADMIN_PASSWORD }), 401);
    expectProblem(await login({ tenant: "demo", username: "admin", password: OTHER_PASSWORD }), 401);
  });

  it("answers missing or non-text credentials with 400 naming each one", async () => {
    const res = await login({ tenant: 42, username: "" });
    expect(expectProblem(res, 400).errors.map((e) => e.path)).toEqual(["/tenant", "/username", "/password"]);
  });
});

describe("bearer tokens", () => {
  it.each([
    ["no Authorization header", undefined],
    ["an empty bearer", "Bearer "],
    ["another scheme", "Basic ZGVtbzphZG1pbg=="],
    ["garbage", "Bearer garbage"],
    ["a token of an open tenant with a made-up secret", `Bearer demo.${"A".repeat(43)}`],
    ["a token of a tenant that does not exist", `Bearer ghost.${"A".repeat(43)}`],
    ["a JWT-looking token", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.c2ln"],
    ["a token with a path in its tenant", `Bearer ...${"A".repeat(43)}`],
  ])("refuses %s with 401", async (_case, authorization) => {
    const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
    const res = await t.anonymous().request("GET", "/api/v1/records/account", undefined, headers);
    expectProblem(res, 401);
  });

  it("refuses a token whose session has expired", async () => {
    const session = await login({ tenant: "demo", username: "admin", password: ADMIN_PASSWORD });
    const token = `demo.${"E".repeat(43)}`;
    const store = await t.server.store.tenant("demo");
    await store.createSession({
      tokenHash: createHash("sha256").update(token).digest("hex"),
      userId: String(session.body.userId),
      createdAt: "2020-01-01T00:00:00.000Z",
      expiresAt: "2020-01-01T12:00:00.000Z",
    });
    expectProblem(await withToken(token).get("/api/v1/records/account"), 401);
  });

  it("is revoked by logout: the next request with it gets 401, other sessions stay open", async () => {
    const [first, second] = [await signedIn(), await signedIn()];
    const logout = await first.post("/api/v1/auth/logout", {});
    expect(logout.status).toBe(204);
    expectProblem(await first.get("/api/v1/records/account"), 401);
    expectProblem(await first.post("/api/v1/auth/logout", {}), 401);
    expect((await second.get("/api/v1/records/account?limit=1")).status).toBe(200);
  });

  it("is bound to its tenant: moved to another tenant's prefix it opens nothing", async () => {
    const demo = await signedIn();
    const acme = await signedIn(OTHER_TENANT, OTHER_PASSWORD);
    const demoSecret = String(demo.token).slice("demo.".length);
    const acmeSecret = String(acme.token).slice(`${OTHER_TENANT}.`.length);
    expectProblem(await withToken(`${OTHER_TENANT}.${demoSecret}`).get("/api/v1/records/account"), 401);
    expectProblem(await withToken(`demo.${acmeSecret}`).get("/api/v1/records/account"), 401);
    expect((await demo.get("/api/v1/records/account?limit=1")).status).toBe(200);
    expect((await acme.get("/api/v1/records/account?limit=1")).status).toBe(200);
  });

  it("reaches only its own tenant's data", async () => {
    const acme = await signedIn(OTHER_TENANT, OTHER_PASSWORD);
    const created = await acme.post("/api/v1/records/account", { name: "Only In Acme" });
    expect(created.status).toBe(201);
    const fromDemo = await t.admin.get(`/api/v1/records/account/${created.body.id}`);
    expectProblem(fromDemo, 404);
    const search = await t.admin.get<{ records: Json[] }>("/api/v1/records/account?q=Only%20In%20Acme");
    expect(search.body.records).toEqual([]);
  });
});

describe("stored credentials", () => {
  it("keeps passwords and tokens only as hashes: no plaintext anywhere in the tenant database", async () => {
    const client = await signedIn();
    const token = String(client.token);
    const dbPath = join(t.dataDir, "tenants", "demo.db");
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
        name: string;
      }>;
      expect(tables.length).toBeGreaterThan(3);
      let cells = 0;
      for (const { name } of tables) {
        for (const row of db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all() as Json[]) {
          for (const value of Object.values(row)) {
            const textual = Buffer.isBuffer(value) ? value.toString("utf8") : String(value);
            cells += 1;
            expect(textual).not.toContain(ADMIN_PASSWORD);
            expect(textual).not.toContain(token.slice("demo.".length));
          }
        }
      }
      expect(cells).toBeGreaterThan(100);
      const hashes = db.prepare("SELECT hash FROM password_hashes").all() as Array<{ hash: string }>;
      expect(hashes.length).toBeGreaterThan(0);
      for (const { hash } of hashes) expect(hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    } finally {
      db.close();
    }
    const files = (await readdir(join(t.dataDir, "tenants"))).filter((f) => f.startsWith("demo.db"));
    for (const file of files) {
      const bytes = await readFile(join(t.dataDir, "tenants", file));
      expect(bytes.includes(Buffer.from(ADMIN_PASSWORD, "utf8"))).toBe(false);
    }
  });
});
