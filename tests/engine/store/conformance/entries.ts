import type { JsonObject } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import type { Entry, TenantStore } from "../../../../engine/src/store/store-port.js";
import { type StoreFactory, useStoreFixture } from "./store-fixture.js";

const AT = "2025-01-01T10:00:00.000Z";
const LATER = "2025-01-01T11:00:00.000Z";

const anEntry = (
  collection: string,
  id: string,
  revision: number,
  body: JsonObject,
  updatedAt = AT,
): Entry => ({
  collection,
  id,
  revision,
  body,
  updatedAt,
});

const idsOf = (entries: readonly Entry[]): string[] => entries.map((entry) => entry.id);

/** Puts `ids` into `collection`, each with body `{n: index}`. */
const putAll = async (tenant: TenantStore, collection: string, ids: readonly string[]): Promise<void> => {
  for (const [n, id] of ids.entries())
    expect(await tenant.putEntry(collection, id, { n }, { at: AT })).toBe(true);
};

export const describeEntries = (createStore: StoreFactory): void => {
  describe("entries", () => {
    const fx = useStoreFixture(createStore);

    it("writes an entry at revision 1 and each rewrite at the next revision", async () => {
      expect(await fx.acme.getEntry("imports", "i1")).toBeUndefined();
      expect(
        await fx.acme.putEntry("imports", "i1", { status: "uploaded", rows: [["a", 1]] }, { at: AT }),
      ).toBe(true);
      expect(await fx.acme.getEntry("imports", "i1")).toEqual(
        anEntry("imports", "i1", 1, { status: "uploaded", rows: [["a", 1]] }),
      );
      expect(await fx.acme.putEntry("imports", "i1", { status: "mapped" }, { at: LATER })).toBe(true);
      expect(await fx.acme.getEntry("imports", "i1")).toEqual(
        anEntry("imports", "i1", 2, { status: "mapped" }, LATER),
      );
    });

    it("stamps a write with the current time when no instant is given", async () => {
      const before = new Date().toISOString();
      await fx.acme.putEntry("imports", "i1", {});
      const entry = await fx.acme.getEntry("imports", "i1");
      expect(entry?.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect((entry?.updatedAt ?? "") >= before).toBe(true);
    });

    it("keeps any JSON body as it was written, keys with $ and dots included", async () => {
      const body = { $set: { "a.b": 1 }, list: [null, true, 1.5, "北京"], nested: { deep: { x: [] } } };
      await fx.acme.putEntry("mappings", "m1", body, { at: AT });
      expect((await fx.acme.getEntry("mappings", "m1"))?.body).toEqual(body);
    });

    it("creates with ifRevision 0 only when the entry does not exist", async () => {
      expect(await fx.acme.putEntry("jobs", "j1", { v: 1 }, { ifRevision: 0, at: AT })).toBe(true);
      expect(await fx.acme.putEntry("jobs", "j1", { v: 2 }, { ifRevision: 0, at: LATER })).toBe(false);
      expect(await fx.acme.getEntry("jobs", "j1")).toEqual(anEntry("jobs", "j1", 1, { v: 1 }));
    });

    it("writes with ifRevision only at that revision, changing nothing otherwise", async () => {
      await fx.acme.putEntry("jobs", "j1", { v: 1 }, { at: AT });
      expect(await fx.acme.putEntry("jobs", "j1", { v: 2 }, { ifRevision: 2, at: LATER })).toBe(false);
      expect(await fx.acme.getEntry("jobs", "j1")).toEqual(anEntry("jobs", "j1", 1, { v: 1 }));
      expect(await fx.acme.putEntry("jobs", "j1", { v: 2 }, { ifRevision: 1, at: LATER })).toBe(true);
      expect(await fx.acme.getEntry("jobs", "j1")).toEqual(anEntry("jobs", "j1", 2, { v: 2 }, LATER));
      expect(await fx.acme.putEntry("jobs", "j1", { v: 3 }, { ifRevision: 1, at: LATER })).toBe(false);
      expect(await fx.acme.getEntry("jobs", "j1")).toEqual(anEntry("jobs", "j1", 2, { v: 2 }, LATER));
    });

    it("never creates an entry through ifRevision above 0", async () => {
      expect(await fx.acme.putEntry("jobs", "j1", { v: 1 }, { ifRevision: 1, at: AT })).toBe(false);
      expect(await fx.acme.getEntry("jobs", "j1")).toBeUndefined();
    });

    it("lets exactly one of two writers at the same revision win", async () => {
      await fx.acme.putEntry("jobs", "j1", { v: 1 }, { at: AT });
      const results = await Promise.all([
        fx.acme.putEntry("jobs", "j1", { by: "a" }, { ifRevision: 1, at: LATER }),
        fx.acme.putEntry("jobs", "j1", { by: "b" }, { ifRevision: 1, at: LATER }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const entry = await fx.acme.getEntry("jobs", "j1");
      expect(entry?.revision).toBe(2);
      expect(entry?.body).toEqual({ by: results[0] ? "a" : "b" });
    });

    it("counts every unconditional write once, also concurrent ones", async () => {
      await Promise.all(
        Array.from({ length: 5 }, (_, n) => fx.acme.putEntry("counters", "c1", { n }, { at: AT })),
      );
      expect((await fx.acme.getEntry("counters", "c1"))?.revision).toBe(5);
    });

    it("keeps collections apart: the same id in two collections is two entries", async () => {
      await fx.acme.putEntry("imports", "x", { a: 1 }, { at: AT });
      await fx.acme.putEntry("merges", "x", { b: 2 }, { at: AT });
      await fx.acme.putEntry("merges", "x", { b: 3 }, { at: AT });
      expect(await fx.acme.getEntry("imports", "x")).toEqual(anEntry("imports", "x", 1, { a: 1 }));
      expect(await fx.acme.getEntry("merges", "x")).toEqual(anEntry("merges", "x", 2, { b: 3 }));
      expect(await fx.acme.deleteEntry("imports", "x")).toBe(true);
      expect(await fx.acme.getEntry("merges", "x")).toEqual(anEntry("merges", "x", 2, { b: 3 }));
    });

    it("deletes one entry, resolving false when there was none", async () => {
      await fx.acme.putEntry("imports", "i1", {}, { at: AT });
      expect(await fx.acme.deleteEntry("imports", "i1")).toBe(true);
      expect(await fx.acme.getEntry("imports", "i1")).toBeUndefined();
      expect(await fx.acme.deleteEntry("imports", "i1")).toBe(false);
      expect(await fx.acme.putEntry("imports", "i1", { again: true }, { ifRevision: 0, at: AT })).toBe(true);
      expect((await fx.acme.getEntry("imports", "i1"))?.revision).toBe(1);
    });

    it("lists a collection by id, newest (greatest) first unless ascending", async () => {
      await putAll(fx.acme, "imports", ["01B", "01A", "01D", "01C"]);
      await putAll(fx.acme, "merges", ["01Z"]);
      expect(idsOf(await fx.acme.listEntries("imports", { limit: 10 }))).toEqual([
        "01D",
        "01C",
        "01B",
        "01A",
      ]);
      expect(idsOf(await fx.acme.listEntries("imports", { limit: 10, order: "desc" }))).toEqual([
        "01D",
        "01C",
        "01B",
        "01A",
      ]);
      expect(idsOf(await fx.acme.listEntries("imports", { limit: 10, order: "asc" }))).toEqual([
        "01A",
        "01B",
        "01C",
        "01D",
      ]);
      expect(await fx.acme.listEntries("imports", { limit: 1 })).toEqual([
        anEntry("imports", "01D", 1, { n: 2 }),
      ]);
      expect(await fx.acme.listEntries("imports", { limit: 0 })).toEqual([]);
      expect(await fx.acme.listEntries("nothing", { limit: 10 })).toEqual([]);
    });

    it("pages strictly after a cursor in the chosen order", async () => {
      await putAll(fx.acme, "imports", ["01A", "01B", "01C", "01D", "01E"]);
      expect(idsOf(await fx.acme.listEntries("imports", { limit: 2, after: "01D" }))).toEqual(["01C", "01B"]);
      expect(idsOf(await fx.acme.listEntries("imports", { limit: 2, after: "01B", order: "asc" }))).toEqual([
        "01C",
        "01D",
      ]);
      // A cursor need not be an id that exists.
      expect(idsOf(await fx.acme.listEntries("imports", { limit: 10, after: "01BZ" }))).toEqual([
        "01B",
        "01A",
      ]);
      expect(idsOf(await fx.acme.listEntries("imports", { limit: 10, after: "01A" }))).toEqual([]);
    });

    it("lists only ids starting with a prefix, also with a cursor", async () => {
      await putAll(fx.acme, "dashboardLayout", [
        "u1:sales",
        "u1:support",
        "u10:sales",
        "u2:sales",
        "u1",
        "u1:",
      ]);
      expect(idsOf(await fx.acme.listEntries("dashboardLayout", { limit: 10, prefix: "u1:" }))).toEqual([
        "u1:support",
        "u1:sales",
        "u1:",
      ]);
      expect(
        idsOf(
          await fx.acme.listEntries("dashboardLayout", { limit: 10, prefix: "u1:", after: "u1:support" }),
        ),
      ).toEqual(["u1:sales", "u1:"]);
      // A cursor beyond the prefix's range never widens it.
      expect(
        idsOf(await fx.acme.listEntries("dashboardLayout", { limit: 10, prefix: "u1:", after: "zzz" })),
      ).toEqual(["u1:support", "u1:sales", "u1:"]);
      expect(
        idsOf(
          await fx.acme.listEntries("dashboardLayout", {
            limit: 10,
            prefix: "u1:",
            after: "a",
            order: "asc",
          }),
        ),
      ).toEqual(["u1:", "u1:sales", "u1:support"]);
      expect(
        idsOf(await fx.acme.listEntries("dashboardLayout", { limit: 10, prefix: "u1", order: "asc" })),
      ).toEqual(["u1", "u10:sales", "u1:", "u1:sales", "u1:support"]);
      expect(idsOf(await fx.acme.listEntries("dashboardLayout", { limit: 10, prefix: "" }))).toHaveLength(6);
      expect(await fx.acme.listEntries("dashboardLayout", { limit: 10, prefix: "u3" })).toEqual([]);
    });

    it("matches a prefix literally, pattern characters included", async () => {
      await putAll(fx.acme, "c", ["a%b", "a_b", "axb", "a*", "a[1]", "a?", "a\\b"]);
      const withPrefix = async (prefix: string) =>
        idsOf(await fx.acme.listEntries("c", { limit: 10, prefix, order: "asc" }));
      expect(await withPrefix("a%")).toEqual(["a%b"]);
      expect(await withPrefix("a_")).toEqual(["a_b"]);
      expect(await withPrefix("a*")).toEqual(["a*"]);
      expect(await withPrefix("a[")).toEqual(["a[1]"]);
      expect(await withPrefix("a?")).toEqual(["a?"]);
      expect(await withPrefix("a\\")).toEqual(["a\\b"]);
    });

    it("orders ids by code point, beyond ASCII and beyond U+FFFF", async () => {
      await putAll(fx.acme, "c", ["😀", "\uFFEE", "中", "a", "中文"]);
      expect(idsOf(await fx.acme.listEntries("c", { limit: 10, order: "asc" }))).toEqual([
        "a",
        "中",
        "中文",
        "\uFFEE",
        "😀",
      ]);
      expect(idsOf(await fx.acme.listEntries("c", { limit: 10, prefix: "中" }))).toEqual(["中文", "中"]);
    });

    it("deletes every entry of a collection whose id starts with a prefix", async () => {
      await putAll(fx.acme, "dashboardLayout", ["u1:sales", "u1:support", "u10:sales", "u2:sales"]);
      await putAll(fx.acme, "imports", ["u1:sales"]);
      expect(await fx.acme.deleteEntries("dashboardLayout", "u1:")).toBe(2);
      expect(idsOf(await fx.acme.listEntries("dashboardLayout", { limit: 10 }))).toEqual([
        "u2:sales",
        "u10:sales",
      ]);
      expect(await fx.acme.deleteEntries("dashboardLayout", "u1:")).toBe(0);
      expect(await fx.acme.deleteEntries("dashboardLayout", "")).toBe(2);
      expect(await fx.acme.listEntries("dashboardLayout", { limit: 10 })).toEqual([]);
      expect(idsOf(await fx.acme.listEntries("imports", { limit: 10 }))).toEqual(["u1:sales"]);
    });

    it("refuses malformed input, changing nothing", async () => {
      await fx.acme.putEntry("imports", "i1", { v: 1 }, { at: AT });
      const refusals: Array<[Promise<unknown>, ErrorConstructor]> = [
        [fx.acme.putEntry("imports", "i1", [1] as unknown as JsonObject), TypeError],
        [fx.acme.putEntry("imports", "i1", null as unknown as JsonObject), TypeError],
        [fx.acme.putEntry("imports", "i1", { v: 2 }, { ifRevision: -1 }), RangeError],
        [fx.acme.putEntry("imports", "i1", { v: 2 }, { ifRevision: 1.5 }), RangeError],
        [fx.acme.putEntry("imports", "", { v: 2 }), RangeError],
        [fx.acme.putEntry("", "i1", { v: 2 }), RangeError],
        [fx.acme.putEntry("imports", "\uD800", { v: 2 }), RangeError],
        [fx.acme.putEntry("imports", { $gt: "" } as unknown as string, { v: 2 }), TypeError],
        [fx.acme.getEntry("imports", { $ne: "x" } as unknown as string), TypeError],
        [fx.acme.deleteEntry("imports", { $ne: "x" } as unknown as string), TypeError],
        [fx.acme.deleteEntries("imports", { $ne: "x" } as unknown as string), TypeError],
        [fx.acme.listEntries("imports", { limit: -1 }), RangeError],
        [fx.acme.listEntries("imports", { limit: 10, after: { $gt: "" } as unknown as string }), TypeError],
      ];
      for (const [promise, type] of refusals) await expect(promise).rejects.toThrow(type);
      expect(await fx.acme.listEntries("imports", { limit: 10 })).toEqual([
        anEntry("imports", "i1", 1, { v: 1 }),
      ]);
    });
  });
};
