import { describe, expect, it } from "vitest";
import type { WorkItem } from "../../../../engine/src/store/work-types.js";
import { aRecord, aSchema, revised } from "../builders.js";
import { publishSchema, type StoreFactory, useStoreFixture } from "./store-fixture.js";
import { at, aWorkItem } from "./work-builders.js";

const keyOf = (item: WorkItem): string => `${item.object}/${item.recordId}/${item.userId}/${item.step}`;

export const describeWorkItems = (createStore: StoreFactory): void => {
  describe("approvals inbox: work items", () => {
    const fx = useStoreFixture(createStore);
    const publish = () => publishSchema(fx.acme, aSchema().withObject("invoice").withObject("quote").build());
    /** Inserts record `id` of `object` with `items` as its work items. */
    const withItems = (object: string, id: string, items: WorkItem[]) =>
      fx.acme.insertRecord(object, aRecord(id).build(), { effects: { workItems: items } });

    it("gives back a record's work items as written", async () => {
      await publish();
      const items = [aWorkItem("invoice", "i1", "ann", at(1)), aWorkItem("invoice", "i1", "bob", at(1))];
      await withItems("invoice", "i1", items);
      expect(await fx.acme.workItemsOf("invoice", "i1")).toStrictEqual(items);
      expect(await fx.acme.workItemsOf("invoice", "i2")).toEqual([]);
      expect(await fx.acme.workItemsOf("quote", "i1")).toEqual([]);
    });

    it("lists one user's items oldest first, then by object, record id and step, up to the limit", async () => {
      await publish();
      await withItems("quote", "q1", [aWorkItem("quote", "q1", "ann", at(2))]);
      await withItems("invoice", "i2", [aWorkItem("invoice", "i2", "ann", at(2))]);
      await withItems("invoice", "i1", [
        aWorkItem("invoice", "i1", "ann", at(2), "legal"),
        aWorkItem("invoice", "i1", "ann", at(2), "finance"),
        aWorkItem("invoice", "i1", "bob", at(0)),
      ]);
      await withItems("invoice", "i3", [aWorkItem("invoice", "i3", "ann", at(5))]);
      await withItems("quote", "q0", [aWorkItem("quote", "q0", "ann", at(1))]);
      expect((await fx.acme.listWorkItems("ann", { limit: 10 })).map(keyOf)).toEqual([
        "quote/q0/ann/manager",
        "invoice/i1/ann/finance",
        "invoice/i1/ann/legal",
        "invoice/i2/ann/manager",
        "quote/q1/ann/manager",
        "invoice/i3/ann/manager",
      ]);
      expect((await fx.acme.listWorkItems("ann", { limit: 2 })).map(keyOf)).toEqual([
        "quote/q0/ann/manager",
        "invoice/i1/ann/finance",
      ]);
      expect(await fx.acme.listWorkItems("bob", { limit: 10 })).toStrictEqual([
        aWorkItem("invoice", "i1", "bob", at(0)),
      ]);
      expect(await fx.acme.listWorkItems("ann", { limit: 0 })).toEqual([]);
      expect(await fx.acme.listWorkItems("carl", { limit: 10 })).toEqual([]);
    });

    it("refuses a negative limit", async () => {
      await expect(fx.acme.listWorkItems("ann", { limit: -1 })).rejects.toThrow(RangeError);
    });

    it("replaces every work item of the written record, and only of it", async () => {
      await publish();
      const v1 = await withItems("invoice", "i1", [
        aWorkItem("invoice", "i1", "ann", at(1)),
        aWorkItem("invoice", "i1", "bob", at(1)),
      ]);
      await withItems("invoice", "i2", [aWorkItem("invoice", "i2", "ann", at(1))]);
      const next = aWorkItem("invoice", "i1", "carl", at(3), "finance");
      expect(await fx.acme.updateRecord("invoice", revised(v1, {}), 1, [], { workItems: [next] })).toBe(true);
      expect(await fx.acme.workItemsOf("invoice", "i1")).toStrictEqual([next]);
      expect(await fx.acme.workItemsOf("invoice", "i2")).toStrictEqual([
        aWorkItem("invoice", "i2", "ann", at(1)),
      ]);
      expect(await fx.acme.listWorkItems("bob", { limit: 10 })).toEqual([]);
    });

    it("keeps a record's work items when a write names none, and removes them for an empty list", async () => {
      await publish();
      const v1 = await withItems("invoice", "i1", [aWorkItem("invoice", "i1", "ann", at(1))]);
      const v2 = revised(v1, { amount: 1 });
      expect(await fx.acme.updateRecord("invoice", v2, 1, [], { jobs: [] })).toBe(true);
      expect(await fx.acme.workItemsOf("invoice", "i1")).toHaveLength(1);
      const v3 = revised(v2, { amount: 2 });
      await fx.acme.updateRecord("invoice", v3, 2);
      expect(await fx.acme.workItemsOf("invoice", "i1")).toHaveLength(1);
      expect(await fx.acme.updateRecord("invoice", revised(v3, {}), 3, [], { workItems: [] })).toBe(true);
      expect(await fx.acme.workItemsOf("invoice", "i1")).toEqual([]);
      expect(await fx.acme.listWorkItems("ann", { limit: 10 })).toEqual([]);
    });

    it("keeps the last of two items for the same user and step", async () => {
      await publish();
      const later = { ...aWorkItem("invoice", "i1", "ann", at(4)), requestId: "req-2" };
      await withItems("invoice", "i1", [aWorkItem("invoice", "i1", "ann", at(1)), later]);
      expect(await fx.acme.workItemsOf("invoice", "i1")).toStrictEqual([later]);
    });

    it("removes the work items of deleted records", async () => {
      await publish();
      await withItems("invoice", "i1", [aWorkItem("invoice", "i1", "ann", at(1))]);
      await withItems("quote", "q1", [aWorkItem("quote", "q1", "ann", at(2))]);
      await withItems("quote", "q2", [aWorkItem("quote", "q2", "ann", at(3))]);
      expect(
        await fx.acme.deleteRecords([
          { object: "invoice", id: "i1" },
          { object: "quote", id: "q1", expectedVersion: 1 },
        ]),
      ).toBe(true);
      expect(await fx.acme.workItemsOf("invoice", "i1")).toEqual([]);
      expect(await fx.acme.workItemsOf("quote", "q1")).toEqual([]);
      expect(await fx.acme.listWorkItems("ann", { limit: 10 })).toStrictEqual([
        aWorkItem("quote", "q2", "ann", at(3)),
      ]);
    });

    it("removes the work items of an object a publish drops", async () => {
      await publish();
      await withItems("quote", "q1", [aWorkItem("quote", "q1", "ann", at(2))]);
      await withItems("invoice", "i1", [aWorkItem("invoice", "i1", "ann", at(1))]);
      await publishSchema(fx.acme, aSchema().withObject("invoice").dropping("quote").build());
      expect(await fx.acme.workItemsOf("quote", "q1")).toEqual([]);
      expect(await fx.acme.listWorkItems("ann", { limit: 10 })).toStrictEqual([
        aWorkItem("invoice", "i1", "ann", at(1)),
      ]);
    });

    it("keeps each tenant's work items apart", async () => {
      await publish();
      await fx.store.createTenant("globex");
      const globex = await fx.store.tenant("globex");
      await withItems("invoice", "i1", [aWorkItem("invoice", "i1", "ann", at(1))]);
      expect(await globex.listWorkItems("ann", { limit: 10 })).toEqual([]);
      expect(await globex.workItemsOf("invoice", "i1")).toEqual([]);
    });
  });
};
