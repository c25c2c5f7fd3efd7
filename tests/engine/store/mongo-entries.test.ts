import { Query, update } from "mingo";
import { describe, expect, it } from "vitest";
import {
  entriesSelection,
  entriesSort,
  entryFromDocument,
  entrySelection,
  entryUpdate,
  newEntryDocument,
  revisionSelection,
} from "../../../engine/src/store/mongo/entries.js";
import type { EntryDocument } from "../../../engine/src/store/mongo/tenant-collections.js";
import type { EntryQuery } from "../../../engine/src/store/store-port.js";
import { mingoUpdateOne } from "./mingo-update.js";

// The entry selections and updates the MongoDB adapter sends, run by mingo over the documents it
// stores: the conformance suite's entry cases without a server.

const AT = "2025-01-01T10:00:00.000Z";
const LATER = "2025-01-01T11:00:00.000Z";

const documentsOf = (collection: string, ids: readonly string[]): EntryDocument[] =>
  ids.map((id, n) => newEntryDocument(collection, id, { n }, AT));

const select = (documents: EntryDocument[], selection: object): EntryDocument[] =>
  new Query(selection as Record<string, unknown>).find<EntryDocument>(documents).all();

/** The adapter's listEntries: the selection, sorted by id, limited. */
const list = (documents: EntryDocument[], collection: string, query: EntryQuery): string[] =>
  new Query(entriesSelection(collection, query) as Record<string, unknown>)
    .find<EntryDocument>(documents)
    .sort(entriesSort(query.order))
    .limit(query.limit)
    .all()
    .map((document) => document.id);

describe("MongoDB entry documents", () => {
  it("keep the body as JSON text and read back as the entry", () => {
    const body = { $set: { "a.b": 1 }, list: [null, "北京"] };
    const document = newEntryDocument("imports", "i1", body, AT);
    expect(document).toEqual({
      collection: "imports",
      id: "i1",
      revision: 1,
      body: JSON.stringify(body),
      updatedAt: AT,
    });
    expect(entryFromDocument(document)).toEqual({
      collection: "imports",
      id: "i1",
      revision: 1,
      body,
      updatedAt: AT,
    });
  });

  it("select one entry by collection and id, with operands only", () => {
    const documents = [...documentsOf("imports", ["x", "y"]), ...documentsOf("merges", ["x"])];
    expect(select(documents, entrySelection("imports", "x")).map((d) => [d.collection, d.id])).toEqual([
      ["imports", "x"],
    ]);
    expect(entrySelection("imports", "x")).toEqual({ collection: { $eq: "imports" }, id: { $eq: "x" } });
    expect(() => entrySelection("imports", { $ne: "" } as unknown as string)).toThrow(TypeError);
    expect(() => entrySelection({ $gt: "" } as unknown as string, "x")).toThrow(TypeError);
  });
});

describe("MongoDB entry writes", () => {
  it("insert a new entry at revision 1 by an upsert's $inc", () => {
    // An upsert inserts the selection's equality fields, then applies the update to them.
    const inserted: Record<string, unknown> = { collection: "imports", id: "i1" };
    update(inserted, entryUpdate({ a: 1 }, AT) as Parameters<typeof update>[1]);
    expect(inserted).toEqual(newEntryDocument("imports", "i1", { a: 1 }, AT));
  });

  it("rewrite at the next revision", () => {
    const documents = documentsOf("imports", ["i1", "i2"]);
    const result = mingoUpdateOne(documents, entrySelection("imports", "i1"), entryUpdate({ b: 2 }, LATER));
    expect(result.modifiedCount).toBe(1);
    expect(documents.map(entryFromDocument)).toEqual([
      { collection: "imports", id: "i1", revision: 2, body: { b: 2 }, updatedAt: LATER },
      { collection: "imports", id: "i2", revision: 1, body: { n: 1 }, updatedAt: AT },
    ]);
  });

  it("rewrite conditionally only at the expected revision", () => {
    const documents = documentsOf("imports", ["i1"]);
    expect(
      mingoUpdateOne(documents, revisionSelection("imports", "i1", 2), entryUpdate({ b: 2 }, LATER))
        .matchedCount,
    ).toBe(0);
    expect(documents[0]?.revision).toBe(1);
    expect(
      mingoUpdateOne(documents, revisionSelection("imports", "i1", 1), entryUpdate({ b: 2 }, LATER))
        .matchedCount,
    ).toBe(1);
    expect(
      mingoUpdateOne(documents, revisionSelection("imports", "i1", 1), entryUpdate({ c: 3 }, LATER))
        .matchedCount,
    ).toBe(0);
    expect(entryFromDocument(documents[0] as EntryDocument)).toEqual({
      collection: "imports",
      id: "i1",
      revision: 2,
      body: { b: 2 },
      updatedAt: LATER,
    });
  });
});

describe("MongoDB entry lists", () => {
  it("list a collection by id, descending unless ascending, up to the limit", () => {
    const documents = [
      ...documentsOf("imports", ["01B", "01A", "01D", "01C"]),
      ...documentsOf("merges", ["01Z"]),
    ];
    expect(list(documents, "imports", { limit: 10 })).toEqual(["01D", "01C", "01B", "01A"]);
    expect(list(documents, "imports", { limit: 10, order: "asc" })).toEqual(["01A", "01B", "01C", "01D"]);
    expect(list(documents, "imports", { limit: 1 })).toEqual(["01D"]);
  });

  it("page strictly after a cursor in the chosen order", () => {
    const documents = documentsOf("imports", ["01A", "01B", "01C", "01D", "01E"]);
    expect(list(documents, "imports", { limit: 2, after: "01D" })).toEqual(["01C", "01B"]);
    expect(list(documents, "imports", { limit: 2, after: "01B", order: "asc" })).toEqual(["01C", "01D"]);
    expect(list(documents, "imports", { limit: 10, after: "01BZ" })).toEqual(["01B", "01A"]);
  });

  it("select ids starting with a prefix as an index range, pattern characters literal", () => {
    const layouts = documentsOf("dashboardLayout", [
      "u1:sales",
      "u1:support",
      "u10:sales",
      "u2:sales",
      "u1",
      "u1:",
    ]);
    expect(list(layouts, "dashboardLayout", { limit: 10, prefix: "u1:" })).toEqual([
      "u1:support",
      "u1:sales",
      "u1:",
    ]);
    expect(list(layouts, "dashboardLayout", { limit: 10, prefix: "u1:", after: "u1:support" })).toEqual([
      "u1:sales",
      "u1:",
    ]);
    // A cursor beyond the prefix's range never widens it.
    expect(list(layouts, "dashboardLayout", { limit: 10, prefix: "u1:", after: "zzz" })).toEqual([
      "u1:support",
      "u1:sales",
      "u1:",
    ]);
    expect(list(layouts, "dashboardLayout", { limit: 10, prefix: "u1:", after: "a", order: "asc" })).toEqual([
      "u1:",
      "u1:sales",
      "u1:support",
    ]);
    expect(entriesSelection("dashboardLayout", { prefix: "u1:", after: "u1:support" })).toEqual({
      collection: { $eq: "dashboardLayout" },
      $and: [{ id: { $gte: "u1:", $lt: "u1;" } }, { id: { $lt: "u1:support" } }],
    });
    const odd = documentsOf("c", ["a%b", "a_b", "axb", "a*", "a[1]", "a?", "a\\b", "a.b"]);
    for (const [prefix, expected] of [
      ["a%", ["a%b"]],
      ["a_", ["a_b"]],
      ["a*", ["a*"]],
      ["a[", ["a[1]"]],
      ["a?", ["a?"]],
      ["a\\", ["a\\b"]],
      ["a.", ["a.b"]],
    ] as const) {
      expect(list(odd, "c", { limit: 10, prefix, order: "asc" })).toEqual(expected);
    }
  });

  it("select a whole collection with an empty prefix, for a bulk delete too", () => {
    expect(entriesSelection("imports", { prefix: "" })).toEqual({ collection: { $eq: "imports" } });
    expect(entriesSelection("imports", {})).toEqual({ collection: { $eq: "imports" } });
  });
});
