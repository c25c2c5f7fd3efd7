import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceLineObject, invoiceObject } from "../support/invoice-objects.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

type Json = Record<string, unknown>;
type List = { records: Json[]; nextCursor: string | null; total?: number };

let t: TestServer;
let accountId: string;

const list = async (query: string) => (await t.admin.get<List>(`/api/v1/records/invoice?${query}`)).body;

beforeAll(async () => {
  t = await startTestServer();
  expect((await t.admin.put("/api/v1/metadata/draft/object/invoice", invoiceObject())).status).toBe(200);
  expect((await t.admin.put("/api/v1/metadata/draft/object/invoiceLine", invoiceLineObject())).status).toBe(
    200,
  );
  const published = await t.admin.post("/api/v1/metadata/publish", {});
  expect(published.status).toBe(200);
  const accounts = await t.admin.get<List>("/api/v1/records/account?limit=1");
  accountId = String(accounts.body.records[0]?.id);
});

afterAll(async () => {
  await t?.close();
});

describe("a new object defined through the API", () => {
  it("is described by the metadata API once published", async () => {
    const objects = await t.admin.get<{ objects: Array<{ name: string }> }>("/api/v1/metadata/objects");
    expect(objects.body.objects.map((o) => o.name)).toEqual(
      expect.arrayContaining(["invoice", "invoiceLine", "account"]),
    );
    type Described = { object: { fields: Array<{ name: string; type: string }> } };
    const invoice = await t.admin.get<Described>("/api/v1/metadata/objects/invoice");
    const line = await t.admin.get<Described>("/api/v1/metadata/objects/invoiceLine");
    const types = [...invoice.body.object.fields, ...line.body.object.fields].map((f) => f.type);
    expect(new Set(types).size).toBe(23);
  });

  it("creates a record with coercion, defaults, autoNumber, formula and a lookup shown by name", async () => {
    const created = await t.admin.post("/api/v1/records/invoice", {
      title: "  Consulting  ",
      amount: "1,200.50",
      discount: "12.5%",
      dueDate: "2027/01/31",
      sentAt: "2026-11-20T10:00:00+08:00",
      reminderAt: "09:30",
      tags: "rush;vip",
      account: accountId,
      contactEmail: "Buyer@Example.COM",
      body: "<p>Hello<script>alert(1)</script></p>",
      location: "31.23,121.47",
    });
    expect(created.status).toBe(201);
    const r = created.body;
    expect(r).toMatchObject({
      version: 1,
      number: "INV-0001",
      amount: 1200.5,
      discount: 12.5,
      dueDate: "2027-01-31",
      sentAt: "2026-11-20T02:00:00.000Z",
      reminderAt: "09:30:00",
      tags: ["vip", "rush"],
      status: "draft",
      paid: false,
      gross: 1356.57,
      contactEmail: "Buyer@example.com",
      body: "<p>Hello</p>",
      location: { lat: 31.23, lng: 121.47 },
      linesTotal: 0,
      lineCount: 0,
    });
    expect(r.account).toMatchObject({ id: accountId, name: expect.any(String) });
    expect(created.headers.get("etag")).toBe('"1"');
  });

  it("numbers records without gaps", async () => {
    const second = await t.admin.post("/api/v1/records/invoice", { title: "Second", amount: 10 });
    expect(second.body.number).toBe("INV-0002");
    const refused = await t.admin.post("/api/v1/records/invoice", { title: "Bad", amount: -1 });
    expect(refused.status).toBe(422);
    const third = await t.admin.post("/api/v1/records/invoice", { title: "Third", amount: 30 });
    expect(third.body.number).toBe("INV-0003");
  });

  it("refuses bad input with every problem's pointer and stores nothing", async () => {
    const before = (await list("count=true")).total;
    const bad = await t.admin.post<{ errors: Array<{ path: string; code: string }> }>(
      "/api/v1/records/invoice",
      {
        title: "x",
        amount: "lots",
        ownerId: "someone",
        nope: 1,
        status: "archived",
        gross: 5,
      },
    );
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual([
      "/amount",
      "/gross",
      "/nope",
      "/ownerId",
      "/status",
    ]);
    expect((await list("count=true")).total).toBe(before);
  });

  it("applies validation rules with their message on their field", async () => {
    const res = await t.admin.post<{ errors: Json[] }>("/api/v1/records/invoice", {
      title: "Sent",
      amount: 1,
      status: "sent",
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { path: "/account", code: "rule.sentNeedsAccount", message: "A sent invoice needs an account" },
    ]);
  });

  it("refuses a reference to a record that does not exist", async () => {
    const res = await t.admin.post<{ errors: Json[] }>("/api/v1/records/invoice", {
      title: "X",
      amount: 1,
      account: "00000000000000000000000000",
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: "/account", code: "field.unknownReference" });
  });

  it("enforces unique fields in the store", async () => {
    await t.admin.post("/api/v1/records/invoice", {
      title: "U1",
      amount: 1,
      contactEmail: "unique@example.com",
    });
    const dup = await t.admin.post<{ errors: Json[] }>("/api/v1/records/invoice", {
      title: "U2",
      amount: 1,
      contactEmail: "unique@example.com",
    });
    expect(dup.status).toBe(422);
    expect(dup.body.errors[0]).toMatchObject({ path: "/contactEmail", code: "field.notUnique" });
  });

  it("updates with optimistic concurrency and records field history", async () => {
    const created = await t.admin.post("/api/v1/records/invoice", { title: "Versioned", amount: 100 });
    const id = String(created.body.id);
    const updated = await t.admin.patch(`/api/v1/records/invoice/${id}`, { amount: 150, status: "paid" }, 1);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, amount: 150, gross: 169.5, status: "paid" });
    const stale = await t.admin.patch(`/api/v1/records/invoice/${id}`, { amount: 1 }, 1);
    expect(stale.status).toBe(409);
    expect((await t.admin.get(`/api/v1/records/invoice/${id}`)).body.amount).toBe(150);
    const history = await t.admin.get<{ entries: Json[] }>(`/api/v1/records/invoice/${id}/history`);
    expect(history.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "amount", oldValue: 100, newValue: 150, version: 2 }),
        expect.objectContaining({ field: "status", oldValue: "draft", newValue: "paid", version: 2 }),
      ]),
    );
    const missing = await t.admin.request("PATCH", `/api/v1/records/invoice/${id}`, { amount: 1 });
    expect(missing.status).toBe(428);
  });

  it("lets exactly one of several concurrent updates from one version win", async () => {
    const created = await t.admin.post("/api/v1/records/invoice", { title: "Race", amount: 1 });
    const id = String(created.body.id);
    const results = await Promise.all(
      [2, 3, 4, 5, 6].map((amount) => t.admin.patch(`/api/v1/records/invoice/${id}`, { amount }, 1)),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(4);
    const winner = results.find((r) => r.status === 200)?.body.amount;
    expect((await t.admin.get(`/api/v1/records/invoice/${id}`)).body).toMatchObject({
      version: 2,
      amount: winner,
    });
  });

  it("keeps rollups current and cascades master-detail deletes", async () => {
    const invoice = await t.admin.post("/api/v1/records/invoice", { title: "With lines", amount: 5 });
    const id = String(invoice.body.id);
    for (const lineAmount of [10, 20.5, 30]) {
      expect(
        (
          await t.admin.post("/api/v1/records/invoiceLine", {
            description: `L${lineAmount}`,
            invoice: id,
            lineAmount,
          })
        ).status,
      ).toBe(201);
    }
    expect((await t.admin.get(`/api/v1/records/invoice/${id}`)).body).toMatchObject({
      linesTotal: 60.5,
      lineCount: 3,
    });
    const lines = await t.admin.get<List>(
      `/api/v1/records/invoiceLine?filter=${encodeURIComponent(JSON.stringify({ "==": [{ var: "invoice" }, id] }))}`,
    );
    expect(lines.body.records).toHaveLength(3);
    const first = lines.body.records[0] as Json;
    expect((await t.admin.delete(`/api/v1/records/invoiceLine/${first.id}`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/records/invoice/${id}`)).body).toMatchObject({ lineCount: 2 });
    expect((await t.admin.delete(`/api/v1/records/invoice/${id}`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/records/invoice/${id}`)).status).toBe(404);
    const orphans = await t.admin.get<List>(
      `/api/v1/records/invoiceLine?filter=${encodeURIComponent(JSON.stringify({ "==": [{ var: "invoice" }, id] }))}`,
    );
    expect(orphans.body.records).toHaveLength(0);
  });
});

describe("listing records", () => {
  beforeAll(async () => {
    for (let i = 0; i < 25; i += 1) {
      await t.admin.post("/api/v1/records/invoice", {
        title: `Bulk ${String(i).padStart(2, "0")}`,
        amount: i * 10,
        status: i % 2 === 0 ? "paid" : "draft",
        dueDate: `2027-02-${String((i % 28) + 1).padStart(2, "0")}`,
      });
    }
  });

  it("filters, sorts and pages with a stable cursor", async () => {
    const filter = encodeURIComponent(
      JSON.stringify({
        and: [
          { "==": [{ var: "status" }, "paid"] },
          { ">=": [{ var: "amount" }, 50] },
          { startsWith: [{ var: "title" }, "bulk"] },
        ],
      }),
    );
    const seen: number[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const page: List = await list(
        `filter=${filter}&sort=-amount&limit=4&count=true${cursor ? `&cursor=${cursor}` : ""}`,
      );
      if (pages === 0) expect(page.total).toBe(10);
      for (const r of page.records) seen.push(Number(r.amount));
      cursor = page.nextCursor;
      pages += 1;
      if (pages === 1)
        await t.admin.post("/api/v1/records/invoice", { title: "Bulk late", amount: 1000, status: "paid" });
    }
    expect(seen).toEqual([240, 220, 200, 180, 160, 140, 120, 100, 80, 60]);
  });

  it("searches text fields with q", async () => {
    const page = await list("q=BULK%2007");
    expect(page.records.map((r) => r.title)).toEqual(["Bulk 07"]);
  });

  it("projects the requested fields", async () => {
    const page = await list("fields=title&limit=1");
    expect(Object.keys(page.records[0] ?? {}).sort()).toEqual([
      "createdAt",
      "createdBy",
      "id",
      "ownerId",
      "title",
      "updatedAt",
      "updatedBy",
      "version",
    ]);
  });

  it("answers bad list parameters with 400 and a pointer", async () => {
    const bad = async (query: string) =>
      await t.admin.get<{ errors: Array<{ path: string }> }>(`/api/v1/records/invoice?${query}`);
    expect((await bad(`filter=${encodeURIComponent('{"+": [1, 2]}')}`)).status).toBe(400);
    const unknown = await bad(`filter=${encodeURIComponent('{"==": [{"var": "nope"}, 1]}')}`);
    expect(unknown.body.errors[0]?.path).toMatch(/^\/filter/);
    expect((await bad("sort=nope")).body.errors[0]?.path).toBe("/sort/0");
    expect((await bad("limit=500")).body.errors[0]?.path).toBe("/limit");
    expect((await bad("cursor=garbage")).body.errors[0]?.path).toBe("/cursor");
    expect((await bad("fields=nope")).body.errors[0]?.path).toBe("/fields/0");
    expect((await bad("filter=not-json")).status).toBe(400);
  });
});
