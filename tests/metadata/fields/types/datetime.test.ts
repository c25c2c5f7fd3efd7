import { describe, expect, it } from "vitest";
import { datetimeField } from "../../../../metadata/src/fields/types/datetime.js";
import { datetime } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const dueAt = datetime("dueAt");

describe("datetime coercion", () => {
  it.each([
    ["2024-03-31T14:30:00.000Z", "2024-03-31T14:30:00.000Z"],
    ["2024-03-31T14:30:00+08:00", "2024-03-31T06:30:00.000Z"],
    ["2024-03-31T14:30+0800", "2024-03-31T06:30:00.000Z"],
    ["2024-03-31T01:00:00-05", "2024-03-31T06:00:00.000Z"],
    ["2024-03-31T23:30:00-01:00", "2024-04-01T00:30:00.000Z"],
    ["2024-03-31 14:30:00Z", "2024-03-31T14:30:00.000Z"],
    ["2024-03-31T14:30:00.123456789Z", "2024-03-31T14:30:00.123Z"],
    ["2024-03-31T14:30:00.5Z", "2024-03-31T14:30:00.500Z"],
    ["2024-03-31T14:30:00", "2024-03-31T14:30:00.000Z"],
    ["2024-03-31", "2024-03-31T00:00:00.000Z"],
    ["0050-06-01T00:00:00Z", "0050-06-01T00:00:00.000Z"],
    [0, "1970-01-01T00:00:00.000Z"],
    [1711895400000, "2024-03-31T14:30:00.000Z"],
  ])("stores %j as %j", (input, stored) => {
    expect(datetimeField.coerce(input, dueAt)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ["2024-02-30T10:00:00Z"],
    ["2024-03-31T24:00:00Z"],
    ["2024-03-31T12:60:00Z"],
    ["2024-03-31T12:00:60Z"],
    ["2024-03-31T12:00:00+24:00"],
    ["31/03/2024 14:30"],
    ["tomorrow"],
    ["0000-01-01T00:00:00+01:00"],
    [1.5],
    [Number.NaN],
    [9e15],
    [253402300800000],
    [true],
  ])("refuses %j with field.invalidDatetime", (input) => {
    expect(datetimeField.coerce(input, dueAt)).toMatchObject({ ok: false, code: "field.invalidDatetime" });
  });
});

describe("datetime record schema", () => {
  const valid = valueValidator(datetimeField.toJsonSchema(dueAt));

  it("accepts the canonical UTC form", () => {
    expect(valid("2024-03-31T06:30:00.000Z")).toBe(true);
  });

  it("refuses offsets and missing milliseconds, which would not sort with stored values", () => {
    expect(valid("2024-03-31T14:30:00.000+08:00")).toBe(false);
    expect(valid("2024-03-31T06:30:00Z")).toBe(false);
    expect(valid("2024-03-31")).toBe(false);
  });
});

describe("datetime definition checks", () => {
  it("asks for a default in the stored form", () => {
    expect(datetimeField.check?.(datetime("d", { default: "2024-03-31" }))).toMatchObject([
      { path: "/default", code: "field.invalidDefault" },
    ]);
    expect(datetimeField.check?.(datetime("d", { default: "2024-03-31T00:00:00.000Z" }))).toEqual([]);
  });
});

describe("datetime presentation", () => {
  it("uses the date-time widget", () => {
    expect(datetimeField.toUiSchema(dueAt, "en")).toEqual({ "ui:widget": "date-time" });
  });
});
