import { describe, expect, it } from "vitest";
import type { StoredRecord, TenantStore } from "../../../../engine/src/store/store-port.js";
import type { WriteEffects } from "../../../../engine/src/store/work-types.js";
import { aHistoryEntry, aRecord, aSchema, aUniqueIndex, revised } from "../builders.js";
import { expectStoreError, publishSchema, type StoreFactory, useStoreFixture } from "./store-fixture.js";
import { aJob, asEnqueued, at, aWorkItem, ids } from "./work-builders.js";

/**
 * Jobs and work items before an effect-carrying write of invoice i1: a keyed timer to cancel, a
 * claimed job to complete, and one work item of i1.
 */
const arrange = async (acme: TenantStore): Promise<StoredRecord> => {
  await acme.enqueueJobs([aJob("timer", at(9), { key: "sla:i1" }), aJob("scheduled", at(1))]);
  await acme.claimJobs({ now: at(2), leaseUntil: at(3), owner: "w1", limit: 1 });
  return acme.insertRecord("invoice", aRecord("i1").with("code", "A").build(), {
    effects: { workItems: [aWorkItem("invoice", "i1", "ann", at(0))] },
  });
};

/** Every kind of effect, for invoice i1. */
const everyEffect: WriteEffects = {
  jobs: [aJob("webhook-1", at(4), { kind: "webhook", payload: { event: "updated" } })],
  cancelJobs: ["sla:i1"],
  completeJob: "scheduled",
  workItems: [aWorkItem("invoice", "i1", "bob", at(5), "finance")],
};

export const describeWriteEffects = (createStore: StoreFactory): void => {
  describe("write effects", () => {
    const fx = useStoreFixture(createStore);
    const publish = () =>
      publishSchema(
        fx.acme,
        aSchema().withObject("invoice", aUniqueIndex("code")).withObject("line").build(),
      );
    /** Expects the state `arrange` made: no effect of a later write applied. */
    const expectArranged = async () => {
      expect(ids(await fx.acme.listJobs({ limit: 10 }))).toEqual(["scheduled", "timer"]);
      expect((await fx.acme.listJobs({ limit: 10 }))[0]).toMatchObject({ leaseOwner: "w1", attempts: 1 });
      expect(await fx.acme.workItemsOf("invoice", "i1")).toStrictEqual([
        aWorkItem("invoice", "i1", "ann", at(0)),
      ]);
    };
    /** Expects every effect of `everyEffect` applied. */
    const expectEveryEffect = async () => {
      expect(await fx.acme.listJobs({ limit: 10 })).toStrictEqual([
        asEnqueued(everyEffect.jobs?.[0] ?? aJob("", "")),
      ]);
      expect(await fx.acme.workItemsOf("invoice", "i1")).toStrictEqual(everyEffect.workItems);
    };

    it("applies every effect of an insert with the record", async () => {
      await publish();
      await fx.acme.enqueueJobs([aJob("timer", at(9), { key: "sla:i1" }), aJob("scheduled", at(1))]);
      const record = aRecord("i1").build();
      await fx.acme.insertRecord("invoice", record, { effects: everyEffect });
      expect(await fx.acme.getRecord("invoice", "i1")).toEqual(record);
      await expectEveryEffect();
    });

    it("applies no effect of an insert refused for its id", async () => {
      await publish();
      await arrange(fx.acme);
      await expectStoreError(
        fx.acme.insertRecord("invoice", aRecord("i1").build(), { effects: everyEffect }),
        "duplicateId",
      );
      await expectArranged();
    });

    it("applies no effect of an insert refused for a unique value", async () => {
      await publish();
      await arrange(fx.acme);
      await expectStoreError(
        fx.acme.insertRecord("invoice", aRecord("i2").with("code", "A").build(), {
          effects: { ...everyEffect, workItems: [aWorkItem("invoice", "i2", "bob", at(5))] },
        }),
        "uniqueViolation",
        "code",
      );
      await expectArranged();
      expect(await fx.acme.workItemsOf("invoice", "i2")).toEqual([]);
    });

    it("applies every effect of an update with the record and its history", async () => {
      await publish();
      const v1 = await arrange(fx.acme);
      const v2 = revised(v1, { amount: 5 });
      const history = [aHistoryEntry(v2, "invoice", "amount", null, 5)];
      expect(await fx.acme.updateRecord("invoice", v2, 1, history, everyEffect)).toBe(true);
      expect(await fx.acme.getRecord("invoice", "i1")).toEqual(v2);
      expect(await fx.acme.history("invoice", "i1")).toEqual(history);
      await expectEveryEffect();
    });

    it("applies no effect of an update whose version condition fails", async () => {
      await publish();
      const v1 = await arrange(fx.acme);
      expect(await fx.acme.updateRecord("invoice", revised(v1, { amount: 1 }), 1)).toBe(true);
      expect(await fx.acme.updateRecord("invoice", revised(v1, { amount: 2 }), 1, [], everyEffect)).toBe(
        false,
      );
      expect((await fx.acme.getRecord("invoice", "i1"))?.amount).toBe(1);
      await expectArranged();
    });

    it("applies no effect of an update of a record that is gone", async () => {
      await publish();
      const v1 = await arrange(fx.acme);
      await fx.acme.insertRecord("invoice", aRecord("i2").build());
      await fx.acme.deleteRecords([{ object: "invoice", id: "i2" }]);
      const effects = { ...everyEffect, workItems: [aWorkItem("invoice", "i2", "bob", at(5))] };
      expect(await fx.acme.updateRecord("invoice", revised({ ...v1, id: "i2" }, {}), 1, [], effects)).toBe(
        false,
      );
      await expectArranged();
      expect(await fx.acme.workItemsOf("invoice", "i2")).toEqual([]);
    });

    it("applies no effect of an update refused for a unique value", async () => {
      await publish();
      await arrange(fx.acme);
      const other = await fx.acme.insertRecord("invoice", aRecord("i2").with("code", "B").build());
      const effects = { ...everyEffect, workItems: [aWorkItem("invoice", "i2", "bob", at(5))] };
      await expectStoreError(
        fx.acme.updateRecord("invoice", revised(other, { code: "A" }), 1, [], effects),
        "uniqueViolation",
        "code",
      );
      await expectArranged();
      expect(await fx.acme.workItemsOf("invoice", "i2")).toEqual([]);
    });

    it("applies the effects of a delete with it", async () => {
      await publish();
      await arrange(fx.acme);
      await fx.acme.insertRecord("line", aRecord("l1").build());
      const { workItems: _, ...effects } = everyEffect;
      expect(
        await fx.acme.deleteRecords(
          [
            { object: "invoice", id: "i1", expectedVersion: 1 },
            { object: "line", id: "l1" },
          ],
          effects,
        ),
      ).toBe(true);
      expect(await fx.acme.listJobs({ limit: 10 })).toStrictEqual([
        asEnqueued(everyEffect.jobs?.[0] ?? aJob("", "")),
      ]);
      expect(await fx.acme.workItemsOf("invoice", "i1")).toEqual([]);
    });

    it("applies no effect of a delete whose version condition fails", async () => {
      await publish();
      await arrange(fx.acme);
      const { workItems: _, ...effects } = everyEffect;
      expect(
        await fx.acme.deleteRecords([{ object: "invoice", id: "i1", expectedVersion: 2 }], effects),
      ).toBe(false);
      expect(await fx.acme.getRecord("invoice", "i1")).toBeDefined();
      await expectArranged();
    });

    it("cancels a key before adding a job with it, so the new job stays", async () => {
      await publish();
      const v1 = await arrange(fx.acme);
      const timer = aJob("timer-2", at(20), { key: "sla:i1" });
      await fx.acme.updateRecord("invoice", revised(v1, {}), 1, [], {
        cancelJobs: ["sla:i1"],
        jobs: [timer],
      });
      expect(ids(await fx.acme.listJobs({ limit: 10 }))).toEqual(["scheduled", "timer-2"]);
    });

    it("replaces a keyed job from an effect as enqueueJobs does", async () => {
      await publish();
      const v1 = await arrange(fx.acme);
      const timer = aJob("timer-2", at(20), { key: "sla:i1", kind: "sla" });
      await fx.acme.updateRecord("invoice", revised(v1, {}), 1, [], { jobs: [timer] });
      const listed = await fx.acme.listJobs({ limit: 10 });
      expect(listed[1]).toStrictEqual(asEnqueued(timer));
      expect(ids(listed)).toEqual(["scheduled", "timer-2"]);
    });

    it("completes a job whoever holds it: the write was its work", async () => {
      await publish();
      const v1 = await arrange(fx.acme);
      await fx.acme.updateRecord("invoice", revised(v1, {}), 1, [], { completeJob: "scheduled" });
      await fx.acme.updateRecord("invoice", revised(revised(v1, {}), {}), 2, [], { completeJob: "nope" });
      expect(ids(await fx.acme.listJobs({ limit: 10 }))).toEqual(["timer"]);
    });

    it("rolls the record write back when an effect fails", async () => {
      await publish();
      const v1 = await arrange(fx.acme);
      const clash = { jobs: [aJob("timer", at(4))], workItems: [aWorkItem("invoice", "i1", "bob", at(5))] };
      await expectStoreError(
        fx.acme.updateRecord("invoice", revised(v1, { amount: 9 }), 1, [], clash),
        "duplicateId",
      );
      expect(await fx.acme.getRecord("invoice", "i1")).toEqual(v1);
      await expectArranged();
      await expectStoreError(
        fx.acme.insertRecord("invoice", aRecord("i3").build(), { effects: { jobs: [aJob("timer", at(4))] } }),
        "duplicateId",
      );
      expect(await fx.acme.getRecord("invoice", "i3")).toBeUndefined();
    });

    it("refuses work items naming another record, writing nothing", async () => {
      await publish();
      const v1 = await arrange(fx.acme);
      const stray = { ...everyEffect, workItems: [aWorkItem("invoice", "i9", "bob", at(5))] };
      await expect(
        fx.acme.insertRecord("invoice", aRecord("i2").build(), { effects: stray }),
      ).rejects.toThrow(RangeError);
      await expect(fx.acme.updateRecord("invoice", revised(v1, {}), 1, [], stray)).rejects.toThrow(
        RangeError,
      );
      const otherObject = { workItems: [aWorkItem("line", "i1", "bob", at(5))] };
      await expect(fx.acme.updateRecord("invoice", revised(v1, {}), 1, [], otherObject)).rejects.toThrow(
        RangeError,
      );
      expect(await fx.acme.getRecord("invoice", "i2")).toBeUndefined();
      expect(await fx.acme.getRecord("invoice", "i1")).toEqual(v1);
      await expectArranged();
    });

    it("refuses work items in a delete's effects, deleting nothing", async () => {
      await publish();
      await arrange(fx.acme);
      await expect(
        fx.acme.deleteRecords([{ object: "invoice", id: "i1" }], {
          workItems: [aWorkItem("invoice", "i1", "bob", at(5))],
        }),
      ).rejects.toThrow(RangeError);
      expect(await fx.acme.getRecord("invoice", "i1")).toBeDefined();
      await expectArranged();
    });
  });
};
