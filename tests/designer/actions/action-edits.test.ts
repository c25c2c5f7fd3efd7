import { describe, expect, it } from "vitest";
import {
  isComputed,
  removeAt,
  renameValue,
  replaceAt,
  retargetCreateRecord,
  retargetFieldUpdate,
  switchValueKind,
  withoutValue,
} from "../../../designer/src/actions/action-edits.js";
import { deal, task } from "./fixtures.js";

const field = (name: string) => deal.fields.find((f) => f.name === name);

describe("fixed values and formulas", () => {
  it("a value is computed only when it is exactly {expression}", () => {
    expect(isComputed({ expression: { var: "amount" } })).toBe(true);
    expect(isComputed({ expression: 1, other: 2 })).toBe(false);
    expect(isComputed(5)).toBe(false);
  });

  it("a fixed value becomes the formula returning it", () => {
    expect(switchValueKind(5, true, field("amount"))).toEqual({ expression: 5 });
    expect(switchValueKind(null, true, field("amount"))).toEqual({ expression: null });
  });

  it("a formula that is only a value becomes that value again", () => {
    expect(switchValueKind({ expression: 5 }, false, field("amount"))).toBe(5);
    expect(switchValueKind({ expression: ["open"] }, false, field("stage"))).toEqual(["open"]);
  });

  it("a real formula becomes the field's starting value", () => {
    expect(switchValueKind({ expression: { var: "amount" } }, false, field("amount"))).toBe(0);
  });

  it("switching to the kind it already is changes nothing", () => {
    expect(switchValueKind({ expression: { var: "amount" } }, true, field("amount"))).toEqual({
      expression: { var: "amount" },
    });
    expect(switchValueKind(7, false, field("amount"))).toBe(7);
  });
});

describe("aiming a field update at another field", () => {
  it("restarts a fixed value for the new field's type", () => {
    expect(
      retargetFieldUpdate({ type: "fieldUpdate", field: "amount", value: 5 }, field("stage"), "stage"),
    ).toEqual({
      type: "fieldUpdate",
      field: "stage",
      value: "open",
    });
  });

  it("keeps a formula", () => {
    const action = {
      type: "fieldUpdate" as const,
      field: "amount",
      value: { expression: { var: "amount" } },
    };
    expect(retargetFieldUpdate(action, field("title"), "title").value).toEqual({
      expression: { var: "amount" },
    });
  });
});

describe("values of a created record", () => {
  it("another object restarts the values with its required fields", () => {
    expect(
      retargetCreateRecord(
        { type: "createRecord", object: "deal", values: { title: "x" } },
        task,
        "followUp",
      ),
    ).toEqual({ type: "createRecord", object: "followUp", values: { subject: null, urgency: "low" } });
  });

  it("renaming a row keeps the order of the rows and restarts its fixed value", () => {
    const renamed = renameValue({ subject: "Call", urgency: "high" }, "subject", "notes", task.fields[2]);
    expect(Object.entries(renamed)).toEqual([
      ["notes", null],
      ["urgency", "high"],
    ]);
  });

  it("removing a row leaves the others", () => {
    expect(withoutValue({ subject: "Call", urgency: "high" }, "subject")).toEqual({ urgency: "high" });
  });
});

describe("list edits", () => {
  it("replace and remove by position", () => {
    expect(replaceAt(["a", "b", "c"], 1, "x")).toEqual(["a", "x", "c"]);
    expect(removeAt(["a", "b", "c"], 0)).toEqual(["b", "c"]);
  });
});
