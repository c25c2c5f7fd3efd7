import { installPackage, MetadataCache, readPackage } from "@tessera/engine";
import type { MetadataDocument } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { number, text, textarea } from "../../metadata/builders.js";
import type { ApiClient } from "../support/api-client.js";
import { writeFixturePlugin } from "../support/fixture-plugin.js";
import { anObject } from "../support/object-builder.js";
import { createTemplateTenant } from "../support/template-tenant.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

type Row = Record<string, unknown>;
type List = { records: Row[] };

const ticket = anObject("ticket")
  .sharedAs("publicReadWrite")
  .withField(text("title", { required: true }), textarea("body"), number("priority"), text("code"))
  .build();
const ticketLog = anObject("ticketLog")
  .sharedAs("publicReadWrite")
  .withField(text("entry", { required: true }))
  .build();

// Plain JavaScript, as a built plugin is: everything arrives through the API object.
const SERVER = `
export const plugin = {
  name: "helpdesk",
  setup(api) {
    api.beforeSave("ticket", (event, ctx) => {
      if (event.values.priority === 13) ctx.fail({ path: "/priority", message: "13 is not a priority we use." });
      if (event.values.title === "crash") throw new Error("the plugin tripped");
      event.values.title = String(event.values.title).trim().replace(/\\s+/g, " ");
      if (event.operation === "create") event.values.code = "T-" + event.id.slice(-4);
    });
    api.afterSave("ticket", async (event, ctx) => {
      await ctx.records.create("ticketLog", { entry: event.operation + " " + event.record.title + " by " + ctx.user.id });
      if (event.record.title === "after fails") throw new Error("log service down");
    });
    api.route("post", "/tickets/:id/escalate", async (request, ctx) => {
      const current = await ctx.records.get("ticket", request.params.id);
      const next = await ctx.records.update("ticket", current.id, current.version, { priority: 1 });
      return { body: { id: next.id, priority: next.priority, by: ctx.user.id, note: request.body?.note ?? null } };
    });
    api.route("get", "/whoami", async (_request, ctx) => ({ body: { tenant: ctx.tenant, user: ctx.user.id } }));
    api.action("stamp", {
      paramsSchema: { type: "object", properties: { prefix: { type: "string" } }, required: ["prefix"], additionalProperties: false },
      run: async ({ object, record, params }, ctx) => {
        await ctx.records.create("ticketLog", { entry: params.prefix + " " + object + " " + record.title + " as " + ctx.user.id });
      },
    });
    api.job("nightly", {
      everyMinutes: 60,
      run: async (ctx) => { await ctx.records.create("ticketLog", { entry: "nightly in " + ctx.tenant }); },
    });
  },
};
`;

const stampUrgent: MetadataDocument = {
  kind: "automation",
  name: "stampUrgent",
  object: "ticket",
  label: { en: "Stamp urgent tickets" },
  active: true,
  trigger: { type: "create" },
  condition: { "==": [{ var: "priority" }, 1] },
  actions: [{ type: "plugin", package: "helpdesk", action: "stamp", params: { prefix: "URGENT" } }],
};

let t: TestServer;
let admin: ApiClient;
let other: ApiClient;

const logEntries = async (client: ApiClient): Promise<string[]> =>
  (await client.get<List>("/api/v1/records/ticketLog?sort=createdAt&limit=200")).body.records.map((r) =>
    String(r.entry),
  );

beforeAll(async () => {
  const { pluginsDir, packageDir } = await writeFixturePlugin(
    "helpdesk",
    [ticket, ticketLog, stampUrgent],
    SERVER,
  );
  t = await startTestServer({ config: { pluginsDir } });
  admin = t.admin;
  // The demo tenant gets the package; "plain" does not, and must not see any of it.
  const store = await t.server.store.tenant("demo");
  const me = await admin.get<List>(
    `/api/v1/records/user?filter=${encodeURIComponent(JSON.stringify({ "==": [{ var: "username" }, "admin"] }))}`,
  );
  await installPackage(store, new MetadataCache(), await readPackage(packageDir), {
    actor: String(me.body.records[0]?.id),
  });
  other = await createTemplateTenant(t, "plain", "standard");
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("before-save hooks", () => {
  it("change the values being written, on create and update", async () => {
    const created = await admin.post<Row>("/api/v1/records/ticket", { title: "  Printer   on fire " });
    expect(created.status).toBe(201);
    expect(created.body.title).toBe("Printer on fire");
    expect(created.body.code).toBe(`T-${String(created.body.id).slice(-4)}`);
    const updated = await admin.patch<Row>(
      `/api/v1/records/ticket/${String(created.body.id)}`,
      { title: " a   b " },
      1,
    );
    expect(updated.body.title).toBe("a b");
  });

  it("refuse a write with the plugin's problem, and nothing is stored", async () => {
    const refused = await admin.post<{ errors: Row[] }>("/api/v1/records/ticket", {
      title: "Unlucky",
      priority: 13,
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.body.errors).toEqual([
      { path: "/priority", code: "plugin.helpdesk.rejected", message: "13 is not a priority we use." },
    ]);
    const found = await admin.get<List>(
      `/api/v1/records/ticket?filter=${encodeURIComponent(JSON.stringify({ "==": [{ var: "title" }, "Unlucky"] }))}`,
    );
    expect(found.body.records).toEqual([]);
  });

  it("that throw fail the write with a clear error, and nothing is stored", async () => {
    const before = await logEntries(admin);
    const failed = await admin.post<{ title: string }>("/api/v1/records/ticket", { title: "crash" });
    expect(failed.status).toBe(500);
    expect(failed.body.title).toContain('"helpdesk" plugin failed: the plugin tripped');
    const found = await admin.get<List>(
      `/api/v1/records/ticket?filter=${encodeURIComponent(JSON.stringify({ "==": [{ var: "title" }, "crash"] }))}`,
    );
    expect(found.body.records).toEqual([]);
    expect(await logEntries(admin)).toEqual(before);
  });
});

describe("after-save hooks", () => {
  it("run after the write with the acting user's access", async () => {
    const created = await admin.post<Row>("/api/v1/records/ticket", { title: "Logged" });
    expect(created.status).toBe(201);
    expect(await logEntries(admin)).toContain(`create Logged by ${String(created.body.createdBy)}`);
  });

  it("that fail leave the write standing and say so in the automation log", async () => {
    const created = await admin.post<Row>("/api/v1/records/ticket", { title: "after fails" });
    expect(created.status).toBe(201);
    const log = await admin.get<{ entries: Row[] }>("/api/v1/automation/log?limit=50");
    expect(log.body.entries).toContainEqual(
      expect.objectContaining({
        status: "failed",
        name: "plugin:helpdesk",
        recordId: created.body.id,
        message: 'After-save hook of "helpdesk" failed: log service down',
      }),
    );
  });
});

describe("routes", () => {
  it("serve under /api/v1/plugins/<package>/ with the caller's identity", async () => {
    const created = await admin.post<Row>("/api/v1/records/ticket", { title: "Slow VPN", priority: 3 });
    const res = await admin.post<Row>(
      `/api/v1/plugins/helpdesk/tickets/${String(created.body.id)}/escalate`,
      {
        note: "CEO",
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: created.body.id, priority: 1, by: created.body.createdBy, note: "CEO" });
  });

  it("answer problems of the record pipeline as the record API does", async () => {
    const res = await admin.post<{ status: number }>(
      "/api/v1/plugins/helpdesk/tickets/01NOSUCHTICKET/escalate",
      {},
    );
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("need a signed-in user, and do not exist in tenants without the package", async () => {
    expect((await t.anonymous().get("/api/v1/plugins/helpdesk/whoami")).status).toBe(401);
    expect((await admin.get<Row>("/api/v1/plugins/helpdesk/whoami")).body).toMatchObject({ tenant: "demo" });
    expect((await other.get("/api/v1/plugins/helpdesk/whoami")).status).toBe(404);
  });
});

describe("scheduled jobs", () => {
  it("run in tenants with the package, as their admin", async () => {
    expect(await t.server.runPluginJob("demo", "helpdesk", "nightly")).toBe(true);
    expect(await logEntries(admin)).toContain("nightly in demo");
    expect(await t.server.runPluginJob("plain", "helpdesk", "nightly")).toBe(false);
  });
});

describe("automation actions", () => {
  it("run a plugin's action after the write, as the user who triggered it", async () => {
    const created = await admin.post<Row>("/api/v1/records/ticket", { title: "Server down", priority: 1 });
    expect(created.status).toBe(201);
    const expected = `URGENT ticket Server down as ${String(created.body.createdBy)}`;
    await expect.poll(() => logEntries(admin), { timeout: 10_000 }).toContain(expected);
    await admin.post<Row>("/api/v1/records/ticket", { title: "Typo on site", priority: 4 });
    const log = await admin.get<{ entries: Row[] }>("/api/v1/automation/log?limit=100");
    expect(log.body.entries.filter((e) => e.message === "Ran helpdesk.stamp.")).toHaveLength(1);
  });

  it("refuse an automation naming a package the tenant does not have", async () => {
    const put = await admin.put<{ errors: Row[] }>("/api/v1/metadata/draft/automation/stampOther", {
      ...stampUrgent,
      name: "stampOther",
      actions: [{ type: "plugin", package: "not-installed", action: "stamp" }],
    });
    expect(put.status).toBe(422);
    expect(put.body.errors).toContainEqual(
      expect.objectContaining({ code: "automation.unknownPackage", path: "/actions/0/package" }),
    );
    const draft = await admin.get<{ documents: Row[] }>("/api/v1/metadata/draft/documents");
    expect(draft.body.documents.some((d) => d.name === "stampOther")).toBe(false);
  });
});
