import { describe, expect, it } from "vitest";
import type { DuplicateRecord } from "../../../runtime/src/duplicates/duplicate-api.js";
import {
  chooseSurvivor,
  defaultPicks,
  initialChoice,
  mergeFields,
  mergeRequestOf,
  pickValue,
  toggleMerged,
} from "../../../runtime/src/duplicates/merge-choices.js";
import { deal } from "../imports/data-harness.js";

const editable = deal.fields.map((f) => f.name).filter((name) => name !== "margin");

const records: DuplicateRecord[] = [
  { id: "r1", name: "One", values: { title: "One", code: "", amount: 10, margin: 3 } },
  { id: "r2", name: "Two", values: { title: "Two", code: "C-2", amount: null } },
  { id: "r3", name: "Three", values: { title: "Three", code: "C-3", account: { id: "a3", name: "Acc" } } },
  { id: "r4", name: "Four", values: { title: "Four", stage: "won" } },
];
const fields = mergeFields(deal, editable, records);

describe("fields a merge chooses", () => {
  it("are the editable fields some record shows, in the object's order", () => {
    expect(fields.map((f) => f.name)).toEqual(["title", "code", "stage", "amount", "account"]);
  });
});

describe("the first choice", () => {
  it("keeps the first record and merges the next two (a merge takes at most two)", () => {
    const choice = initialChoice(records, fields);
    expect([choice.survivorId, choice.mergedIds]).toEqual(["r1", ["r2", "r3"]]);
  });

  it("keeps the survivor's value, else the first merged record's that has one", () => {
    expect(initialChoice(records, fields).picks).toEqual({
      title: "r1",
      code: "r2",
      stage: "r1",
      amount: "r1",
      account: "r3",
    });
  });

  it("gives nothing from a record not in the merge", () => {
    // Four has the only stage, but is not merged.
    expect(defaultPicks(records, "r1", ["r2"], fields).stage).toBe("r1");
  });
});

describe("changing the choice", () => {
  it("keeping another record puts the old survivor among the merged when there is room", () => {
    const choice = toggleMerged(records, fields, initialChoice(records, fields), "r3");
    const next = chooseSurvivor(records, fields, choice, "r2");
    expect([next.survivorId, next.mergedIds]).toEqual(["r2", ["r1"]]);
    expect(next.picks.code).toBe("r2");
    expect(next.picks.amount).toBe("r1");
  });

  it("a record joins only while fewer than two are merged", () => {
    const full = initialChoice(records, fields);
    expect(toggleMerged(records, fields, full, "r4")).toBe(full);
    const room = toggleMerged(records, fields, full, "r2");
    expect(toggleMerged(records, fields, room, "r4").mergedIds).toEqual(["r3", "r4"]);
  });

  it("a record leaving takes back the values picked from it", () => {
    const choice = pickValue(initialChoice(records, fields), "title", "r3");
    expect(toggleMerged(records, fields, choice, "r3").picks).toMatchObject({ title: "r1", account: "r1" });
  });
});

describe("the merge request", () => {
  it("sends only values taken from other records, lookups as ids", () => {
    const choice = pickValue(initialChoice(records, fields), "title", "r2");
    expect(mergeRequestOf(records, fields, choice)).toEqual({
      survivorId: "r1",
      mergedIds: ["r2", "r3"],
      values: { title: "Two", code: "C-2", account: "a3" },
    });
  });

  it("clears a value when an empty one is picked", () => {
    const choice = pickValue(initialChoice(records, fields), "amount", "r2");
    expect(mergeRequestOf(records, fields, choice).values.amount).toBeNull();
  });

  it("leaves out a value equal to the survivor's", () => {
    const twins: DuplicateRecord[] = [
      { id: "a", name: "A", values: { title: "Same" } },
      { id: "b", name: "B", values: { title: "Same" } },
    ];
    const twinFields = mergeFields(deal, editable, twins);
    const choice = pickValue(initialChoice(twins, twinFields), "title", "b");
    expect(mergeRequestOf(twins, twinFields, choice).values).toEqual({});
  });
});
