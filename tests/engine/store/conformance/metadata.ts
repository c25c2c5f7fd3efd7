import { describe, expect, it } from "vitest";
import {
  aDraft,
  aHistoryEntry,
  anIndex,
  aRecord,
  aSchema,
  aUniqueIndex,
  aVersion,
  desc,
} from "../builders.js";
import {
  expectStoreError,
  publishSchema,
  type StoreFactory,
  sortedIds,
  useStoreFixture,
} from "./store-fixture.js";

export const describeMetadata = (createStore: StoreFactory): void => {
  describe("draft documents", () => {
    const fx = useStoreFixture(createStore);

    it("stores, replaces and lists draft documents", async () => {
      await fx.acme.putDraft(aDraft("object", "invoice", { label: { en: "Invoice" } }));
      await fx.acme.putDraft(aDraft("layout", "invoice"));
      await fx.acme.putDraft(aDraft("object", "invoice", { label: { en: "Bill", "zh-CN": "账单" } }));
      const drafts = (await fx.acme.listDraft()).sort((a, b) => a.kind.localeCompare(b.kind));
      expect(drafts).toEqual([
        aDraft("layout", "invoice"),
        aDraft("object", "invoice", { label: { en: "Bill", "zh-CN": "账单" } }),
      ]);
    });

    it("deletes a draft document and says whether there was one", async () => {
      await fx.acme.putDraft(aDraft("object", "invoice"));
      expect(await fx.acme.deleteDraft("object", "invoice")).toBe(true);
      expect(await fx.acme.deleteDraft("object", "invoice")).toBe(false);
      expect(await fx.acme.listDraft()).toEqual([]);
    });
  });

  describe("publish", () => {
    const fx = useStoreFixture(createStore);

    it("starts with no published version", async () => {
      expect(await fx.acme.currentVersion()).toBeUndefined();
      expect(await fx.acme.currentVersionNumber()).toBe(0);
      expect(await fx.acme.listVersions()).toEqual([]);
      expect(await fx.acme.readVersion(1)).toBeUndefined();
    });

    it("activates a version and keeps every version readable", async () => {
      expect(await fx.acme.publish(aVersion(1, "invoice"), 0, aSchema().withObject("invoice").build())).toBe(
        true,
      );
      expect(
        await fx.acme.publish(aVersion(2, "invoice", "quote"), 1, aSchema().withObject("quote").build()),
      ).toBe(true);
      expect(await fx.acme.currentVersion()).toEqual(aVersion(2, "invoice", "quote"));
      expect(await fx.acme.currentVersionNumber()).toBe(2);
      expect(await fx.acme.readVersion(1)).toEqual(aVersion(1, "invoice"));
      expect(await fx.acme.listVersions()).toEqual([
        { version: 2, publishedAt: "2025-01-01T00:00:00.000Z", publishedBy: "admin" },
        { version: 1, publishedAt: "2025-01-01T00:00:00.000Z", publishedBy: "admin" },
      ]);
    });

    it("creates the storage of new objects", async () => {
      await expectStoreError(fx.acme.insertRecord("invoice", aRecord("r1").build()), "unknownObject");
      await expectStoreError(fx.acme.getRecord("invoice", "r1"), "unknownObject");
      await expectStoreError(fx.acme.findRecords("invoice", { sort: [], limit: 1 }), "unknownObject");
      await publishSchema(fx.acme, aSchema().withObject("invoice").build());
      await fx.acme.insertRecord("invoice", aRecord("r1").build());
      expect(await fx.acme.countRecords("invoice")).toBe(1);
    });

    it("changes nothing when the expected current version is stale", async () => {
      await publishSchema(fx.acme, aSchema().withObject("invoice").build());
      const lost = await fx.acme.publish(aVersion(2, "quote"), 0, aSchema().withObject("quote").build());
      expect(lost).toBe(false);
      expect(await fx.acme.currentVersionNumber()).toBe(1);
      expect(await fx.acme.readVersion(2)).toBeUndefined();
      await expectStoreError(fx.acme.insertRecord("quote", aRecord("q1").build()), "unknownObject");
    });

    it("lets exactly one of two publishes from the same version win", async () => {
      await publishSchema(fx.acme, aSchema().withObject("invoice").build());
      const results = await Promise.all([
        fx.acme.publish(aVersion(2, "invoice", "quote"), 1, aSchema().withObject("quote").build()),
        fx.acme.publish(aVersion(2, "invoice", "order"), 1, aSchema().withObject("order").build()),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const [winner, loser] = results[0] ? ["quote", "order"] : ["order", "quote"];
      expect(await fx.acme.currentVersion()).toEqual(aVersion(2, "invoice", winner as string));
      expect(await fx.acme.listVersions()).toHaveLength(2);
      await fx.acme.insertRecord(winner as string, aRecord("x1").build());
      await expectStoreError(fx.acme.insertRecord(loser as string, aRecord("x1").build()), "unknownObject");
    });

    it("refuses a unique index over duplicate values and changes nothing", async () => {
      await publishSchema(fx.acme, aSchema().withObject("contact").build());
      await fx.acme.insertRecord("contact", aRecord("c1").with("email", "a@example.com").build());
      await fx.acme.insertRecord("contact", aRecord("c2").with("email", "a@example.com").build());
      const schema = aSchema().withObject("contact", aUniqueIndex("email")).withObject("lead").build();
      await expectStoreError(
        fx.acme.publish(aVersion(2, "contact", "lead"), 1, schema),
        "uniqueViolation",
        "email",
      );

      expect(await fx.acme.currentVersionNumber()).toBe(1);
      expect(await fx.acme.readVersion(2)).toBeUndefined();
      expect(sortedIds(await fx.acme.getRecords("contact", ["c1", "c2"]))).toEqual(["c1", "c2"]);
      await expectStoreError(fx.acme.insertRecord("lead", aRecord("l1").build()), "unknownObject");
      // No index was left behind: a third duplicate is still accepted.
      await fx.acme.insertRecord("contact", aRecord("c3").with("email", "a@example.com").build());
      expect(await fx.acme.countRecords("contact")).toBe(3);
    });

    it("enforces a unique index from the publish that adds it until one that removes it", async () => {
      await publishSchema(fx.acme, aSchema().withObject("contact", aUniqueIndex("email")).build());
      await fx.acme.insertRecord("contact", aRecord("c1").with("email", "a@example.com").build());
      await expectStoreError(
        fx.acme.insertRecord("contact", aRecord("c2").with("email", "a@example.com").build()),
        "uniqueViolation",
        "email",
      );
      await publishSchema(
        fx.acme,
        aSchema()
          .withObject("contact", anIndex("byEmail", desc("email")))
          .build(),
      );
      await fx.acme.insertRecord("contact", aRecord("c2").with("email", "a@example.com").build());
      expect(await fx.acme.countRecords("contact")).toBe(2);
    });

    it("keeps records when indexes change", async () => {
      await publishSchema(fx.acme, aSchema().withObject("contact", anIndex("byName", "name")).build());
      await fx.acme.insertRecord("contact", aRecord("c1").with("name", "Ada").build());
      await publishSchema(
        fx.acme,
        aSchema()
          .withObject("contact", anIndex("byName", desc("name"), "city"))
          .build(),
      );
      expect((await fx.acme.getRecord("contact", "c1"))?.name).toBe("Ada");
    });

    it("drops the records, history and counters of dropped objects", async () => {
      await publishSchema(fx.acme, aSchema().withObject("quote").withObject("invoice").build());
      const history = [
        {
          object: "quote",
          recordId: "q1",
          field: "number",
          oldValue: null,
          newValue: "Q-1",
          version: 1,
          changedAt: "2025-01-01T00:00:00.000Z",
          changedBy: "u1",
        },
      ];
      const autoNumbers = [{ field: "number", startAt: 1, render: (n: number) => `Q-${n}` }];
      await fx.acme.insertRecord("quote", aRecord("q1").build(), { autoNumbers, history });
      await fx.acme.insertRecord("invoice", aRecord("i1").build());
      await publishSchema(fx.acme, aSchema().withObject("invoice").dropping("quote").build());
      await expectStoreError(fx.acme.getRecord("quote", "q1"), "unknownObject");
      expect(await fx.acme.history("quote", "q1")).toEqual([]);
      expect(await fx.acme.getRecord("invoice", "i1")).toBeDefined();

      await publishSchema(fx.acme, aSchema().withObject("invoice").withObject("quote").build());
      expect(await fx.acme.countRecords("quote")).toBe(0);
      const again = await fx.acme.insertRecord("quote", aRecord("q1").build(), { autoNumbers });
      expect(again.number).toBe("Q-1");
    });

    it("deletes the history of dropped fields and keeps the rest", async () => {
      await publishSchema(fx.acme, aSchema().withObject("invoice").build());
      const record = aRecord("i1").build();
      await fx.acme.insertRecord("invoice", record, {
        history: [
          aHistoryEntry(record, "invoice", "secret", null, "old"),
          aHistoryEntry(record, "invoice", "amount", null, 5),
        ],
      });
      await publishSchema(fx.acme, {
        ...aSchema().withObject("invoice").build(),
        droppedFields: [{ object: "invoice", field: "secret" }],
      });
      expect((await fx.acme.history("invoice", "i1")).map((h) => h.field)).toEqual(["amount"]);
    });
  });
};
