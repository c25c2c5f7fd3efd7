import { describe, expect, it } from "vitest";
import { duplicateKeyOf, recordWriteError } from "../../../engine/src/store/mongo/duplicate-key.js";
import { mongoIndex, mongoIndexName } from "../../../engine/src/store/mongo/index-sync.js";
import { StoreError } from "../../../engine/src/store/store-port.js";
import { anIndex, aUniqueIndex, desc } from "./builders.js";

describe("mongoIndex", () => {
  it("ends a plain index with _id, the tie-breaker of every sort", () => {
    const { keys, options } = mongoIndex(anIndex("byStage", "stage", desc("amount")));
    expect(keys).toEqual({ stage: 1, amount: -1, _id: 1 });
    expect(options).toEqual({ name: mongoIndexName(anIndex("byStage", "stage", desc("amount"))) });
  });

  it("makes a unique index partial, so records without a value never collide", () => {
    expect(mongoIndex(aUniqueIndex("code"))).toEqual({
      keys: { code: 1 },
      options: {
        name: mongoIndexName(aUniqueIndex("code")),
        unique: true,
        partialFilterExpression: { code: { $exists: true } },
      },
    });
  });

  it("maps id to _id", () => {
    expect(mongoIndex(anIndex("byId", desc("id"))).keys).toEqual({ _id: -1 });
  });

  it("names an index by its spec and a digest of its definition", () => {
    expect(mongoIndexName(anIndex("byStage", "stage"))).toMatch(/^tsr_byStage_[0-9a-f]{12}$/);
    expect(mongoIndexName(anIndex("byStage", desc("stage")))).not.toBe(
      mongoIndexName(anIndex("byStage", "stage")),
    );
    expect(mongoIndexName({ ...aUniqueIndex("code"), unique: false })).not.toBe(
      mongoIndexName(aUniqueIndex("code")),
    );
    expect(mongoIndexName(anIndex("a:b c", "stage"))).toMatch(/^tsr_a_b_c_[0-9a-f]{12}$/);
  });

  it("refuses a key that is not a field", () => {
    expect(() => mongoIndex(anIndex("bad", "$where"))).toThrow(RangeError);
  });
});

describe("duplicateKeyOf", () => {
  it("reads the key pattern of a server error", () => {
    expect(duplicateKeyOf({ code: 11000, keyPattern: { code: 1 }, keyValue: { code: "A" } })).toBe("code");
  });

  it("reads the key pattern of a bulk write error", () => {
    const error = {
      code: 11000,
      writeErrors: [{ code: 11000, err: { code: 11000, keyPattern: { _id: 1 } } }],
    };
    expect(duplicateKeyOf(error)).toBe("_id");
    const single = {
      code: 11000,
      writeErrors: { code: 11000, err: { code: 11000, keyPattern: { code: 1 } } },
    };
    expect(duplicateKeyOf(single)).toBe("code");
  });

  it("reads the key from the message of older servers", () => {
    const errmsg =
      'E11000 duplicate key error collection: t.records.invoice index: tsr_x dup key: { email: "a@b" }';
    expect(duplicateKeyOf({ code: 11000, errmsg })).toBe("email");
  });

  it("ignores other errors", () => {
    expect(duplicateKeyOf({ code: 112, keyPattern: { code: 1 } })).toBeUndefined();
    expect(duplicateKeyOf(new Error("E11000"))).toBeUndefined();
  });
});

describe("recordWriteError", () => {
  it("maps a taken _id to duplicateId and another key to uniqueViolation naming the field", () => {
    expect(recordWriteError({ code: 11000, keyPattern: { _id: 1 } }, "invoice")).toMatchObject({
      code: "duplicateId",
    });
    const unique = recordWriteError({ code: 11000, keyPattern: { code: 1 } }, "invoice");
    expect(unique).toBeInstanceOf(StoreError);
    expect(unique).toMatchObject({ code: "uniqueViolation", field: "code" });
  });

  it("passes other errors through", () => {
    const error = new Error("network");
    expect(recordWriteError(error, "invoice")).toBe(error);
  });
});
