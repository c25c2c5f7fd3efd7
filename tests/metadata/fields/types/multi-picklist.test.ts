import { describe, expect, it } from "vitest";
import { multiPicklistField } from "../../../../metadata/src/fields/types/multi-picklist.js";
import { multiPicklist, option } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const regions = multiPicklist("regions", {
  options: [
    option("north", "North", "华北"),
    option("east", "East", "华东"),
    option("south", "South", "华南"),
  ],
});

describe("multi-select picklist coercion", () => {
  it.each([
    [["north"], ["north"]],
    [
      ["south", "north"],
      ["north", "south"],
    ],
    [["north", "North", "华北"], ["north"]],
    ["south;east", ["east", "south"]],
    [" 华南 ; ; North ", ["north", "south"]],
  ])("stores %j as %j (unique, in option order)", (input, stored) => {
    expect(multiPicklistField.coerce(input, regions)).toEqual({ ok: true, value: stored });
  });

  it("refuses an unknown item, naming it", () => {
    expect(multiPicklistField.coerce(["north", "west"], regions)).toMatchObject({
      ok: false,
      code: "field.notAnOption",
      message: '"west" is not an option. Choose one of: north, east, south.',
    });
  });

  it("refuses items that are not text, and input that is not a list", () => {
    expect(multiPicklistField.coerce([1], regions)).toMatchObject({ code: "field.notAnOption" });
    expect(multiPicklistField.coerce({ north: true }, regions)).toMatchObject({ code: "field.notAList" });
    expect(multiPicklistField.coerce(new Array(1001).fill("north"), regions)).toMatchObject({
      code: "field.notAList",
    });
    expect(multiPicklistField.coerce("north;".repeat(1001), regions)).toMatchObject({
      code: "field.notAList",
    });
  });
});

describe("multi-select picklist record schema", () => {
  const valid = valueValidator(multiPicklistField.toJsonSchema({ ...regions, maxSelections: 2 }));

  it("accepts unique option values up to maxSelections", () => {
    expect(valid(["north", "south"])).toBe(true);
  });

  it("refuses duplicates, unknown values and too many selections", () => {
    expect(valid(["north", "north"])).toBe(false);
    expect(valid(["west"])).toBe(false);
    expect(valid(["north", "east", "south"])).toBe(false);
  });
});

describe("multi-select picklist definition checks", () => {
  it("reports each default value that is not an option at its index", () => {
    expect(multiPicklistField.check?.({ ...regions, default: ["north", "West", "east", "x"] })).toMatchObject(
      [
        { path: "/default/1", code: "picklist.defaultNotInOptions" },
        { path: "/default/3", code: "picklist.defaultNotInOptions" },
      ],
    );
  });

  it("reports duplicate option values", () => {
    const field = multiPicklist("m", { options: [option("a", "A"), option("a", "B")] });
    expect(multiPicklistField.check?.(field)).toMatchObject([
      { path: "/options/1/value", code: "picklist.duplicateValue" },
    ]);
  });
});

describe("multi-select picklist presentation", () => {
  it("shows checkboxes for a few options", () => {
    expect(multiPicklistField.toUiSchema(regions, "en")).toEqual({
      "ui:widget": "checkboxes",
      "ui:enumNames": ["North", "East", "South"],
    });
  });

  it("shows a multiple select for more than ten options", () => {
    const many = multiPicklist("m", {
      options: Array.from({ length: 11 }, (_, i) => option(`o${i}`, `O${i}`)),
    });
    expect(multiPicklistField.toUiSchema(many, "en")).toMatchObject({ "ui:widget": "select" });
  });

  it("filters by includes", () => {
    expect(multiPicklistField.operators).toEqual(["includes", "missing"]);
  });
});
