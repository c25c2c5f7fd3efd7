import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../security/support/org-admin.js";
import { permissionSet } from "../../security/support/security-documents.js";
import type { ApiClient } from "../support/api-client.js";
import { expectProblem } from "../support/problem-assertions.js";
import {
  type AutomationServer,
  automation,
  createRecord,
  type LogEntry,
  startAutomationServer,
} from "./automation-fixture.js";

let s: AutomationServer;
let rep: ApiClient;
let dataAdmin: ApiClient;

const SETTINGS = "/api/v1/automation/settings";
const SECRET = "/api/v1/automation/webhook-secret";

beforeAll(async () => {
  s = await startAutomationServer([
    permissionSet("dataAdmin", { system: { modifyAllData: true, viewAllData: true } }),
    automation("hotLeads", "lead", { type: "create" }, [
      { type: "fieldUpdate", field: "rating", value: "hot" },
    ]),
  ]);
  rep = (await createUser(s.admin, "demo", { username: "rep" })).client;
  dataAdmin = (await createUser(s.admin, "demo", { username: "dataadmin", permissionSets: ["dataAdmin"] }))
    .client;
  expect((await s.admin.put(SETTINGS, { webhookAllowlist: ["127.0.0.1"] })).status).toBe(200);
}, 60_000);
afterAll(async () => s?.close());

const allowlist = async () =>
  (await s.admin.get<{ webhookAllowlist: string[] }>(SETTINGS)).body.webhookAllowlist;
const secret = async () => (await s.admin.get<{ secret: string }>(SECRET)).body.secret;

describe("who may use the automation admin API", () => {
  it("refuses a standard user everything with 403, changing nothing", async () => {
    const before = await secret();
    for (const path of ["log", "outbox", "jobs", "settings", "webhook-secret"])
      expectProblem(await rep.get(`/api/v1/automation/${path}`), 403);
    expectProblem(await rep.put(SETTINGS, { webhookAllowlist: ["10.0.0.0/8"] }), 403);
    expectProblem(await rep.post(SECRET), 403);
    expect(await allowlist()).toEqual(["127.0.0.1"]);
    expect(await secret()).toBe(before);
  });

  it("lets a data administrator read the log and settings, but not change settings or see the secret", async () => {
    expect((await dataAdmin.get("/api/v1/automation/log")).status).toBe(200);
    expect((await dataAdmin.get(SETTINGS)).body).toEqual({ webhookAllowlist: ["127.0.0.1"] });
    expectProblem(await dataAdmin.put(SETTINGS, { webhookAllowlist: [] }), 403);
    expectProblem(await dataAdmin.get(SECRET), 403);
    expect(await allowlist()).toEqual(["127.0.0.1"]);
  });

  it("answers 401 to a caller who is not signed in", async () => {
    expectProblem(await s.t.anonymous().get("/api/v1/automation/log"), 401);
    expectProblem(await s.t.anonymous().put(SETTINGS, { webhookAllowlist: [] }), 401);
    expect(await allowlist()).toEqual(["127.0.0.1"]);
  });
});

describe("the webhook allow-list", () => {
  it("keeps host names in lower case, with IP addresses and CIDR ranges", async () => {
    const put = await s.admin.put(SETTINGS, {
      webhookAllowlist: ["Hooks.Example.COM", "10.1.0.0/16", "::1"],
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ webhookAllowlist: ["hooks.example.com", "10.1.0.0/16", "::1"] });
    expect(await allowlist()).toEqual(["hooks.example.com", "10.1.0.0/16", "::1"]);
    expect((await s.admin.put(SETTINGS, { webhookAllowlist: ["127.0.0.1"] })).status).toBe(200);
  });

  it("refuses an entry that is no host, address or range with 422 naming it, changing nothing", async () => {
    const refused = expectProblem(
      await s.admin.put(SETTINGS, { webhookAllowlist: ["127.0.0.1", "http://evil.example/", "10.0.0.0/33"] }),
      422,
    );
    expect(refused.errors.map((e) => e.path)).toEqual(["/webhookAllowlist/1", "/webhookAllowlist/2"]);
    expect(await allowlist()).toEqual(["127.0.0.1"]);
  });

  it("refuses a body with other keys, or no list, with 422", async () => {
    expectProblem(await s.admin.put(SETTINGS, { webhookAllowlist: [], secret: "x" }), 422);
    expectProblem(await s.admin.put(SETTINGS, { webhookAllowlist: "127.0.0.1" }), 422);
    expect(await allowlist()).toEqual(["127.0.0.1"]);
  });
});

describe("reading the automation log", () => {
  it("pages newest first with a cursor", async () => {
    for (const name of ["First", "Second", "Third"])
      await createRecord(s.admin, "lead", { lastName: name, company: "Paging Co", status: "new" });
    const first = await s.admin.get<{ entries: LogEntry[]; nextCursor: string | null }>(
      "/api/v1/automation/log?kind=automation&limit=2",
    );
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(first.body.entries[1]?.id);
    const next = await s.admin.get<{ entries: LogEntry[] }>(
      `/api/v1/automation/log?kind=automation&limit=2&cursor=${first.body.nextCursor}`,
    );
    const ids = [...first.body.entries, ...next.body.entries].map((e) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("answers 400 to an unknown kind, a bad limit or a bad cursor", async () => {
    expect(expectProblem(await s.admin.get("/api/v1/automation/log?kind=magic"), 400).errors[0]?.path).toBe(
      "/kind",
    );
    expectProblem(await s.admin.get("/api/v1/automation/log?limit=0"), 400);
    expectProblem(await s.admin.get("/api/v1/automation/log?cursor=not-a-cursor"), 400);
    expectProblem(await s.admin.get("/api/v1/automation/outbox?status=lost"), 400);
  });
});
