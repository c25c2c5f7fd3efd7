import { describe, expect, it } from "vitest";
import {
  conditionFields,
  fitsField,
  operatorsFor,
  valueInputOf,
  valueShapeOf,
} from "../../../designer/src/conditions/operators-by-type.js";
import {
  ALL_FIELDS,
  account,
  amount,
  location,
  notes,
  opensAt,
  owner,
  startsAt,
  status,
  subject,
  tags,
  urgent,
  visitDate,
} from "./condition-fields.js";

describe("operators offered by field type", () => {
  it("offers text the metadata's text operators, each negation after its base", () => {
    expect(operatorsFor(subject)).toEqual([
      "==",
      "!=",
      "in",
      "notIn",
      "contains",
      "notContains",
      "startsWith",
      "missing",
      "notMissing",
    ]);
  });

  it("offers numbers comparisons, ranges and lists", () => {
    expect(operatorsFor(amount)).toEqual([
      "==",
      "!=",
      "<",
      "<=",
      ">",
      ">=",
      "between",
      "in",
      "notIn",
      "missing",
      "notMissing",
    ]);
  });

  it("offers dates orderings and ranges but no lists", () => {
    expect(operatorsFor(visitDate)).toEqual([
      "==",
      "!=",
      "<",
      "<=",
      ">",
      ">=",
      "between",
      "missing",
      "notMissing",
    ]);
  });

  it("offers picklists equality, lists and emptiness", () => {
    expect(operatorsFor(status)).toEqual(["==", "!=", "in", "notIn", "missing", "notMissing"]);
  });

  it("offers yes/no fields equality and emptiness", () => {
    expect(operatorsFor(urgent)).toEqual(["==", "!=", "missing", "notMissing"]);
  });

  it("offers multi-select picklists includes and emptiness", () => {
    expect(operatorsFor(tags)).toEqual(["includes", "notIncludes", "missing", "notMissing"]);
  });

  it("offers rich text contains and emptiness", () => {
    expect(operatorsFor(notes)).toEqual(["contains", "notContains", "missing", "notMissing"]);
  });

  it("offers a geolocation emptiness only", () => {
    expect(operatorsFor(location)).toEqual(["missing", "notMissing"]);
  });

  it("lets conditions test every field type that has an operator", () => {
    expect(conditionFields(ALL_FIELDS)).toEqual(ALL_FIELDS);
  });
});

describe("value shapes", () => {
  it.each([
    ["missing", "none"],
    ["notMissing", "none"],
    ["between", "range"],
    ["in", "list"],
    ["notIn", "list"],
    ["==", "single"],
    ["contains", "single"],
    ["includes", "single"],
  ] as const)("%s takes %s", (operator, shape) => {
    expect(valueShapeOf(operator)).toBe(shape);
  });
});

describe("value inputs by field type", () => {
  it.each([
    [subject, "text"],
    [amount, "number"],
    [urgent, "boolean"],
    [visitDate, "date"],
    [startsAt, "datetime"],
    [opensAt, "time"],
    [status, "choice"],
    [tags, "choice"],
    [account, "reference"],
    [owner, "reference"],
  ] as const)("%#: %s", (field, input) => {
    expect(valueInputOf(field)).toBe(input);
  });
});

describe("values that fit a field", () => {
  it.each([
    [amount, 3, true],
    [amount, "3", false],
    [amount, Number.POSITIVE_INFINITY, false],
    [urgent, false, true],
    [urgent, "false", false],
    [visitDate, "2026-05-01", true],
    [visitDate, "2026-13-01", false],
    [visitDate, "2026-05-01T00:00:00Z", false],
    [startsAt, "2026-05-01T09:30:00.000Z", true],
    [startsAt, "2026-05-01T09:30+08:00", true],
    [startsAt, "2026-05-01", false],
    [opensAt, "09:30", true],
    [opensAt, "09:30:15", true],
    [opensAt, "24:00", false],
    [subject, "a", true],
    [subject, " ", false],
    [subject, 1, false],
    [status, "planned", true],
  ] as const)("%#: %j", (field, value, fits) => {
    expect(fitsField(field, value)).toBe(fits);
  });
});
