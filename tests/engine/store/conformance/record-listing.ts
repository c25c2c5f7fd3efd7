import type { FilterNode } from "@tessera/metadata";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { cursorOf } from "../../../../engine/src/store/record-cursor.js";
import type {
  RecordQuery,
  SortKey,
  StoredRecord,
  TenantStore,
} from "../../../../engine/src/store/store-port.js";
import { anIndex, aRecord, aSchema, asc, desc } from "../builders.js";
import { recordValueSets, systemFieldsOf } from "../filter-arbitraries.js";
import { DEALS } from "./record-filters.js";
import { idsOf, publishSchema, type StoreFactory, useStoreFixture } from "./store-fixture.js";

/** Tasks with priorities and titles, some missing, with ties. */
const TASKS: readonly StoredRecord[] = [
  aRecord("t1").withValues({ priority: 2, title: "b" }).build(),
  aRecord("t2").withValues({ title: "a" }).build(),
  aRecord("t3").withValues({ priority: 1, title: "c" }).build(),
  aRecord("t4").withValues({ priority: 2 }).build(),
  aRecord("t5").build(),
  aRecord("t6").withValues({ priority: 2, title: "a" }).build(),
  aRecord("t7").withValues({ priority: 1 }).build(),
];

/** Reads every page of `query` with page size `size`, continuing from each page's last record. */
const readAllPages = async (
  tenant: TenantStore,
  object: string,
  query: Omit<RecordQuery, "limit" | "after">,
  size: number,
  between?: (page: number, lastId: string) => Promise<void>,
): Promise<{ ids: string[]; hasMore: boolean[] }> => {
  const ids: string[] = [];
  const hasMore: boolean[] = [];
  let after: RecordQuery["after"];
  for (let page = 0; page < 100; page++) {
    const result = await tenant.findRecords(object, { ...query, limit: size, ...(after ? { after } : {}) });
    ids.push(...idsOf(result.records));
    hasMore.push(result.hasMore);
    const last = result.records.at(-1);
    if (!result.hasMore || last === undefined) break;
    after = cursorOf(last, query.sort);
    await between?.(page, last.id);
  }
  return { ids, hasMore };
};

/**
 * The port's order: per key, a missing value lowest (first ascending, last descending); numbers
 * numerically, strings by code unit, false before true; then id ascending.
 */
const compareBy =
  (sort: readonly SortKey[]) =>
  (a: StoredRecord, b: StoredRecord): number => {
    for (const { field, direction } of sort) {
      const order = compareValues(a[field], b[field]);
      if (order !== 0) return direction === "asc" ? order : -order;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };

const compareValues = (x: unknown, y: unknown): number => {
  if (x === y) return 0;
  if (x === undefined || x === null) return -1;
  if (y === undefined || y === null) return 1;
  return (x as number | string) < (y as number | string) ? -1 : 1;
};

const SORTS: ReadonlyArray<[string, SortKey[], string[]]> = [
  ["by id only", [], ["t1", "t2", "t3", "t4", "t5", "t6", "t7"]],
  ["ascending, missing first", [asc("priority")], ["t2", "t5", "t3", "t7", "t1", "t4", "t6"]],
  ["descending, missing last", [desc("priority")], ["t1", "t4", "t6", "t3", "t7", "t2", "t5"]],
  ["two keys", [desc("priority"), asc("title")], ["t4", "t6", "t1", "t7", "t3", "t5", "t2"]],
  [
    "two keys, descending second",
    [asc("priority"), desc("title")],
    ["t2", "t5", "t3", "t7", "t1", "t6", "t4"],
  ],
  ["a system field", [desc("id")], ["t7", "t6", "t5", "t4", "t3", "t2", "t1"]],
];

export const describeRecordListing = (createStore: StoreFactory): void => {
  describe("sort and keyset pagination", () => {
    const fx = useStoreFixture(createStore);
    beforeEach(async () => {
      await publishSchema(
        fx.acme,
        aSchema()
          .withObject("task", anIndex("byPriority", desc("priority")))
          .build(),
      );
      for (const task of TASKS) await fx.acme.insertRecord("task", task);
    });

    it.each(SORTS)("sorts %s, then by id", async (_name, sort, expected) => {
      const page = await fx.acme.findRecords("task", { sort, limit: 100 });
      expect(idsOf(page.records)).toEqual(expected);
      expect(page.hasMore).toBe(false);
    });

    it.each(SORTS)("pages %s without skipping or repeating", async (_name, sort, expected) => {
      for (const size of [1, 2, 3]) {
        const { ids, hasMore } = await readAllPages(fx.acme, "task", { sort }, size);
        expect(ids).toEqual(expected);
        expect(hasMore.at(-1)).toBe(false);
        expect(hasMore.slice(0, -1).every(Boolean)).toBe(true);
      }
    });

    it("says whether more records follow", async () => {
      expect((await fx.acme.findRecords("task", { sort: [], limit: 6 })).hasMore).toBe(true);
      expect((await fx.acme.findRecords("task", { sort: [], limit: 7 })).hasMore).toBe(false);
      const none = await fx.acme.findRecords("task", { sort: [], limit: 0 });
      expect(none).toEqual({ records: [], hasMore: true });
    });

    it("pages a filtered listing", async () => {
      const filter: FilterNode = {
        op: "not",
        child: { op: "compare", field: "priority", operator: "==", value: 1 },
      };
      const { ids } = await readAllPages(fx.acme, "task", { filter, sort: [asc("priority")] }, 2);
      expect(ids).toEqual(["t2", "t5", "t1", "t4", "t6"]);
    });

    it("continues after a cursor whose record is gone", async () => {
      const page = await fx.acme.findRecords("task", {
        sort: [desc("priority")],
        limit: 10,
        after: [2, "t5"],
      });
      expect(idsOf(page.records)).toEqual(["t6", "t3", "t7", "t2", "t5"]);
    });

    it.each([
      ["ascending", [asc("priority")]],
      ["descending", [desc("priority")]],
      ["two keys", [desc("priority"), asc("title")]],
    ] as Array<[string, SortKey[]]>)(
      "pages %s stably while records are inserted between reads",
      async (_name, sort) => {
        const inserted: StoredRecord[] = [
          aRecord("t0").withValues({ priority: 3, title: "z" }).build(),
          aRecord("t8").withValues({ title: "0" }).build(),
          aRecord("t9").withValues({ priority: 1, title: "a" }).build(),
          aRecord("t10").build(),
        ];
        const insertedAfter = new Map<string, string>();
        const { ids } = await readAllPages(fx.acme, "task", { sort }, 2, async (page, lastId) => {
          const record = inserted[page];
          if (record === undefined) return;
          await fx.acme.insertRecord("task", record);
          insertedAfter.set(record.id, lastId);
        });
        const final = idsOf((await fx.acme.findRecords("task", { sort, limit: 100 })).records);
        // Exactly the records at or after the cursor of each read: an insert before the cursor is
        // not seen, one after it is, and nothing is skipped or repeated.
        const expected = final.filter((id) => {
          const cursorId = insertedAfter.get(id);
          return cursorId === undefined || final.indexOf(id) > final.indexOf(cursorId);
        });
        expect(ids).toEqual(expected);
        for (const task of TASKS) expect(ids).toContain(task.id);
      },
    );
  });

  describe("sort and keyset pagination law", () => {
    const fx = useStoreFixture(createStore);
    /** Fields of one kind each: across kinds, stores order values differently, and the port leaves it open. */
    const sortKey = fc.record({
      field: fc.constantFrom("name", "amount", "done", "due"),
      direction: fc.constantFrom<"asc" | "desc">("asc", "desc"),
    });
    const sorts = fc.uniqueArray(sortKey, { maxLength: 2, selector: (k) => k.field });

    it("lists in sort order (missing lowest) and pages through it exactly once", async () => {
      await publishSchema(fx.acme, aSchema().withObject("item").build());
      await fc.assert(
        fc.asyncProperty(
          recordValueSets(10),
          sorts,
          fc.integer({ min: 1, max: 4 }),
          async (sets, sort, size) => {
            const old = await fx.acme.findRecords("item", { sort: [], limit: 1000, fields: [] });
            await fx.acme.deleteRecords(old.records.map((r) => ({ object: "item", id: r.id })));
            const records: StoredRecord[] = [];
            for (const [i, values] of sets.entries()) {
              const { id, ownerId } = systemFieldsOf(i);
              records.push(
                await fx.acme.insertRecord("item", aRecord(id).ownedBy(ownerId).withValues(values).build()),
              );
            }
            const expected = idsOf([...records].sort(compareBy(sort)));
            expect(idsOf((await fx.acme.findRecords("item", { sort, limit: 100 })).records)).toEqual(
              expected,
            );
            expect((await readAllPages(fx.acme, "item", { sort }, size)).ids).toEqual(expected);
          },
        ),
        { numRuns: 40 },
      );
    }, 60_000);
  });

  describe("projection", () => {
    const fx = useStoreFixture(createStore);

    it("returns the system fields and the listed fields only", async () => {
      await publishSchema(fx.acme, aSchema().withObject("deal").build());
      for (const deal of DEALS) await fx.acme.insertRecord("deal", deal);
      const page = await fx.acme.findRecords("deal", {
        sort: [],
        limit: 2,
        fields: ["name", "tags", "nothing"],
      });
      expect(page.records).toEqual([
        aRecord("d1")
          .withValues({ name: "Éclair Café", tags: ["vip", "eu"] })
          .build(),
        aRecord("d2")
          .withValues({ name: "éclair", tags: ["VIP"] })
          .build(),
      ]);
    });

    it("returns every field when none are listed", async () => {
      await publishSchema(fx.acme, aSchema().withObject("deal").build());
      for (const deal of DEALS) await fx.acme.insertRecord("deal", deal);
      const page = await fx.acme.findRecords("deal", { sort: [], limit: 100 });
      expect(page.records).toEqual(DEALS);
    });
  });

  describe("summarize", () => {
    const fx = useStoreFixture(createStore);
    beforeEach(async () => {
      await publishSchema(fx.acme, aSchema().withObject("deal").build());
      for (const deal of DEALS) await fx.acme.insertRecord("deal", deal);
    });
    const won: FilterNode = { op: "in", field: "stage", values: ["won", "lost"] };
    const nothing: FilterNode = { op: "compare", field: "stage", operator: "==", value: "nope" };

    it("counts records, or records with a value", async () => {
      expect(await fx.acme.summarize("deal", "count", undefined)).toBe(6);
      expect(await fx.acme.summarize("deal", "count", "name")).toBe(4);
      expect(await fx.acme.summarize("deal", "count", undefined, won)).toBe(2);
      expect(await fx.acme.summarize("deal", "count", undefined, nothing)).toBe(0);
    });

    it("sums, averages and bounds numbers only", async () => {
      expect(await fx.acme.summarize("deal", "sum", "amount")).toBe(12.5);
      expect(await fx.acme.summarize("deal", "avg", "amount")).toBe(3.125);
      expect(await fx.acme.summarize("deal", "min", "amount")).toBe(-3);
      expect(await fx.acme.summarize("deal", "max", "amount")).toBe(10.5);
      expect(await fx.acme.summarize("deal", "sum", "amount", won)).toBe(15.5);
    });

    it("answers null when nothing matches", async () => {
      for (const operation of ["sum", "avg", "min", "max"] as const) {
        expect(await fx.acme.summarize("deal", operation, "amount", nothing)).toBeNull();
      }
    });
  });
};
