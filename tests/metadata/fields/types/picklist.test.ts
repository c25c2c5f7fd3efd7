import { describe, expect, it } from "vitest";
import { picklistField } from "../../../../metadata/src/fields/types/picklist.js";
import { option, picklist } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const stage = picklist("stage", {
  options: [
    option("prospecting", "Prospecting", "初步接洽"),
    option("closedWon", "Closed won", "赢单"),
    option("legacy", "Legacy", undefined, { active: false }),
  ],
});

describe("picklist coercion", () => {
  it.each([
    ["closedWon", "closedWon"],
    ["Closed won", "closedWon"],
    ["  CLOSED WON ", "closedWon"],
    ["赢单", "closedWon"],
    ["legacy", "legacy"],
  ])("stores %j as %j", (input, stored) => {
    expect(picklistField.coerce(input, stage)).toEqual({ ok: true, value: stored });
  });

  it("refuses other values, listing the active ones", () => {
    expect(picklistField.coerce("lost", stage)).toEqual({
      ok: false,
      code: "field.notAnOption",
      message: '"lost" is not an option. Choose one of: prospecting, closedWon.',
    });
  });

  it("matches values exactly: a value in another case is not that value", () => {
    expect(picklistField.coerce("CLOSEDWON", stage)).toMatchObject({ ok: false, code: "field.notAnOption" });
  });

  it("refuses non-text input", () => {
    expect(picklistField.coerce(["closedWon"], stage)).toMatchObject({ ok: false, code: "field.notText" });
  });
});

describe("picklist record schema", () => {
  const valid = valueValidator(picklistField.toJsonSchema(stage));

  it("accepts every option value, inactive ones included", () => {
    expect(valid("closedWon")).toBe(true);
    expect(valid("legacy")).toBe(true);
  });

  it("refuses labels and unknown values", () => {
    expect(valid("Closed won")).toBe(false);
    expect(valid("lost")).toBe(false);
  });
});

describe("picklist definition checks", () => {
  it("reports a default that is not an option value", () => {
    expect(picklistField.check?.({ ...stage, default: "Closed won" })).toEqual([
      {
        path: "/default",
        code: "picklist.defaultNotInOptions",
        message: 'The default value "Closed won" is not one of the options.',
      },
    ]);
  });

  it("reports a duplicate value at its own path", () => {
    const field = picklist("p", {
      options: [option("a", "A"), option("b", "B"), option("c", "C"), option("a", "A again")],
    });
    expect(picklistField.check?.(field)).toMatchObject([
      { path: "/options/3/value", code: "picklist.duplicateValue" },
    ]);
  });

  it("accepts a default among the options", () => {
    expect(picklistField.check?.({ ...stage, default: "prospecting" })).toEqual([]);
  });
});

describe("picklist definition schema", () => {
  it("limits option values to codes and colours to #RRGGBB", () => {
    expect(picklistField.optionsSchema).toMatchObject({
      properties: {
        options: {
          minItems: 1,
          maxItems: 1000,
          items: {
            properties: {
              value: { pattern: "^[A-Za-z0-9_.-]{1,80}$" },
              color: { pattern: "^#[0-9A-Fa-f]{6}$" },
            },
          },
        },
      },
    });
  });
});

describe("picklist presentation", () => {
  it("renders a select with labels in the locale and inactive options disabled", () => {
    expect(picklistField.toUiSchema(stage, "zh-CN")).toEqual({
      "ui:widget": "select",
      "ui:enumNames": ["初步接洽", "赢单", "Legacy"],
      "ui:enumDisabled": ["legacy"],
    });
  });

  it("omits ui:enumDisabled when every option is active", () => {
    const field = picklist("p", { options: [option("a", "A")] });
    expect(picklistField.toUiSchema(field, "en")).toEqual({ "ui:widget": "select", "ui:enumNames": ["A"] });
  });
});
