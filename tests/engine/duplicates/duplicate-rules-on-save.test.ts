import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newRecordId } from "../../../engine/src/records/record-id.js";
import { countRecords, expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import {
  buildVendorWorld,
  create,
  expectStatus,
  type Json,
  read,
  type VendorWorld,
} from "./vendor-fixture.js";

let t: TestServer;
let w: VendorWorld;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildVendorWorld(t);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const duplicatesOf = (record: Json) => record._duplicates as Array<Json> | undefined;

describe("an alert rule", () => {
  it("saves a record with a similar company name and lists the match in _duplicates", async () => {
    const first = await create(w.admin, "vendor", { name: "Acme Technology Co., Ltd." });
    const second = await create(w.admin, "vendor", { name: "ACME Technology Ltd" });
    expect(duplicatesOf(second)).toEqual([
      { rule: "vendorName", label: "vendorName", id: first.id, name: "Acme Technology Co., Ltd." },
    ]);
    expect((await read(w.admin, "vendor", String(second.id))).body).not.toHaveProperty("_duplicates");
  });

  it("matches Chinese legal forms (有限公司 / 集团) and near spellings", async () => {
    const first = await create(w.admin, "vendor", { name: "杭州西湖智能装备有限公司" });
    const group = await create(w.admin, "vendor", { name: "杭州西湖智能装备集团" });
    expect(duplicatesOf(group)?.map((d) => d.id)).toEqual([first.id]);
    const latin = await create(w.admin, "vendor", { name: "Northwind Logistics" });
    const typo = await create(w.admin, "vendor", { name: "Northwind Logistic Inc." });
    expect(duplicatesOf(typo)?.map((d) => d.id)).toEqual([latin.id]);
  });

  it("adds nothing when no record matches", async () => {
    const record = await create(w.admin, "vendor", { name: "Completely Different Foods" });
    expect(record).not.toHaveProperty("_duplicates");
  });

  it("matches phone numbers however they are written", async () => {
    const first = await create(w.admin, "vendor", { name: "Phone One", phone: "+86 138-0013-8000" });
    const second = await create(w.admin, "vendor", { name: "Second Phone Holder", phone: "13800138000" });
    expect(duplicatesOf(second)).toEqual([
      { rule: "vendorPhone", label: "vendorPhone", id: first.id, name: "Phone One" },
    ]);
    const landline = await create(w.admin, "vendor", { name: "Harbour Plumbing", phone: "+86 21 5888 1200" });
    const dialled = await create(w.admin, "vendor", { name: "Quantum Optics", phone: "021-5888-1200" });
    expect(duplicatesOf(dialled)?.map((d) => d.id)).toEqual([landline.id]);
  });

  it("alerts on an update that makes a record similar to another", async () => {
    const first = await create(w.admin, "vendor", { name: "Globex Industrial" });
    const other = await create(w.admin, "vendor", { name: "Initech Systems" });
    const patched = expectStatus(
      await w.admin.patch<Json>(`/api/v1/records/vendor/${other.id}`, { name: "Globex Industrial Corp" }, 1),
      200,
    );
    expect(patched.body).toMatchObject({ name: "Globex Industrial Corp", version: 2 });
    expect(duplicatesOf(patched.body)?.map((d) => d.id)).toEqual([first.id]);
  });

  it("is not applied when its fields do not change", async () => {
    const first = await create(w.admin, "vendor", { name: "Umbrella Pharma" });
    const second = await create(w.admin, "vendor", { name: "Umbrella Pharma Ltd" });
    expect(duplicatesOf(second)?.map((d) => d.id)).toEqual([first.id]);
    const patched = expectStatus(
      await w.admin.patch<Json>(
        `/api/v1/records/vendor/${second.id}`,
        { email: "sales@umbrella.example" },
        1,
      ),
      200,
    );
    expect(patched.body).not.toHaveProperty("_duplicates");
  });

  it("names only matches the user may see, under rules whose fields they may read", async () => {
    await create(w.admin, "vendor", { name: "Hidden Harbour Shipping", phone: "13912345678" });
    // The clerk cannot see the admin's vendor: no alert names it.
    const own = await create(w.clerk, "vendor", { name: "Hidden Harbour Shipping Co., Ltd." });
    expect(own).not.toHaveProperty("_duplicates");
    const mine = await create(w.clerk, "vendor", { name: "Clerk Own Supplies", city: "Ningbo" });
    const again = await create(w.clerk, "vendor", { name: "Clerk Own Supplies Limited" });
    expect(duplicatesOf(again)?.map((d) => d.id)).toEqual([mine.id]);
  });

  it("compares with records another server wrote once it has read them, never with deleted ones", async () => {
    const gone = await create(w.admin, "vendor", { name: "Zephyr Freight Forwarding" });
    expectStatus(await w.admin.delete(`/api/v1/records/vendor/${gone.id}`), 204);
    expect(await create(w.admin, "vendor", { name: "Zephyr Freight Forwarding Ltd" })).not.toHaveProperty(
      "_duplicates",
    );
    const store = await t.server.store.tenant("demo");
    const [admin] = (
      await store.findRecords("user", {
        filter: { op: "compare", field: "username", operator: "==", value: "admin" },
        sort: [],
        limit: 1,
      })
    ).records;
    const stamp = new Date().toISOString();
    const id = newRecordId();
    const by = String(admin?.id);
    await store.insertRecords("vendor", [
      {
        id,
        version: 1,
        ownerId: by,
        createdAt: stamp,
        createdBy: by,
        updatedAt: stamp,
        updatedBy: by,
        name: "Quokka Robotics",
      },
    ]);
    // Another server's writes are read at the next sync (at most a second apart).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const similar = await create(w.admin, "vendor", { name: "Quokka Robotics Inc." });
    expect(duplicatesOf(similar)?.map((d) => d.id)).toEqual([id]);
  });

  it("is not applied when inactive", async () => {
    await create(w.admin, "vendor", { name: "City One Trading", city: "Suzhou" });
    const second = await create(w.admin, "vendor", { name: "Another Name Entirely", city: "Suzhou" });
    expect(second).not.toHaveProperty("_duplicates");
  });
});

describe("a block rule", () => {
  it("refuses a create with the same tax id but for case, spaces around and punctuation, at the rule's field, and stores nothing", async () => {
    const first = await create(w.admin, "vendor", { name: "Tax Holder One", taxId: "91310000-MA1K" });
    const before = await countRecords(w.admin, "vendor");
    const refused = await w.admin.post("/api/v1/records/vendor", {
      name: "Tax Holder Two",
      taxId: " 91310000ma1k ",
    });
    const problem = expectProblem(refused, 422);
    expect(problem.code).toBe("record.duplicate");
    expect(problem.errors).toEqual([
      {
        path: "/taxId",
        code: "record.duplicate",
        message: `This record duplicates "Tax Holder One" (duplicate rule "vendorTaxId").`,
      },
    ]);
    expect(await countRecords(w.admin, "vendor")).toBe(before);
    expect(first.taxId).toBe("91310000-MA1K");
  });

  it("refuses an update to a taken tax id and keeps the record as it was", async () => {
    await create(w.admin, "vendor", { name: "Tax Holder Three", taxId: "TAX-333" });
    const other = await create(w.admin, "vendor", { name: "Tax Holder Four", taxId: "TAX-444" });
    const refused = await w.admin.patch(`/api/v1/records/vendor/${other.id}`, { taxId: "tax333" }, 1);
    expect(expectProblem(refused, 422).errors.map((e) => [e.path, e.code])).toEqual([
      ["/taxId", "record.duplicate"],
    ]);
    expect((await read(w.admin, "vendor", String(other.id))).body).toMatchObject({
      taxId: "TAX-444",
      version: 1,
    });
  });

  it("refuses a match the user may not see without naming it", async () => {
    await create(w.admin, "vendor", { name: "Secret Tax Holder", taxId: "SECRET-1" });
    const before = await countRecords(w.clerk, "vendor");
    const refused = await w.clerk.post("/api/v1/records/vendor", { name: "Clerk Tax", taxId: "secret1" });
    const problem = expectProblem(refused, 422);
    expect(problem.errors).toEqual([
      {
        path: "/taxId",
        code: "record.duplicate",
        message: `A record with the same values already exists (duplicate rule "vendorTaxId").`,
      },
    ]);
    expect(JSON.stringify(problem)).not.toContain("Secret Tax Holder");
    expect(await countRecords(w.clerk, "vendor")).toBe(before);
  });
});

describe("checking a form before it is saved", () => {
  it("lists the visible matches with each rule's action", async () => {
    const holder = await create(w.admin, "vendor", { name: "Form Check Metals", taxId: "FORM-77" });
    const checked = expectStatus(
      await w.admin.post<{ matches: Json[] }>("/api/v1/duplicates/check/vendor", {
        values: { name: "form check metals co ltd", taxId: "form77" },
      }),
      200,
    );
    expect(checked.body.matches).toEqual([
      {
        rule: "vendorName",
        label: "vendorName",
        action: "alert",
        score: 1,
        record: { id: holder.id, name: "Form Check Metals" },
      },
      {
        rule: "vendorTaxId",
        label: "vendorTaxId",
        action: "block",
        score: 1,
        record: { id: holder.id, name: "Form Check Metals" },
      },
    ]);
  });

  it("leaves out the record being edited and records the user may not see", async () => {
    const holder = await create(w.admin, "vendor", { name: "Self Check Works" });
    const own = expectStatus(
      await w.admin.post<{ matches: Json[] }>("/api/v1/duplicates/check/vendor", {
        id: holder.id,
        values: { name: "Self Check Works" },
      }),
      200,
    );
    expect(own.body.matches).toEqual([]);
    const clerk = expectStatus(
      await w.clerk.post<{ matches: Json[] }>("/api/v1/duplicates/check/vendor", {
        values: { name: "Self Check Works" },
      }),
      200,
    );
    expect(clerk.body.matches).toEqual([]);
  });

  it("refuses a body without values and an unknown object", async () => {
    expectProblem(await w.admin.post("/api/v1/duplicates/check/vendor", { name: "x" }), 422);
    expectProblem(await w.admin.post("/api/v1/duplicates/check/nothing", { values: {} }), 404);
  });
});
