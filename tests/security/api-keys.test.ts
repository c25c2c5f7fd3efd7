import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createTenant, MetadataCache } from "@tessera/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "../engine/support/api-client.js";
import { expectProblem } from "../engine/support/problem-assertions.js";
import { startTestServer, type TestServer } from "../engine/support/test-server.js";
import { create, createUser, filterQuery, PASSWORD, publish } from "./support/org-admin.js";
import { permissionSet } from "./support/security-documents.js";

type Json = Record<string, unknown>;
interface KeyList {
  apiKeys: Json[];
}

let t: TestServer;
let rep: { id: string; client: ApiClient };
let peer: { id: string; client: ApiClient };
let userAdmin: ApiClient;
let dataAdmin: ApiClient;
let adminId: string;
let repAccount: string;
let peerAccount: string;

const OTHER_TENANT = "acme";
const TOKEN_FORMAT = /^tk_demo_[A-Za-z0-9_-]{43}$/;

const keysUrl = (userId: string) => `/api/v1/users/${userId}/api-keys`;
const withToken = (token: string): ApiClient => {
  const client = apiClient(t.server.url);
  client.token = token;
  return client;
};
const keysOf = async (userId: string): Promise<Json[]> => {
  const listed = await t.admin.get<KeyList>(keysUrl(userId));
  expect(listed.status).toBe(200);
  return listed.body.apiKeys;
};
/** Makes a key of `userId` as the admin and returns the creation answer (with the token). */
const aKey = async (userId: string, body: Json = { name: "integration" }): Promise<Json> => {
  const created = await t.admin.post<Json>(keysUrl(userId), body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
};
const tokenOf = (created: Json) => String(created.token);
const secretOf = (token: string) => token.slice("tk_demo_".length);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const idsOf = (list: { records: Json[] }) => list.records.map((r) => r.id).sort();
const latestAudit = async (type: string): Promise<Json | undefined> =>
  (await t.admin.get<{ events: Json[] }>(`/api/v1/audit?type=${type}&limit=1`)).body.events[0];
const setActive = async (id: string, active: boolean) => {
  const url = `/api/v1/records/user/${id}`;
  const current = await t.admin.get<Json>(url);
  expect((await t.admin.patch(url, { active }, Number(current.body.version))).status).toBe(200);
};
const waitUntil = async (instant: string) => {
  const ms = Date.parse(instant) - Date.now();
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms + 50));
};

beforeAll(async () => {
  t = await startTestServer();
  await publish(t.admin, [
    permissionSet("userAdministration", { system: { manageUsers: true } }),
    permissionSet("allData", { system: { modifyAllData: true, viewAllData: true } }),
  ]);
  rep = await createUser(t.admin, "demo", { username: "rep" });
  peer = await createUser(t.admin, "demo", { username: "peer" });
  userAdmin = (
    await createUser(t.admin, "demo", { username: "useradmin", permissionSets: ["userAdministration"] })
  ).client;
  dataAdmin = (await createUser(t.admin, "demo", { username: "dataadmin", permissionSets: ["allData"] }))
    .client;
  repAccount = await create(rep.client, "account", { name: "Rep's account" });
  peerAccount = await create(peer.client, "account", { name: "Peer's account" });
  const admins = await t.admin.get<{ records: Json[] }>(
    `/api/v1/records/user?${filterQuery({ "==": [{ var: "username" }, "admin"] })}`,
  );
  adminId = String(admins.body.records[0]?.id);
  await createTenant(t.server.store, new MetadataCache(), OTHER_TENANT, { adminPassword: PASSWORD });
}, 90_000);

afterAll(async () => {
  await t?.close();
});

describe("creating an API key", () => {
  it("answers 201 with the token, once, in the form tk_<tenant>_<secret>, and its listed prefix", async () => {
    const before = Date.now();
    const created = await aKey(rep.id, { name: "  billing sync  " });
    expect(created).toEqual({
      id: expect.any(String),
      name: "billing sync",
      userId: rep.id,
      prefix: expect.any(String),
      createdAt: expect.any(String),
      createdBy: adminId,
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      token: expect.stringMatching(TOKEN_FORMAT),
    });
    expect(tokenOf(created).startsWith(String(created.prefix))).toBe(true);
    expect(String(created.prefix).length).toBeLessThan(tokenOf(created).length - 30);
    expect(Date.parse(String(created.createdAt))).toBeGreaterThanOrEqual(before - 1000);
    expect((await keysOf(rep.id)).map((k) => k.id)).toContain(created.id);
  });

  it("keeps an expiry, normalised to UTC", async () => {
    const created = await aKey(rep.id, { name: "expiring", expiresAt: "2099-06-01T12:00:00+02:00" });
    expect(created.expiresAt).toBe("2099-06-01T10:00:00.000Z");
    expect((await keysOf(rep.id)).find((k) => k.id === created.id)?.expiresAt).toBe(
      "2099-06-01T10:00:00.000Z",
    );
  });

  it("is audited as apiKey.created, naming the user and the key, never the token", async () => {
    const created = await aKey(rep.id, { name: "audited" });
    expect(await latestAudit("apiKey.created")).toMatchObject({
      actorId: adminId,
      target: { object: "user", id: rep.id, name: "rep" },
      details: { apiKeyId: created.id, name: "audited", expiresAt: null },
    });
    const everything = await t.admin.get("/api/v1/audit?limit=200");
    expect(JSON.stringify(everything.body)).not.toContain(secretOf(tokenOf(created)));
  });

  it.each([
    ["without a name", {}, "/name"],
    ["with an empty name", { name: "   " }, "/name"],
    ["with a name over 80 characters", { name: "x".repeat(81) }, "/name"],
    ["naming its own user", { name: "k", userId: "01ATTACKERCHOSENUSER000000" }, "/userId"],
    ["bringing its own token hash", { name: "k", tokenHash: sha256("chosen") }, "/tokenHash"],
    ["bringing its own token", { name: "k", token: "tk_demo_chosen" }, "/token"],
    ["expiring in the past", { name: "k", expiresAt: "2001-01-01T00:00:00Z" }, "/expiresAt"],
    ["expiring at a local time", { name: "k", expiresAt: "2099-01-01T00:00:00" }, "/expiresAt"],
    ["expiring at no date", { name: "k", expiresAt: "tomorrow" }, "/expiresAt"],
    ["expiring at a number", { name: "k", expiresAt: 4102444800000 }, "/expiresAt"],
  ])("%s is refused (422) and makes no key", async (_what, body, path) => {
    const before = await keysOf(peer.id);
    const res = await t.admin.post(keysUrl(peer.id), body);
    expect(expectProblem(res, 422).errors.map((e) => e.path)).toContain(path);
    expect(await keysOf(peer.id)).toEqual(before);
  });

  it("for an unknown user is 404, for an inactive user 422, and makes no key", async () => {
    expectProblem(await t.admin.post(keysUrl("01NOSUCHUSER0000000000000"), { name: "k" }), 404);
    const leaving = await createUser(t.admin, "demo", { username: "inactive" });
    await setActive(leaving.id, false);
    const res = await t.admin.post(keysUrl(leaving.id), { name: "k" });
    expect(expectProblem(res, 422).errors.map((e) => e.code)).toEqual(["apiKey.inactiveUser"]);
    expect(await keysOf(leaving.id)).toEqual([]);
  });

  it.each([
    ["manageUsers", () => userAdmin],
    ["modifyAllData", () => dataAdmin],
  ])("may be done by a user holding %s alone", async (_permission, client) => {
    const created = await client().post<Json>(keysUrl(peer.id), { name: "by a delegate" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await keysOf(peer.id)).map((k) => k.id)).toContain(created.body.id);
  });
});

describe("non-admins cannot manage keys (403), not even their own", () => {
  it("creating, listing and revoking are refused and change nothing", async () => {
    const existing = await aKey(peer.id, { name: "peer's" });
    const before = await keysOf(peer.id);
    const repBefore = await keysOf(rep.id);
    expectProblem(await rep.client.post(keysUrl(rep.id), { name: "mine" }), 403);
    expectProblem(await rep.client.post(keysUrl(peer.id), { name: "theirs" }), 403);
    expectProblem(await rep.client.get(keysUrl(rep.id)), 403);
    expectProblem(await peer.client.get(keysUrl(peer.id)), 403);
    expectProblem(await peer.client.delete(`${keysUrl(peer.id)}/${existing.id}`), 403);
    expect(await keysOf(peer.id)).toEqual(before);
    expect(await keysOf(rep.id)).toEqual(repBefore);
    expect((await withToken(tokenOf(existing)).get("/api/v1/records/account")).status).toBe(200);
  });

  it("a key cannot make keys for its user when the user is no admin", async () => {
    const key = withToken(tokenOf(await aKey(rep.id)));
    const before = (await keysOf(rep.id)).map((k) => k.id);
    expectProblem(await key.post(keysUrl(rep.id), { name: "escalated" }), 403);
    expect((await keysOf(rep.id)).map((k) => k.id)).toEqual(before);
  });
});

describe("the token is never shown again", () => {
  it("no GET answers the token or its hash: the key list, the audit log, the user", async () => {
    const created = await aKey(rep.id, { name: "secret keeper" });
    const token = tokenOf(created);
    await withToken(token).get("/api/v1/records/account");
    const answers = [
      await t.admin.get(keysUrl(rep.id)),
      await t.admin.get("/api/v1/audit?limit=200"),
      await t.admin.get(`/api/v1/records/user/${rep.id}`),
      await t.admin.get("/api/v1/records/user?limit=200"),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(secretOf(token));
      expect(text).not.toContain(sha256(token));
    }
    const listed = (await keysOf(rep.id)).find((k) => k.id === created.id);
    expect(Object.keys(listed ?? {}).sort()).toEqual(
      [
        "createdAt",
        "createdBy",
        "expiresAt",
        "id",
        "lastUsedAt",
        "name",
        "prefix",
        "revokedAt",
        "userId",
      ].sort(),
    );
  });

  it("the tenant's SQLite files hold the token's hash, never the token", async () => {
    const created = await aKey(rep.id, { name: "on disk" });
    const token = tokenOf(created);
    const base = join(t.dataDir, "tenants", "demo.db");
    const files = await Promise.all(
      [base, `${base}-wal`].map((file) => readFile(file).catch(() => Buffer.alloc(0))),
    );
    const bytes = Buffer.concat(files);
    expect(bytes.includes(sha256(token))).toBe(true);
    expect(bytes.includes(token)).toBe(false);
    expect(bytes.includes(secretOf(token))).toBe(false);
    expect(bytes.includes(secretOf(token).slice(10))).toBe(false);
  });
});

describe("a key acts as its user, with exactly that user's access", () => {
  let key: ApiClient;
  beforeAll(async () => {
    key = withToken(tokenOf(await aKey(rep.id, { name: "acting" })));
  });

  it("lists and counts exactly the records the user's own session does", async () => {
    for (const path of ["/api/v1/records/account?limit=200", "/api/v1/records/opportunity?limit=200"]) {
      const viaKey = await key.get<{ records: Json[] }>(path);
      const viaSession = await rep.client.get<{ records: Json[] }>(path);
      expect(viaKey.status).toBe(200);
      expect(idsOf(viaKey.body)).toEqual(idsOf(viaSession.body));
    }
    expect(idsOf((await key.get<{ records: Json[] }>("/api/v1/records/account?limit=200")).body)).toEqual([
      repAccount,
    ]);
  });

  it("does not see another user's private record (404) nor admin-only routes (403)", async () => {
    expectProblem(await key.get(`/api/v1/records/account/${peerAccount}`), 404);
    expectProblem(await key.get("/api/v1/audit"), 403);
    expectProblem(await key.get("/api/v1/metadata/draft"), 403);
  });

  it("writes as the user: a created record is theirs, and its history names them", async () => {
    const created = await key.post<Json>("/api/v1/records/account", { name: "Made by the key" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ownerId: rep.id, createdBy: rep.id });
    expect((await rep.client.get(`/api/v1/records/account/${created.body.id}`)).status).toBe(200);
    expectProblem(await peer.client.get(`/api/v1/records/account/${created.body.id}`), 404);
  });

  it("notes when the key was last used", async () => {
    const created = await aKey(rep.id, { name: "used" });
    expect((await withToken(tokenOf(created)).get("/api/v1/records/account")).status).toBe(200);
    const listed = (await keysOf(rep.id)).find((k) => k.id === created.id);
    expect(typeof listed?.lastUsedAt).toBe("string");
  });

  it("is not a session: signing out with it is refused (400) and the key keeps working", async () => {
    const created = await aKey(rep.id, { name: "no logout" });
    const client = withToken(tokenOf(created));
    expect(expectProblem(await client.post("/api/v1/auth/logout"), 400).errors.map((e) => e.code)).toEqual([
      "auth.notASession",
    ]);
    expect((await client.get("/api/v1/records/account")).status).toBe(200);
  });
});

describe("a key stops working", () => {
  it("when revoked (401 at once); the list shows when, and the revocation is audited once", async () => {
    const created = await aKey(rep.id, { name: "to revoke" });
    const client = withToken(tokenOf(created));
    expect((await client.get("/api/v1/records/account")).status).toBe(200);
    expect((await t.admin.delete(`${keysUrl(rep.id)}/${created.id}`)).status).toBe(204);
    expectProblem(await client.get("/api/v1/records/account"), 401);
    const listed = (await keysOf(rep.id)).find((k) => k.id === created.id);
    expect(typeof listed?.revokedAt).toBe("string");
    const event = await latestAudit("apiKey.revoked");
    expect(event).toMatchObject({
      actorId: adminId,
      target: { object: "user", id: rep.id, name: "rep" },
      details: { apiKeyId: created.id, name: "to revoke" },
    });
    expect((await t.admin.delete(`${keysUrl(rep.id)}/${created.id}`)).status).toBe(204);
    expect((await latestAudit("apiKey.revoked"))?.id).toBe(event?.id);
    expect((await keysOf(rep.id)).find((k) => k.id === created.id)?.revokedAt).toBe(listed?.revokedAt);
  });

  it("revoking an unknown key, or another user's key through this user, is 404 and revokes nothing", async () => {
    const peers = await aKey(peer.id, { name: "peer's own" });
    expectProblem(await t.admin.delete(`${keysUrl(rep.id)}/${peers.id}`), 404);
    expectProblem(await t.admin.delete(`${keysUrl(rep.id)}/01NOSUCHKEY00000000000000`), 404);
    expect((await keysOf(peer.id)).find((k) => k.id === peers.id)?.revokedAt).toBeNull();
    expect((await withToken(tokenOf(peers)).get("/api/v1/records/account")).status).toBe(200);
  });

  it("when it has expired (401)", async () => {
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const created = await aKey(rep.id, { name: "short-lived", expiresAt });
    const client = withToken(tokenOf(created));
    expect((await client.get("/api/v1/records/account")).status).toBe(200);
    await waitUntil(expiresAt);
    expectProblem(await client.get("/api/v1/records/account"), 401);
  });

  it("when its user is deactivated (401 at once), and reactivating the user does not bring it back", async () => {
    const leaver = await createUser(t.admin, "demo", { username: "integrator" });
    const created = await aKey(leaver.id, { name: "integration of a leaver" });
    const client = withToken(tokenOf(created));
    expect((await client.get("/api/v1/records/account")).status).toBe(200);
    await setActive(leaver.id, false);
    expectProblem(await client.get("/api/v1/records/account"), 401);
    await setActive(leaver.id, true);
    expectProblem(await client.get("/api/v1/records/account"), 401);
    expect(typeof (await keysOf(leaver.id))[0]?.revokedAt).toBe("string");
  });
});

describe("keys are bound to their tenant, and malformed keys are refused (401)", () => {
  it.each([
    ["demo's key relabelled for acme", (token: string) => `tk_${OTHER_TENANT}_${secretOf(token)}`],
    ["demo's key as an acme session token", (token: string) => `${OTHER_TENANT}.${secretOf(token)}`],
    ["demo's key as a demo session token", (token: string) => `demo.${secretOf(token)}`],
    ["demo's key for a tenant that does not exist", (token: string) => `tk_nosuchtenant_${secretOf(token)}`],
    ["without its tenant", (token: string) => `tk__${secretOf(token)}`],
    ["without the separator", (token: string) => `tk_demo${secretOf(token)}`],
    ["with an upper-case tenant", (token: string) => `tk_DEMO_${secretOf(token)}`],
    ["with a path as its tenant", (token: string) => `tk_..%2Fdemo_${secretOf(token)}`],
    ["cut short", (token: string) => token.slice(0, -1)],
    ["one character longer", (token: string) => `${token}A`],
    ["with a session suffix", (token: string) => `${token}.x`],
    ["with its secret changed", (token: string) => `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`],
    ["only its prefix", (_token: string, prefix: string) => prefix],
  ])("%s", async (_what, variant) => {
    const created = await aKey(rep.id, { name: "tenant-bound" });
    const forged = variant(tokenOf(created), String(created.prefix));
    for (const path of ["/api/v1/records/account", "/api/v1/metadata/objects"])
      expectProblem(await withToken(forged).get(path), 401);
    expect((await withToken(tokenOf(created)).get("/api/v1/records/account")).status).toBe(200);
  });

  it("acme's admin cannot see or revoke demo's keys (404), nor make keys for demo's users", async () => {
    const acme = apiClient(t.server.url);
    expect((await acme.login(OTHER_TENANT, "admin", PASSWORD)).status).toBe(200);
    const created = await aKey(rep.id, { name: "demo only" });
    expectProblem(await acme.get(keysUrl(rep.id)), 404);
    expectProblem(await acme.delete(`${keysUrl(rep.id)}/${created.id}`), 404);
    expectProblem(await acme.post(keysUrl(rep.id), { name: "cross-tenant" }), 404);
    expect((await keysOf(rep.id)).find((k) => k.id === created.id)?.revokedAt).toBeNull();
    expect((await withToken(tokenOf(created)).get("/api/v1/records/account")).status).toBe(200);
  });
});
