import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantStore } from "../../../engine/src/store/store-port.js";
import { expectProblem } from "../support/problem-assertions.js";
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
let store: TenantStore;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildVendorWorld(t);
  store = await t.server.store.tenant("demo");
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const idOf = (value: unknown) => (value as { id: string }).id;

/** A survivor and two duplicates, with contacts (master-detail) and orders (restricting lookup). */
const family = async (tag: string, client = w.admin) => {
  const survivor = await create(client, "vendor", {
    name: `${tag} Survivor`,
    email: `${tag}@old.example`,
    city: "Hangzhou",
  });
  const first = await create(client, "vendor", {
    name: `${tag} Survivor Co., Ltd.`,
    email: `${tag}@new.example`,
    taxId: `${tag}-TAX`,
    city: "Ningbo",
  });
  const second = await create(client, "vendor", {
    name: `The ${tag} Survivor`,
    city: "Suzhou",
  });
  const contacts = [
    await create(client, "vendorContact", { name: `${tag} contact S`, vendor: survivor.id }),
    await create(client, "vendorContact", { name: `${tag} contact 1a`, vendor: first.id }),
    await create(client, "vendorContact", { name: `${tag} contact 1b`, vendor: first.id }),
  ];
  const orders = [
    await create(client, "purchaseOrder", { title: `${tag} order 1`, vendor: first.id, amount: 10 }),
    await create(client, "purchaseOrder", { title: `${tag} order 2`, vendor: second.id, amount: 20 }),
  ];
  return {
    survivor: String(survivor.id),
    first: String(first.id),
    second: String(second.id),
    contacts: contacts.map((c) => String(c.id)),
    orders: orders.map((o) => String(o.id)),
  };
};

const vendorOf = async (object: string, id: string) => idOf((await read(w.admin, object, id)).body.vendor);

type Merged = { survivor: Json; mergeId: string };

describe("merging records", () => {
  it("updates the survivor with the chosen values, moves related records, deletes the merged ones", async () => {
    const f = await family("Alpha");
    const merged = expectStatus(
      await w.admin.post<Merged>("/api/v1/records/vendor/merge", {
        survivorId: f.survivor,
        mergedIds: [f.first, f.second],
        // The tax id is the first duplicate's: the block rule does not count records being merged.
        values: { email: "Alpha@new.example", city: "Suzhou", phone: "13700001111", taxId: "Alpha-TAX" },
      }),
      200,
    ).body;
    expect(merged.mergeId).toMatch(/^vendor:[0-9A-Z]{26}$/);
    expect(merged.survivor).toMatchObject({
      id: f.survivor,
      name: "Alpha Survivor",
      email: "Alpha@new.example",
      city: "Suzhou",
      phone: "13700001111",
      taxId: "Alpha-TAX",
      contactCount: 3,
    });
    for (const id of [f.first, f.second]) expectProblem(await read(w.admin, "vendor", id), 404);
    for (const id of f.contacts) expect(await vendorOf("vendorContact", id)).toBe(f.survivor);
    for (const id of f.orders) expect(await vendorOf("purchaseOrder", id)).toBe(f.survivor);
    const history = await store.history("vendor", f.survivor);
    expect(history.find((e) => e.field === "_merge")).toMatchObject({
      oldValue: null,
      newValue: { mergeId: merged.mergeId, mergedIds: [f.first, f.second] },
    });
    expect(history.find((e) => e.field === "city")).toMatchObject({
      oldValue: "Hangzhou",
      newValue: "Suzhou",
    });
    const orderHistory = await store.history("purchaseOrder", f.orders[1] as string);
    expect(orderHistory[0]).toMatchObject({ field: "vendor", oldValue: f.second, newValue: f.survivor });
    // The merged records' own history stays.
    expect((await store.history("vendor", f.first)).map((e) => e.field)).toContain("_created");
    const merges = expectStatus(await w.admin.get<{ merges: Json[] }>("/api/v1/merges?object=vendor"), 200)
      .body.merges;
    expect(merges[0]).toMatchObject({
      id: merged.mergeId,
      object: "vendor",
      survivorId: f.survivor,
      mergedIds: [f.first, f.second],
      state: "done",
    });
    expect(merges[0]).not.toHaveProperty("undoneAt");
  });

  it("moves related records the caller may not see", async () => {
    const own = await create(w.buyer, "vendor", { name: "Buyer Keeps" });
    const other = await create(w.buyer, "vendor", { name: "Buyer Keeps Ltd" });
    const order = await create(w.admin, "purchaseOrder", { title: "Admin's order", vendor: other.id });
    expectProblem(await read(w.buyer, "purchaseOrder", String(order.id)), 404);
    expectStatus(
      await w.buyer.post("/api/v1/records/vendor/merge", {
        survivorId: own.id,
        mergedIds: [other.id],
        values: {},
      }),
      200,
    );
    expect(await vendorOf("purchaseOrder", String(order.id))).toBe(own.id);
  });
});

describe("undoing a merge", () => {
  it("restores the merged records with their ids, moves related records back, restores the survivor", async () => {
    const f = await family("Beta");
    const merged = expectStatus(
      await w.admin.post<Merged>("/api/v1/records/vendor/merge", {
        survivorId: f.survivor,
        mergedIds: [f.first, f.second],
        values: { email: "Beta@new.example", city: "Ningbo" },
      }),
      200,
    ).body;
    const undone = expectStatus(
      await w.admin.post<Json>(`/api/v1/merges/${merged.mergeId}/undo`, {}),
      200,
    ).body;
    expect(undone).toMatchObject({ mergeId: merged.mergeId, restoredIds: [f.first, f.second] });
    expect(undone.survivor).toMatchObject({ email: "Beta@old.example", city: "Hangzhou", contactCount: 1 });
    expect((await read(w.admin, "vendor", f.first)).body).toMatchObject({
      name: "Beta Survivor Co., Ltd.",
      email: "Beta@new.example",
      taxId: "Beta-TAX",
      city: "Ningbo",
      contactCount: 2,
    });
    expect((await read(w.admin, "vendor", f.second)).body).toMatchObject({
      name: "The Beta Survivor",
      city: "Suzhou",
    });
    expect(await vendorOf("vendorContact", f.contacts[0] as string)).toBe(f.survivor);
    expect(await vendorOf("vendorContact", f.contacts[1] as string)).toBe(f.first);
    expect(await vendorOf("vendorContact", f.contacts[2] as string)).toBe(f.first);
    expect(await vendorOf("purchaseOrder", f.orders[0] as string)).toBe(f.first);
    expect(await vendorOf("purchaseOrder", f.orders[1] as string)).toBe(f.second);
    const history = await store.history("vendor", f.survivor);
    expect(history[0]).toMatchObject({ field: "_merge", newValue: null });
    const merges = expectStatus(await w.admin.get<{ merges: Json[] }>("/api/v1/merges?object=vendor"), 200)
      .body.merges;
    expect(merges.find((m) => m.id === merged.mergeId)).toMatchObject({
      state: "undone",
      undoneAt: expect.any(String),
    });
    const again = expectProblem(await w.admin.post(`/api/v1/merges/${merged.mergeId}/undo`, {}), 409);
    expect(again.code).toBe("merge.undone");
  });

  it("is refused (409) when the survivor changed since, and changes nothing", async () => {
    const f = await family("Gamma");
    const merged = expectStatus(
      await w.admin.post<Merged>("/api/v1/records/vendor/merge", {
        survivorId: f.survivor,
        mergedIds: [f.first],
        values: {},
      }),
      200,
    ).body;
    const version = Number(merged.survivor.version);
    expectStatus(await w.admin.patch(`/api/v1/records/vendor/${f.survivor}`, { city: "Wuxi" }, version), 200);
    const refused = expectProblem(await w.admin.post(`/api/v1/merges/${merged.mergeId}/undo`, {}), 409);
    expect(refused.code).toBe("merge.survivorChanged");
    expectProblem(await read(w.admin, "vendor", f.first), 404);
    expect((await read(w.admin, "vendor", f.survivor)).body).toMatchObject({
      city: "Wuxi",
      version: version + 1,
    });
    expect(await vendorOf("purchaseOrder", f.orders[0] as string)).toBe(f.survivor);
  });

  it("is 404 for an unknown merge", async () => {
    expectProblem(await w.admin.post("/api/v1/merges/vendor:01ARZ3NDEKTSV4RRFFQ69G5FAV/undo", {}), 404);
  });
});

describe("a merge that is refused changes nothing", () => {
  /** What the API shows of a family, to compare before and after a refused merge. */
  const snapshot = async (f: Awaited<ReturnType<typeof family>>) => ({
    vendors: await Promise.all(
      [f.survivor, f.first, f.second].map(async (id) => (await read(w.admin, "vendor", id)).body),
    ),
    contacts: await Promise.all(f.contacts.map((id) => vendorOf("vendorContact", id))),
    orders: await Promise.all(f.orders.map((id) => vendorOf("purchaseOrder", id))),
  });

  it("refuses a caller who may not delete the object (403)", async () => {
    const f = await family("Delta", w.clerk);
    const before = await snapshot(f);
    const refused = expectProblem(
      await w.clerk.post("/api/v1/records/vendor/merge", {
        survivorId: f.survivor,
        mergedIds: [f.first],
        values: {},
      }),
      403,
    );
    expect(refused.title).toMatch(/delete/);
    expect(await snapshot(f)).toEqual(before);
  });

  it("answers 404 for a merged record or survivor the caller may not see", async () => {
    const f = await family("Epsilon");
    const before = await snapshot(f);
    const own = await create(w.buyer, "vendor", { name: "Epsilon Survivor (buyer)" });
    expectProblem(
      await w.buyer.post("/api/v1/records/vendor/merge", {
        survivorId: own.id,
        mergedIds: [f.first],
        values: {},
      }),
      404,
    );
    expectProblem(
      await w.buyer.post("/api/v1/records/vendor/merge", {
        survivorId: f.survivor,
        mergedIds: [own.id],
        values: {},
      }),
      404,
    );
    expect(await snapshot(f)).toEqual(before);
    expectStatus(await read(w.buyer, "vendor", String(own.id)), 200);
  });

  it("refuses bad input with pointers", async () => {
    const f = await family("Zeta");
    const before = await snapshot(f);
    const post = (body: unknown) => w.admin.post("/api/v1/records/vendor/merge", body);
    const fields = expectProblem(
      await post({
        survivorId: f.survivor,
        mergedIds: [f.first],
        values: { nope: 1, contactCount: 3, city: ["x"] },
      }),
      422,
    );
    expect(fields.errors.map((e) => [e.path, e.code]).sort()).toEqual([
      ["/values/city", expect.any(String)],
      ["/values/contactCount", "field.readOnly"],
      ["/values/nope", "field.unknown"],
    ]);
    const none = expectProblem(await post({ survivorId: f.survivor, mergedIds: [], values: {} }), 422);
    expect(none.errors.map((e) => e.path)).toEqual(["/mergedIds"]);
    const self = expectProblem(
      await post({ survivorId: f.survivor, mergedIds: [f.survivor], values: {} }),
      422,
    );
    expect(self.errors.map((e) => [e.path, e.code])).toEqual([["/mergedIds", "merge.sameRecord"]]);
    const many = expectProblem(
      await post({ survivorId: f.survivor, mergedIds: [f.first, f.second, f.contacts[0]], values: {} }),
      422,
    );
    expect(many.errors.map((e) => e.path)).toEqual(["/mergedIds"]);
    const extra = expectProblem(
      await post({ survivorId: f.survivor, mergedIds: [f.first], keep: true }),
      422,
    );
    expect(extra.errors.map((e) => e.path)).toEqual(["/keep"]);
    const rule = expectProblem(
      await post({ survivorId: f.survivor, mergedIds: [f.first], values: { name: "" } }),
      422,
    );
    expect(rule.errors.map((e) => e.path)).toEqual(["/values/name"]);
    expectProblem(
      await post({ survivorId: f.survivor, mergedIds: ["01ARZ3NDEKTSV4RRFFQ69G5FAV"], values: {} }),
      404,
    );
    expect(await snapshot(f)).toEqual(before);
  });
});
