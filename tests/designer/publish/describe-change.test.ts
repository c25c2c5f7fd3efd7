import { describe, expect, it } from "vitest";
import {
  changesByKind,
  fieldChangeSentences,
  impactSentence,
  recordsLosingData,
} from "../../../designer/src/publish/describe-change.js";

const label = (field: string) => `«${field}»`;
const type = (t: string) => t.toUpperCase();

describe("field changes in words", () => {
  it("says what happened to each added and removed field", () => {
    expect(
      fieldChangeSentences(
        [
          { field: "status", change: "added" },
          { field: "old", change: "removed" },
        ],
        label,
        type,
      ),
    ).toEqual([
      { key: "field.added", params: { field: "«status»" } },
      { key: "field.removed", params: { field: "«old»" } },
    ]);
  });

  it("keeps the specific change and drops the generic one the engine adds after it", () => {
    expect(
      fieldChangeSentences(
        [
          { field: "amount", change: "typeChanged", from: "text", to: "number" },
          { field: "amount", change: "changed" },
        ],
        label,
        type,
      ),
    ).toEqual([{ key: "field.typeChanged", params: { field: "«amount»", from: "TEXT", to: "NUMBER" } }]);
  });

  it("says a field's settings changed when nothing more specific is known", () => {
    expect(fieldChangeSentences([{ field: "notes", change: "changed" }], label, type)).toEqual([
      { key: "field.changed", params: { field: "«notes»" } },
    ]);
  });

  it("lists the options a picklist loses", () => {
    expect(
      fieldChangeSentences(
        [
          { field: "stage", change: "optionsRemoved", options: ["lost", "stalled"] },
          { field: "stage", change: "changed" },
        ],
        label,
        type,
      ),
    ).toEqual([{ key: "field.optionsRemoved", params: { field: "«stage»", options: "lost, stalled" } }]);
  });

  it("has a sentence for each change the engine reports", () => {
    const keys = fieldChangeSentences(
      ["requiredAdded", "uniqueAdded", "referenceChanged", "maxLengthReduced"].map((change) => ({
        field: "f",
        change,
      })),
      label,
      type,
    ).map((s) => s.key);
    expect(keys).toEqual([
      "field.requiredAdded",
      "field.uniqueAdded",
      "field.referenceChanged",
      "field.maxLengthReduced",
    ]);
  });

  it("still shows a change it has no words for, by its code", () => {
    expect(fieldChangeSentences([{ field: "f", change: "precisionChanged" }], label, type)).toEqual([
      { key: "field.other", params: { field: "«f»", change: "precisionChanged" } },
    ]);
  });
});

describe("grouping document changes by kind", () => {
  it("orders kinds as given, unknown kinds last, and names alphabetically", () => {
    const groups = changesByKind(
      [
        { kind: "role", name: "sales", change: "added" },
        { kind: "object", name: "visit", change: "changed" },
        { kind: "widget", name: "x", change: "added" },
        { kind: "object", name: "account", change: "removed" },
      ],
      ["object", "layout", "role"],
    );
    expect(groups.map((g) => [g.kind, g.changes.map((c) => c.name)])).toEqual([
      ["object", ["account", "visit"]],
      ["role", ["sales"]],
      ["widget", ["x"]],
    ]);
  });
});

describe("the data impact in words", () => {
  const impact = (code: string, records: number, severity: "destructive" | "blocking" = "destructive") => ({
    object: "visit",
    field: "notes",
    severity,
    code,
    records,
    message: "engine words",
  });

  it("has a sentence for each impact the engine reports, with the number of records", () => {
    expect(impactSentence(impact("field.removed", 3))).toEqual({
      key: "impact.field.removed",
      params: { records: 3 },
    });
    expect(impactSentence(impact("object.removed", 9))).toEqual({
      key: "impact.object.removed",
      params: { records: 9 },
    });
  });

  it("leaves an impact it has no words for to the engine's message", () => {
    expect(impactSentence(impact("field.somethingNew", 1))).toBeUndefined();
  });

  it("counts the records that lose data, leaving out what blocks publishing", () => {
    expect(
      recordsLosingData([
        impact("field.removed", 3),
        impact("field.typeChanged", 2),
        impact("field.uniqueAdded", 5, "blocking"),
      ]),
    ).toBe(5);
  });
});
