import { describe, expect, it } from "vitest";
import { documentToRecord, recordToDocument } from "../../../engine/src/store/mongo/record-document.js";
import type { StoredRecord } from "../../../engine/src/store/store-port.js";
import { aRecord } from "./builders.js";

const SYSTEM = {
  version: 1,
  ownerId: "u1",
  createdAt: "2025-01-01T00:00:00.000Z",
  createdBy: "u1",
  updatedAt: "2025-01-01T00:00:00.000Z",
  updatedBy: "u1",
};

describe("recordToDocument", () => {
  it("stores the id as _id, every other field as a top-level key, and lower-case copies of strings with capitals", () => {
    const record = aRecord("r1")
      .withValues({ name: "Éclair", city: "北京", code: "abc", tags: ["A"], n: 5 })
      .build();
    expect(recordToDocument(record)).toEqual({
      _id: "r1",
      ...SYSTEM,
      name: "Éclair",
      city: "北京",
      code: "abc",
      tags: ["A"],
      n: 5,
      __lower: {
        createdAt: "2025-01-01t00:00:00.000z",
        updatedAt: "2025-01-01t00:00:00.000z",
        name: "éclair",
      },
    });
  });

  it("keeps engine-internal fields", () => {
    const record = aRecord("r1").with("_approval", { status: "pending" }).build();
    expect(recordToDocument(record)._approval).toEqual({ status: "pending" });
  });

  it.each(["$where", "a.b", "_id", "__lower", "__proto__"])("refuses the key %j", (key) => {
    const record = { ...aRecord("r1").build(), [key]: 1 } as StoredRecord;
    Object.defineProperty(record, key, { value: 1, enumerable: true });
    expect(() => recordToDocument(record)).toThrow(RangeError);
  });
});

describe("documentToRecord", () => {
  it("reads the record back without the lower-case copies", () => {
    const record = aRecord("R1")
      .withValues({ name: "Éclair", tags: ["x"], nested: { a: "B" } })
      .build();
    expect(documentToRecord(recordToDocument(record))).toEqual(record);
  });

  it("reads a projected document", () => {
    expect(documentToRecord({ _id: "r1", version: 2, name: "x" })).toEqual({
      id: "r1",
      version: 2,
      name: "x",
    });
  });
});
