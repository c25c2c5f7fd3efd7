import { describe, expect, it } from "vitest";
import {
  allOf,
  changeOperator,
  conditionsToJsonLogic,
  type FilterCondition,
  jsonLogicToConditions,
  startCondition,
} from "../../../runtime/src/lists/filter-conditions.js";
import { checkbox, option, picklist } from "../../metadata/builders.js";
import { deal } from "./list-harness.js";

/** Each field type's condition, the JsonLogic the filter bar sends, and back again. */
const ROUND_TRIPS: Array<[string, FilterCondition, unknown]> = [
  [
    "text contains",
    { field: "title", operator: "contains", value: "Acme" },
    { in: ["Acme", { var: "title" }] },
  ],
  [
    "text starts with",
    { field: "title", operator: "startsWith", value: "Ac" },
    { startsWith: [{ var: "title" }, "Ac"] },
  ],
  ["text equals", { field: "title", operator: "==", value: "Acme" }, { "==": [{ var: "title" }, "Acme"] }],
  ["picklist equals", { field: "stage", operator: "==", value: "won" }, { "==": [{ var: "stage" }, "won"] }],
  [
    "picklist is one of",
    { field: "stage", operator: "in", value: ["open", "won"] },
    { in: [{ var: "stage" }, ["open", "won"]] },
  ],
  [
    "currency at least",
    { field: "amount", operator: ">=", value: 1000 },
    { ">=": [{ var: "amount" }, 1000] },
  ],
  [
    "currency between",
    { field: "amount", operator: "between", value: [100, 500] },
    { "<=": [100, { var: "amount" }, 500] },
  ],
  [
    "date before",
    { field: "closeOn", operator: "<", value: "2027-01-01" },
    { "<": [{ var: "closeOn" }, "2027-01-01"] },
  ],
  [
    "date between",
    { field: "closeOn", operator: "between", value: ["2027-01-01", "2027-03-31"] },
    { "<=": ["2027-01-01", { var: "closeOn" }, "2027-03-31"] },
  ],
  [
    "datetime after",
    { field: "signedAt", operator: ">", value: "2026-05-01T09:30:00.000Z" },
    { ">": [{ var: "signedAt" }, "2026-05-01T09:30:00.000Z"] },
  ],
  ["checkbox is no", { field: "hot", operator: "==", value: false }, { "==": [{ var: "hot" }, false] }],
  ["lookup equals", { field: "company", operator: "==", value: "c1" }, { "==": [{ var: "company" }, "c1"] }],
  [
    "lookup is one of",
    { field: "company", operator: "in", value: ["c1", "c2"] },
    { in: [{ var: "company" }, ["c1", "c2"]] },
  ],
  [
    "multi-picklist includes",
    { field: "tags", operator: "includes", value: "vip" },
    { in: ["vip", { var: "tags" }] },
  ],
  ["empty", { field: "notes", operator: "missing" }, { missing: ["notes"] }],
];

describe("filter bar conditions to JsonLogic and back", () => {
  for (const [name, condition, logic] of ROUND_TRIPS) {
    it(`${name}: writes the storable JsonLogic and reads it back`, () => {
      expect(conditionsToJsonLogic([condition])).toEqual(logic);
      expect(jsonLogicToConditions(deal, logic)).toEqual({ ok: true, conditions: [condition] });
    });
  }

  it("joins several conditions with and", () => {
    const conditions: FilterCondition[] = [
      { field: "stage", operator: "==", value: "open" },
      { field: "amount", operator: ">", value: 500 },
    ];
    const logic = { and: [{ "==": [{ var: "stage" }, "open"] }, { ">": [{ var: "amount" }, 500] }] };
    expect(conditionsToJsonLogic(conditions)).toEqual(logic);
    expect(jsonLogicToConditions(deal, logic)).toEqual({ ok: true, conditions });
  });

  it("leaves out conditions still missing a value", () => {
    expect(
      conditionsToJsonLogic([
        { field: "stage", operator: "==" },
        { field: "title", operator: "contains", value: "  " },
        { field: "amount", operator: "between", value: [100, undefined] },
        { field: "stage", operator: "in", value: [] },
      ]),
    ).toBeUndefined();
  });

  it("reads a date given for a datetime field as its midnight UTC, as the server does", () => {
    expect(jsonLogicToConditions(deal, { ">": [{ var: "signedAt" }, "2026-05-01"] })).toEqual({
      ok: true,
      conditions: [{ field: "signedAt", operator: ">", value: "2026-05-01T00:00:00.000Z" }],
    });
  });

  it("refuses a field the user cannot read, like the server", () => {
    const parsed = jsonLogicToConditions(deal, { "==": [{ var: "salary" }, 1] });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.reason).toBe("invalid");
  });

  it("refuses an operator the field's type does not offer", () => {
    const parsed = jsonLogicToConditions(deal, { startsWith: [{ var: "amount" }, "1"] });
    expect(parsed.ok === false && parsed.reason).toBe("invalid");
  });

  it("calls a valid filter the rows cannot show (an or) custom", () => {
    const logic = { or: [{ "==": [{ var: "stage" }, "open"] }, { "==": [{ var: "stage" }, "won"] }] };
    expect(jsonLogicToConditions(deal, logic)).toEqual({ ok: false, reason: "custom" });
  });
});

describe("editing a filter row", () => {
  it("starts a field at its type's first operator; a checkbox at no", () => {
    const stage = picklist("stage", { options: [option("open", "Open")] });
    expect(startCondition(stage)).toEqual({ field: "stage", operator: "==" });
    expect(startCondition(checkbox("hot"))).toEqual({ field: "hot", operator: "==", value: false });
  });

  it("keeps the value when the new operator takes the same kind of value", () => {
    expect(changeOperator({ field: "amount", operator: ">", value: 5 }, "<=")).toEqual({
      field: "amount",
      operator: "<=",
      value: 5,
    });
    expect(changeOperator({ field: "amount", operator: ">", value: 5 }, "between")).toEqual({
      field: "amount",
      operator: "between",
    });
  });
});

describe("combining a view's filter with the filter bar's", () => {
  it("ands the parts that are there", () => {
    const view = { "==": [{ var: "stage" }, "open"] };
    const bar = { ">": [{ var: "amount" }, 5] };
    expect(allOf(view, undefined, bar)).toEqual({ and: [view, bar] });
    expect(allOf(undefined, bar)).toEqual(bar);
    expect(allOf(undefined, undefined)).toBeUndefined();
  });
});
