import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

type UiObject = {
  layouts: Array<{ name: string; sections: Array<{ id: string; items: Array<{ field: string }> }> }>;
  listViews: Array<{ name: string; columns: string[] }>;
};

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  const installed = await t.admin.post("/api/v1/packages/customer-feedback/install", {});
  expect(installed.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe("GET /api/v1/ui/objects/{name}", () => {
  it("keeps the system fields a layout or list view shows: every reader of the record sees them", async () => {
    const res = await t.admin.get<UiObject>("/api/v1/ui/objects/feedback");
    expect(res.status).toBe(200);
    const system = res.body.layouts.flatMap((l) => l.sections).find((s) => s.id === "system");
    expect(system?.items.map((i) => i.field)).toEqual(["ownerId", "createdAt", "updatedAt"]);
    const unhappy = res.body.listViews.find((v) => v.name === "unhappyCustomers");
    expect(unhappy?.columns).toContain("ownerId");
  });

  it("lets a list request name those system fields in fields=, which every record carries", async () => {
    const res = await t.admin.get<{ records: Array<Record<string, unknown>> }>(
      "/api/v1/records/account?fields=name,ownerId,createdAt&limit=2",
    );
    expect(res.status).toBe(200);
    expect(res.body.records[0]).toMatchObject({ ownerId: expect.any(String), createdAt: expect.any(String) });
    expect(Object.keys(res.body.records[0] ?? {})).not.toContain("industry");
  });
});
