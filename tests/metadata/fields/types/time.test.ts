import { describe, expect, it } from "vitest";
import { timeField } from "../../../../metadata/src/fields/types/time.js";
import { time } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const opensAt = time("opensAt");

describe("time coercion", () => {
  it.each([
    ["09:30", "09:30:00"],
    ["9:30", "09:30:00"],
    ["23:59:59", "23:59:59"],
    [" 00:00 ", "00:00:00"],
  ])("stores %j as %j", (input, stored) => {
    expect(timeField.coerce(input, opensAt)).toEqual({ ok: true, value: stored });
  });

  it.each([["24:00"], ["12:60"], ["12:30:60"], ["9.30"], ["9am"], ["12:30:00Z"], ["12:30:00.5"], [930]])(
    "refuses %j with field.invalidTime",
    (input) => {
      expect(timeField.coerce(input, opensAt)).toMatchObject({ ok: false, code: "field.invalidTime" });
    },
  );
});

describe("time record schema", () => {
  it("accepts HH:MM:SS only", () => {
    const valid = valueValidator(timeField.toJsonSchema(opensAt));
    expect(valid("09:30:00")).toBe(true);
    expect(valid("09:30")).toBe(false);
    expect(valid("24:00:00")).toBe(false);
  });
});

describe("time presentation", () => {
  it("uses the time widget", () => {
    expect(timeField.toUiSchema(opensAt, "en")).toEqual({ "ui:widget": "time" });
  });
});
