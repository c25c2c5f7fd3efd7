import type { JsonValue } from "@tessera/metadata";
import fc from "fast-check";
import { Query } from "mingo";
import type { Document } from "mongodb";
import { describe, expect, it } from "vitest";
import { keysetCondition, sortSpec } from "../../../engine/src/store/mongo/keyset.js";
import { recordToDocument } from "../../../engine/src/store/mongo/record-document.js";
import { cursorOf } from "../../../engine/src/store/record-cursor.js";
import type { SortKey, StoredRecord } from "../../../engine/src/store/store-port.js";
import { aRecord, asc, desc } from "./builders.js";

const NOT_ARRAY = { $not: { $type: "array" } };

describe("sortSpec", () => {
  it("appends _id ascending as the tie-breaker", () => {
    expect(sortSpec([desc("priority"), asc("title")])).toEqual({ priority: -1, title: 1, _id: 1 });
    expect(sortSpec([])).toEqual({ _id: 1 });
  });

  it("ends at id when the sort names it, and keeps the first of repeated keys", () => {
    expect(sortSpec([desc("id"), asc("title")])).toEqual({ _id: -1 });
    expect(sortSpec([asc("a"), desc("a")])).toEqual({ a: 1, _id: 1 });
  });

  it("refuses a name that is not a field", () => {
    expect(() => sortSpec([asc("$where")])).toThrow(RangeError);
  });
});

describe("keysetCondition", () => {
  it("continues after the id alone", () => {
    expect(keysetCondition([], ["r5"])).toEqual({ _id: { $gt: "r5" } });
    expect(keysetCondition([desc("id")], ["r5"])).toEqual({ _id: { $lt: "r5" } });
  });

  it("continues after a number ascending: greater numbers, later types, or a tie broken by id", () => {
    expect(keysetCondition([asc("p")], [2, "r5"])).toEqual({
      $or: [
        { $or: [{ p: { $gt: 2, $type: "number" } }, { p: { $type: ["string", "object", "bool"] } }] },
        { $and: [{ p: { $eq: 2, ...NOT_ARRAY } }, { _id: { $gt: "r5" } }] },
      ],
    });
  });

  it("continues after a string descending: smaller strings, earlier types, missing values", () => {
    expect(keysetCondition([desc("p")], ["b", "r5"])).toEqual({
      $or: [
        {
          $or: [
            { p: { $lt: "b", $type: "string" } },
            { p: { $type: ["number"] } },
            { p: { $eq: null, ...NOT_ARRAY } },
          ],
        },
        { $and: [{ p: { $eq: "b", ...NOT_ARRAY } }, { _id: { $gt: "r5" } }] },
      ],
    });
  });

  it("continues after a missing value: any value ascending, only ties descending", () => {
    expect(keysetCondition([asc("p")], [null, "r5"])).toEqual({
      $or: [
        { $nor: [{ p: { $eq: null, ...NOT_ARRAY } }] },
        { $and: [{ p: { $eq: null, ...NOT_ARRAY } }, { _id: { $gt: "r5" } }] },
      ],
    });
    expect(keysetCondition([desc("p")], [null, "r5"])).toEqual({
      $and: [{ p: { $eq: null, ...NOT_ARRAY } }, { _id: { $gt: "r5" } }],
    });
  });

  it("keeps cursor values operands", () => {
    expect(() => keysetCondition([asc("p")], [{ $gt: "" }, "r5"])).toThrow(RangeError);
    expect(() => keysetCondition([asc("p")], [["a"], "r5"])).toThrow(RangeError);
  });

  it("refuses a cursor shorter than the sort", () => {
    expect(() => keysetCondition([asc("p"), asc("q")], [1, "r5"])).toThrow(RangeError);
  });
});

/** Values of one sort field: all of one type, or mixed, with missing values either way. */
const sortValue = (kind: "number" | "string" | "mixed"): fc.Arbitrary<JsonValue | undefined> => {
  const number = fc.constantFrom(-1, 0, 1, 2.5);
  const text = fc.constantFrom("", "a", "B", "b", "é", "北", "2024-01-01");
  const present =
    kind === "number" ? number : kind === "string" ? text : fc.oneof(number, text, fc.boolean());
  return fc.option(present, { nil: undefined, freq: 4 });
};

const dataSet = fc
  .record({
    kinds: fc.record({
      p: fc.constantFrom("number", "string", "mixed" as const),
      q: fc.constantFrom("number", "string", "mixed" as const),
    }),
    size: fc.integer({ min: 0, max: 15 }),
  })
  .chain(({ kinds, size }) =>
    fc.array(fc.record({ p: sortValue(kinds.p), q: sortValue(kinds.q) }), {
      minLength: size,
      maxLength: size,
    }),
  )
  .map((rows) =>
    rows.map((row, i) => {
      const values = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
      return aRecord(`r${String(i).padStart(2, "0")}`)
        .withValues(values as Record<string, JsonValue>)
        .build();
    }),
  );

const sort: fc.Arbitrary<SortKey[]> = fc.array(
  fc.record({ field: fc.constantFrom("p", "q", "id"), direction: fc.constantFrom("asc", "desc" as const) }),
  { maxLength: 3 },
);

/** MongoDB's order of JSON types: missing and null, numbers, strings, objects, booleans. */
const TYPE_RANK = { undefined: 0, number: 1, string: 2, object: 3, boolean: 4 } as const;

/** The order the port promises, written out independently: missing lowest, then by type, then by value. */
const compareValues = (a: JsonValue | undefined, b: JsonValue | undefined): number => {
  const rank = (v: JsonValue | undefined) =>
    TYPE_RANK[(v === null ? "undefined" : typeof v) as keyof typeof TYPE_RANK];
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a === b || a === undefined || a === null || b === undefined || b === null) return 0;
  return (a as number | string | boolean) < (b as number | string | boolean) ? -1 : 1;
};

const expectedOrder = (records: readonly StoredRecord[], keys: readonly SortKey[]): string[] =>
  [...records]
    .sort((x, y) => {
      for (const { field, direction } of [...keys, asc("id")]) {
        const order = compareValues(x[field], y[field]);
        if (order !== 0) return direction === "asc" ? order : -order;
      }
      return 0;
    })
    .map((r) => r.id);

const find = (documents: readonly Document[], filter: Document, keys: readonly SortKey[], limit?: number) => {
  const cursor = new Query(filter).find<{ _id: string }>(documents).sort(sortSpec(keys));
  return (limit === undefined ? cursor : cursor.limit(limit)).all().map((d) => d._id);
};

describe("keyset pagination (evaluated by mingo)", () => {
  it("sorts as the port says: missing values lowest ascending and highest descending, then by id", () => {
    fc.assert(
      fc.property(dataSet, sort, (records, keys) => {
        expect(find(records.map(recordToDocument), {}, keys)).toEqual(expectedOrder(records, keys));
      }),
      { numRuns: 500 },
    );
  });

  it("reads every record exactly once, in order, whatever the page size", () => {
    fc.assert(
      fc.property(dataSet, sort, fc.integer({ min: 1, max: 4 }), (records, keys, size) => {
        const documents = records.map(recordToDocument);
        const byId = new Map(records.map((r) => [r.id, r]));
        const read: string[] = [];
        let after: JsonValue[] | undefined;
        for (let page = 0; page <= records.length; page++) {
          const filter = after === undefined ? {} : keysetCondition(keys, after);
          const ids = find(documents, filter, keys, size + 1);
          read.push(...ids.slice(0, size));
          const last = ids.slice(0, size).at(-1);
          if (ids.length <= size || last === undefined) break;
          after = cursorOf(byId.get(last) as StoredRecord, keys);
        }
        expect(read).toEqual(find(documents, {}, keys));
      }),
      { numRuns: 500 },
    );
  });
});
