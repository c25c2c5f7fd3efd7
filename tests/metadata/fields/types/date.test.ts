import { describe, expect, it } from "vitest";
import { dateField } from "../../../../metadata/src/fields/types/date.js";
import { date } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const closeDate = date("closeDate");

describe("date coercion", () => {
  it.each([
    ["2024-03-31", "2024-03-31"],
    [" 2024-02-29 ", "2024-02-29"],
    ["2024/3/5", "2024-03-05"],
    ["2024/12/01", "2024-12-01"],
    ["2024-03-05T23:30:00-05:00", "2024-03-05"],
    ["2024-03-05T01:00:00+08:00", "2024-03-05"],
    ["2024-03-05T10:00:00.123Z", "2024-03-05"],
    ["0001-01-01", "0001-01-01"],
  ])("stores %j as %j", (input, stored) => {
    expect(dateField.coerce(input, closeDate)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ["2023-02-29"],
    ["2023-02-30"],
    ["2024-13-01"],
    ["2024-00-10"],
    ["2024-04-31"],
    ["2024/2/30"],
    ["2024-3-5"],
    ["24-03-05"],
    ["05/03/2024"],
    ["2024-03-05T25:00:00Z"],
    ["next tuesday"],
    [20240305],
    [1709596800000],
  ])("refuses %j with field.invalidDate", (input) => {
    expect(dateField.coerce(input, closeDate)).toMatchObject({ ok: false, code: "field.invalidDate" });
  });

  it("refuses dates outside min and max", () => {
    const bounded = date("closeDate", { min: "2024-01-01", max: "2024-12-31" });
    expect(dateField.coerce("2023-12-31", bounded)).toMatchObject({ ok: false, code: "field.outOfRange" });
    expect(dateField.coerce("2025-01-01", bounded)).toMatchObject({ ok: false, code: "field.outOfRange" });
    expect(dateField.coerce("2024-12-31", bounded)).toEqual({ ok: true, value: "2024-12-31" });
  });
});

describe("date record schema", () => {
  const valid = valueValidator(dateField.toJsonSchema(closeDate));

  it("accepts YYYY-MM-DD", () => {
    expect(valid("2024-03-31")).toBe(true);
  });

  it("refuses datetimes and other shapes", () => {
    expect(valid("2024-03-31T00:00:00Z")).toBe(false);
    expect(valid("2024/03/31")).toBe(false);
  });
});

describe("date definition checks", () => {
  it("reports impossible bounds and min after max", () => {
    expect(dateField.check?.(date("d", { min: "2024-02-30" }))).toMatchObject([
      { path: "/min", code: "field.invalidBound" },
    ]);
    expect(dateField.check?.(date("d", { min: "2024-02-01", max: "2024-01-01" }))).toMatchObject([
      { path: "/min", code: "field.minAboveMax" },
    ]);
  });

  it("reports a default outside the bounds", () => {
    expect(dateField.check?.(date("d", { min: "2024-01-01", default: "2023-06-01" }))).toMatchObject([
      { path: "/default", code: "field.invalidDefault" },
    ]);
  });
});

describe("date presentation", () => {
  it("uses the date widget and ordered operators", () => {
    expect(dateField.toUiSchema(closeDate, "en")).toEqual({ "ui:widget": "date" });
    expect(dateField.operators).toEqual(["==", "!=", "<", "<=", ">", ">=", "between", "missing"]);
  });
});
