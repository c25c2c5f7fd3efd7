import type { JsonObject } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import { diffDocuments, diffJson } from "../../../designer/src/publish/json-diff.js";

describe("the difference between two JSON values", () => {
  it("is empty for equal values, whatever the key order", () => {
    expect(diffJson({ a: 1, b: [1, { c: true }] }, { b: [1, { c: true }], a: 1 })).toEqual([]);
  });

  it("names a changed primitive by its pointer with both values", () => {
    expect(diffJson({ label: { en: "Visit" } }, { label: { en: "Site visit" } })).toEqual([
      { pointer: "/label/en", change: "changed", before: "Visit", after: "Site visit" },
    ]);
  });

  it("reports added and removed keys with the value they had or have", () => {
    expect(diffJson({ a: 1, gone: { x: 1 } }, { a: 1, fresh: [1] })).toEqual([
      { pointer: "/gone", change: "removed", before: { x: 1 } },
      { pointer: "/fresh", change: "added", after: [1] },
    ]);
  });

  it("reports a change of type at the point it happens, not inside", () => {
    expect(diffJson({ v: { a: 1 } }, { v: [1] })).toEqual([
      { pointer: "/v", change: "changed", before: { a: 1 }, after: [1] },
    ]);
    expect(diffJson({ v: null }, { v: 0 })).toEqual([
      { pointer: "/v", change: "changed", before: null, after: 0 },
    ]);
  });

  it("compares unnamed lists position by position", () => {
    expect(diffJson({ tags: ["a", "b"] }, { tags: ["a", "c", "d"] })).toEqual([
      { pointer: "/tags/1", change: "changed", before: "b", after: "c" },
      { pointer: "/tags/2", change: "added", after: "d" },
    ]);
    expect(diffJson(["a", "b", "c"], ["a"])).toEqual([
      { pointer: "/1", change: "removed", before: "b" },
      { pointer: "/2", change: "removed", before: "c" },
    ]);
  });

  it("matches named items by name: a field inserted is one addition, not every later field changed", () => {
    const before: JsonObject = { fields: [{ name: "title" }, { name: "date", type: "date" }] };
    const after: JsonObject = {
      fields: [{ name: "title" }, { name: "status" }, { name: "date", type: "date" }],
    };
    expect(diffJson(before, after)).toEqual([
      { pointer: "/fields/1", change: "added", after: { name: "status" } },
    ]);
  });

  it("points into a named item at its position after the change, and a removed one at its position before", () => {
    const before: JsonObject = { fields: [{ name: "old" }, { name: "title", required: false }] };
    const after = { fields: [{ name: "title", required: true }] };
    expect(diffJson(before, after)).toEqual([
      { pointer: "/fields/0/required", change: "changed", before: false, after: true },
      { pointer: "/fields/0", change: "removed", before: { name: "old" } },
    ]);
  });

  it("reports named items that changed order once, with the names in both orders", () => {
    const before = { fields: [{ name: "a" }, { name: "b" }, { name: "c" }] };
    const after = { fields: [{ name: "c" }, { name: "a" }, { name: "b" }] };
    expect(diffJson(before, after)).toEqual([
      { pointer: "/fields", change: "reordered", before: ["a", "b", "c"], after: ["c", "a", "b"] },
    ]);
  });

  it("does not call an addition alone a reordering", () => {
    const before = { steps: [{ name: "a" }, { name: "b" }] };
    const after = { steps: [{ name: "z" }, { name: "a" }, { name: "b" }] };
    expect(diffJson(before, after).map((c) => c.change)).toEqual(["added"]);
  });

  it("falls back to positions when names repeat or are missing", () => {
    expect(diffJson([{ name: "a" }, { name: "a" }], [{ name: "a" }, { name: "b" }])).toEqual([
      { pointer: "/1/name", change: "changed", before: "a", after: "b" },
    ]);
    expect(diffJson([{ value: "x" }], [{ value: "y" }])).toEqual([
      { pointer: "/0/value", change: "changed", before: "x", after: "y" },
    ]);
  });

  it("escapes ~ and / in keys as JSON pointers do", () => {
    expect(diffJson({ "a/b": 1, "c~d": 1 }, { "a/b": 2, "c~d": 2 })).toEqual([
      { pointer: "/a~1b", change: "changed", before: 1, after: 2 },
      { pointer: "/c~0d", change: "changed", before: 1, after: 2 },
    ]);
  });

  it("reports a changed root with the empty pointer", () => {
    expect(diffJson(1, 2)).toEqual([{ pointer: "", change: "changed", before: 1, after: 2 }]);
  });
});

describe("the difference between two versions' documents", () => {
  const role = { kind: "role", name: "sales", label: { en: "Sales" } };
  const layout = { kind: "layout", name: "visitMain", object: "visit", sections: [] };
  const object = { kind: "object", name: "visit", label: { en: "Visit" } };

  it("lists changed documents with their differences, and leaves out unchanged ones", () => {
    const renamed = { ...role, label: { en: "Sales team" } };
    expect(diffDocuments([role, object], [renamed, object])).toEqual([
      {
        kind: "role",
        name: "sales",
        change: "changed",
        changes: [{ pointer: "/label/en", change: "changed", before: "Sales", after: "Sales team" }],
      },
    ]);
  });

  it("gives added and removed documents whole, added first in the new version's order", () => {
    expect(diffDocuments([role, object], [object, layout])).toEqual([
      { kind: "layout", name: "visitMain", change: "added", document: layout },
      { kind: "role", name: "sales", change: "removed", document: role },
    ]);
  });

  it("tells documents of different kinds with the same name apart", () => {
    const sameName = { kind: "listView", name: "sales", object: "visit" };
    expect(diffDocuments([role], [role, sameName])).toEqual([
      { kind: "listView", name: "sales", change: "added", document: sameName },
    ]);
  });

  it("treats every document of the first version as added", () => {
    expect(diffDocuments([], [role]).map((d) => d.change)).toEqual(["added"]);
  });
});
