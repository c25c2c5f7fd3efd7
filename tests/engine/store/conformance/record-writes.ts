import { describe, expect, it } from "vitest";
import type { AutoNumberAssignment, StoredRecord } from "../../../../engine/src/store/store-port.js";
import { aHistoryEntry, aRecord, aSchema, aUniqueIndex, revised } from "../builders.js";
import {
  expectStoreError,
  publishSchema,
  type StoreFactory,
  sortedIds,
  useStoreFixture,
} from "./store-fixture.js";

const invoiceNumber: AutoNumberAssignment = {
  field: "number",
  startAt: 1000,
  render: (n) => `INV-${String(n).padStart(5, "0")}`,
};

export const describeRecordWrites = (createStore: StoreFactory): void => {
  describe("insertRecord and getRecord", () => {
    const fx = useStoreFixture(createStore);
    const publish = () =>
      publishSchema(fx.acme, aSchema().withObject("invoice", aUniqueIndex("code")).build());

    it("stores a record at version 1 and reads it back unchanged", async () => {
      await publish();
      const record = aRecord("r1")
        .withValues({
          name: "Café 北京 🍵",
          amount: 12.5,
          count: 3,
          paid: false,
          tags: ["a", "b"],
          address: { city: "Zürich", lines: ["1", "2"] },
          empty: "",
          _approval: { status: "pending" },
        })
        .build();
      expect(await fx.acme.insertRecord("invoice", record)).toEqual(record);
      expect(await fx.acme.getRecord("invoice", "r1")).toEqual(record);
    });

    it("answers undefined for a record that does not exist", async () => {
      await publish();
      expect(await fx.acme.getRecord("invoice", "nope")).toBeUndefined();
    });

    it("reads several records, leaving out those that do not exist", async () => {
      await publish();
      for (const id of ["r1", "r2", "r3"]) await fx.acme.insertRecord("invoice", aRecord(id).build());
      expect(sortedIds(await fx.acme.getRecords("invoice", ["r3", "nope", "r1"]))).toEqual(["r1", "r3"]);
      expect(await fx.acme.getRecords("invoice", [])).toEqual([]);
    });

    it("refuses a duplicate id and keeps the first record", async () => {
      await publish();
      await fx.acme.insertRecord("invoice", aRecord("r1").with("amount", 1).build());
      await expectStoreError(
        fx.acme.insertRecord("invoice", aRecord("r1").with("amount", 2).build()),
        "duplicateId",
      );
      expect((await fx.acme.getRecord("invoice", "r1"))?.amount).toBe(1);
    });

    it("refuses a taken unique value, naming the field, and stores nothing", async () => {
      await publish();
      await fx.acme.insertRecord("invoice", aRecord("r1").with("code", "A-1").build());
      await expectStoreError(
        fx.acme.insertRecord("invoice", aRecord("r2").with("code", "A-1").build()),
        "uniqueViolation",
        "code",
      );
      expect(await fx.acme.getRecord("invoice", "r2")).toBeUndefined();
      expect(await fx.acme.countRecords("invoice")).toBe(1);
    });

    it("lets any number of records leave a unique field empty", async () => {
      await publish();
      await fx.acme.insertRecord("invoice", aRecord("r1").build());
      await fx.acme.insertRecord("invoice", aRecord("r2").build());
      expect(await fx.acme.countRecords("invoice")).toBe(2);
    });

    it("refuses an object without storage", async () => {
      await publish();
      await expectStoreError(fx.acme.insertRecord("quote", aRecord("q1").build()), "unknownObject");
      await expectStoreError(fx.acme.getRecords("quote", ["q1"]), "unknownObject");
      await expectStoreError(fx.acme.countRecords("quote"), "unknownObject");
    });
  });

  describe("insertRecords", () => {
    const fx = useStoreFixture(createStore);
    const publish = () =>
      publishSchema(fx.acme, aSchema().withObject("invoice", aUniqueIndex("code")).build());

    it("inserts every record at version 1, with its history", async () => {
      await publish();
      const records = [aRecord("r1").with("code", "A").build(), aRecord("r2").with("amount", 2).build()];
      const history = [aHistoryEntry(records[1] as StoredRecord, "invoice", "amount", null, 2)];
      await fx.acme.insertRecords("invoice", records, history);
      expect(await fx.acme.getRecord("invoice", "r1")).toEqual(records[0]);
      expect(await fx.acme.getRecord("invoice", "r2")).toEqual(records[1]);
      expect(await fx.acme.history("invoice", "r2")).toEqual(history);
    });

    it("accepts an empty list", async () => {
      await publish();
      await fx.acme.insertRecords("invoice", []);
      expect(await fx.acme.countRecords("invoice")).toBe(0);
    });

    it("inserts none when one id exists", async () => {
      await publish();
      await fx.acme.insertRecord("invoice", aRecord("r2").build());
      const history = [aHistoryEntry({ id: "r1", version: 1 }, "invoice", "amount", null, 1)];
      await expectStoreError(
        fx.acme.insertRecords("invoice", [aRecord("r1").build(), aRecord("r2").build()], history),
        "duplicateId",
      );
      expect(await fx.acme.getRecord("invoice", "r1")).toBeUndefined();
      expect(await fx.acme.countRecords("invoice")).toBe(1);
      expect(await fx.acme.history("invoice", "r1")).toEqual([]);
    });

    it("inserts none when two of them share a unique value", async () => {
      await publish();
      const records = [aRecord("r1").with("code", "A").build(), aRecord("r2").with("code", "A").build()];
      await expectStoreError(fx.acme.insertRecords("invoice", records), "uniqueViolation", "code");
      expect(await fx.acme.countRecords("invoice")).toBe(0);
    });

    it("refuses an object without storage", async () => {
      await publish();
      await expectStoreError(fx.acme.insertRecords("quote", [aRecord("q1").build()]), "unknownObject");
    });
  });

  describe("autoNumbers", () => {
    const fx = useStoreFixture(createStore);
    const publish = () =>
      publishSchema(fx.acme, aSchema().withObject("invoice", aUniqueIndex("code")).build());

    it("assigns the start value first, then counts up by one", async () => {
      await publish();
      const first = await fx.acme.insertRecord("invoice", aRecord("r1").build(), {
        autoNumbers: [invoiceNumber],
      });
      const second = await fx.acme.insertRecord("invoice", aRecord("r2").build(), {
        autoNumbers: [invoiceNumber],
      });
      expect(first.number).toBe("INV-01000");
      expect(second.number).toBe("INV-01001");
      expect((await fx.acme.getRecord("invoice", "r2"))?.number).toBe("INV-01001");
    });

    it("does not consume a number when the insert fails", async () => {
      await publish();
      await fx.acme.insertRecord("invoice", aRecord("r1").with("code", "A").build(), {
        autoNumbers: [invoiceNumber],
      });
      await expectStoreError(
        fx.acme.insertRecord("invoice", aRecord("r1").build(), { autoNumbers: [invoiceNumber] }),
        "duplicateId",
      );
      await expectStoreError(
        fx.acme.insertRecord("invoice", aRecord("r2").with("code", "A").build(), {
          autoNumbers: [invoiceNumber],
        }),
        "uniqueViolation",
        "code",
      );
      const next = await fx.acme.insertRecord("invoice", aRecord("r3").build(), {
        autoNumbers: [invoiceNumber],
      });
      expect(next.number).toBe("INV-01001");
    });

    it("gives concurrent inserts distinct consecutive numbers", async () => {
      await publish();
      const ids = Array.from({ length: 50 }, (_, i) => `r${i}`);
      const inserted = await Promise.all(
        ids.map((id) =>
          fx.acme.insertRecord("invoice", aRecord(id).build(), { autoNumbers: [invoiceNumber] }),
        ),
      );
      const numbers = inserted.map((r) => r.number as string).sort();
      expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `INV-0${1000 + i}`));
    });

    it("keeps one counter per object and field", async () => {
      await publishSchema(fx.acme, aSchema().withObject("invoice").withObject("quote").build());
      const ticket: AutoNumberAssignment = { field: "ticket", startAt: 1, render: (n) => `T${n}` };
      const a = await fx.acme.insertRecord("invoice", aRecord("r1").build(), {
        autoNumbers: [invoiceNumber, ticket],
      });
      const b = await fx.acme.insertRecord("quote", aRecord("q1").build(), { autoNumbers: [invoiceNumber] });
      expect([a.number, a.ticket, b.number]).toEqual(["INV-01000", "T1", "INV-01000"]);
    });
  });

  describe("updateRecord", () => {
    const fx = useStoreFixture(createStore);
    const publish = () =>
      publishSchema(fx.acme, aSchema().withObject("invoice", aUniqueIndex("code")).build());

    it("replaces the record at the expected version", async () => {
      await publish();
      const v1 = await fx.acme.insertRecord(
        "invoice",
        aRecord("r1").withValues({ amount: 1, note: "x" }).build(),
      );
      const v2 = revised(v1, { amount: 2, note: null, status: "sent" }, "2025-01-02T00:00:00.000Z");
      expect(await fx.acme.updateRecord("invoice", v2, 1)).toBe(true);
      expect(await fx.acme.getRecord("invoice", "r1")).toEqual(v2);
      expect(v2.version).toBe(2);
      expect(v2.note).toBeUndefined();
    });

    it("resolves false for a stale version and changes nothing", async () => {
      await publish();
      const v1 = await fx.acme.insertRecord("invoice", aRecord("r1").with("amount", 1).build());
      const v2 = revised(v1, { amount: 2 });
      expect(await fx.acme.updateRecord("invoice", v2, 1)).toBe(true);
      const stale = revised(v1, { amount: 3 });
      const history = [aHistoryEntry(stale, "invoice", "amount", 1, 3)];
      expect(await fx.acme.updateRecord("invoice", stale, 1, history)).toBe(false);
      expect(await fx.acme.getRecord("invoice", "r1")).toEqual(v2);
      expect(await fx.acme.history("invoice", "r1")).toEqual([]);
    });

    it("resolves false for a record that is gone", async () => {
      await publish();
      const v1 = await fx.acme.insertRecord("invoice", aRecord("r1").build());
      await fx.acme.deleteRecords([{ object: "invoice", id: "r1" }]);
      expect(await fx.acme.updateRecord("invoice", revised(v1, { amount: 1 }), 1)).toBe(false);
      expect(await fx.acme.getRecord("invoice", "r1")).toBeUndefined();
    });

    it("refuses a taken unique value and changes nothing", async () => {
      await publish();
      await fx.acme.insertRecord("invoice", aRecord("r1").with("code", "A").build());
      const b = await fx.acme.insertRecord("invoice", aRecord("r2").with("code", "B").build());
      const history = [aHistoryEntry({ id: "r2", version: 2 }, "invoice", "code", "B", "A")];
      await expectStoreError(
        fx.acme.updateRecord("invoice", revised(b, { code: "A" }), 1, history),
        "uniqueViolation",
        "code",
      );
      expect(await fx.acme.getRecord("invoice", "r2")).toEqual(b);
      expect(await fx.acme.history("invoice", "r2")).toEqual([]);
    });

    it("keeps its own unique value", async () => {
      await publish();
      const a = await fx.acme.insertRecord("invoice", aRecord("r1").with("code", "A").build());
      expect(await fx.acme.updateRecord("invoice", revised(a, { amount: 5 }), 1)).toBe(true);
    });
  });

  describe("deleteRecords", () => {
    const fx = useStoreFixture(createStore);
    const publish = () =>
      publishSchema(fx.acme, aSchema().withObject("invoice").withObject("invoiceLine").build());

    it("deletes every target, across objects", async () => {
      await publish();
      await fx.acme.insertRecord("invoice", aRecord("i1").build());
      await fx.acme.insertRecord("invoiceLine", aRecord("l1").build());
      await fx.acme.insertRecord("invoiceLine", aRecord("l2").build());
      const deleted = await fx.acme.deleteRecords([
        { object: "invoice", id: "i1", expectedVersion: 1 },
        { object: "invoiceLine", id: "l1" },
        { object: "invoiceLine", id: "l2" },
      ]);
      expect(deleted).toBe(true);
      expect(await fx.acme.countRecords("invoice")).toBe(0);
      expect(await fx.acme.countRecords("invoiceLine")).toBe(0);
    });

    it("deletes nothing when one version condition fails", async () => {
      await publish();
      await fx.acme.insertRecord("invoice", aRecord("i1").build());
      await fx.acme.insertRecord("invoiceLine", aRecord("l1").build());
      const deleted = await fx.acme.deleteRecords([
        { object: "invoiceLine", id: "l1" },
        { object: "invoice", id: "i1", expectedVersion: 2 },
      ]);
      expect(deleted).toBe(false);
      expect(await fx.acme.getRecord("invoice", "i1")).toBeDefined();
      expect(await fx.acme.getRecord("invoiceLine", "l1")).toBeDefined();
    });

    it("deletes nothing when a conditioned target is gone", async () => {
      await publish();
      await fx.acme.insertRecord("invoiceLine", aRecord("l1").build());
      const deleted = await fx.acme.deleteRecords([
        { object: "invoiceLine", id: "l1" },
        { object: "invoice", id: "gone", expectedVersion: 1 },
      ]);
      expect(deleted).toBe(false);
      expect(await fx.acme.getRecord("invoiceLine", "l1")).toBeDefined();
    });

    it("keeps the history of deleted records", async () => {
      await publish();
      const record = aRecord("i1").with("amount", 1).build();
      await fx.acme.insertRecord("invoice", record, {
        history: [aHistoryEntry(record, "invoice", "amount", null, 1)],
      });
      await fx.acme.deleteRecords([{ object: "invoice", id: "i1" }]);
      expect(await fx.acme.history("invoice", "i1")).toEqual([
        aHistoryEntry(record, "invoice", "amount", null, 1),
      ]);
    });
  });

  describe("history", () => {
    const fx = useStoreFixture(createStore);

    it("lists one record's changes newest first, up to a limit", async () => {
      await publishSchema(fx.acme, aSchema().withObject("invoice").build());
      const v1 = aRecord("r1").withValues({ amount: 1, status: "draft" }).build();
      const created = [
        aHistoryEntry(v1, "invoice", "amount", null, 1),
        aHistoryEntry(v1, "invoice", "status", null, "draft"),
      ];
      await fx.acme.insertRecord("invoice", v1, { history: created });
      await fx.acme.insertRecord("invoice", aRecord("r2").build(), {
        history: [aHistoryEntry({ id: "r2", version: 1 }, "invoice", "amount", null, 9)],
      });
      const v2 = revised(v1, { amount: 2 });
      const updated = [aHistoryEntry(v2, "invoice", "amount", 1, 2)];
      await fx.acme.updateRecord("invoice", v2, 1, updated);
      const v3 = revised(v2, { tags: ["x"] });
      const tagged = [aHistoryEntry(v3, "invoice", "tags", null, ["x"])];
      await fx.acme.updateRecord("invoice", v3, 2, tagged);

      expect(await fx.acme.history("invoice", "r1")).toEqual([tagged[0], updated[0], created[1], created[0]]);
      expect(await fx.acme.history("invoice", "r1", { limit: 2 })).toEqual([tagged[0], updated[0]]);
    });

    it("keeps nothing of a failed write", async () => {
      await publishSchema(fx.acme, aSchema().withObject("invoice").build());
      const record = aRecord("r1").build();
      await fx.acme.insertRecord("invoice", record);
      await expectStoreError(
        fx.acme.insertRecord("invoice", record, {
          history: [aHistoryEntry(record, "invoice", "amount", null, 1)],
        }),
        "duplicateId",
      );
      expect(await fx.acme.history("invoice", "r1")).toEqual([]);
    });
  });
};
