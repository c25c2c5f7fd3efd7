import type { JsonValue } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  type ConditionNode,
  type ConditionRule,
  emitCondition,
  parseCondition,
  printCondition,
  rootOf,
} from "../../../designer/src/conditions/condition-tree.js";
import { ALL_FIELDS } from "./condition-fields.js";

const v = (name: string) => ({ var: name });
const rule = (
  field: string,
  operator: ConditionRule["operator"],
  value?: ConditionRule["value"],
): ConditionRule =>
  value === undefined ? { kind: "rule", field, operator } : { kind: "rule", field, operator, value };

/** Every builder row and the exact JsonLogic it is written as, by field type. */
const ROWS: ReadonlyArray<[string, ConditionRule, JsonValue]> = [
  ["picklist equals", rule("status", "==", "planned"), { "==": [v("status"), "planned"] }],
  ["picklist does not equal", rule("status", "!=", "planned"), { "!=": [v("status"), "planned"] }],
  [
    "picklist is one of",
    rule("status", "in", ["planned", "done"]),
    { in: [v("status"), ["planned", "done"]] },
  ],
  ["picklist is none of", rule("status", "notIn", ["done"]), { "!": { in: [v("status"), ["done"]] } }],
  ["picklist is empty", rule("status", "missing"), { missing: ["status"] }],
  ["picklist is not empty", rule("status", "notMissing"), { "!": { missing: ["status"] } }],
  ["date equals", rule("visitDate", "==", "2026-05-01"), { "==": [v("visitDate"), "2026-05-01"] }],
  ["date before", rule("visitDate", "<", "2026-05-01"), { "<": [v("visitDate"), "2026-05-01"] }],
  ["date on or after", rule("visitDate", ">=", "2026-05-01"), { ">=": [v("visitDate"), "2026-05-01"] }],
  [
    "date between",
    rule("visitDate", "between", ["2026-05-01", "2026-05-31"]),
    { "<=": ["2026-05-01", v("visitDate"), "2026-05-31"] },
  ],
  ["date is empty", rule("visitDate", "missing"), { missing: ["visitDate"] }],
  ["text equals", rule("subject", "==", "Review"), { "==": [v("subject"), "Review"] }],
  ["text contains", rule("subject", "contains", "rev"), { in: ["rev", v("subject")] }],
  ["text does not contain", rule("subject", "notContains", "rev"), { "!": { in: ["rev", v("subject")] } }],
  ["text starts with", rule("subject", "startsWith", "Re"), { startsWith: [v("subject"), "Re"] }],
  ["text is one of", rule("subject", "in", ["a", "b"]), { in: [v("subject"), ["a", "b"]] }],
  ["text is empty", rule("subject", "missing"), { missing: ["subject"] }],
  ["number equals", rule("amount", "==", 100), { "==": [v("amount"), 100] }],
  ["number less than", rule("amount", "<", 0.5), { "<": [v("amount"), 0.5] }],
  ["number at most", rule("amount", "<=", -3), { "<=": [v("amount"), -3] }],
  ["number greater than", rule("amount", ">", 10), { ">": [v("amount"), 10] }],
  ["number between", rule("amount", "between", [10, 20]), { "<=": [10, v("amount"), 20] }],
  ["number is one of", rule("amount", "in", [1, 2]), { in: [v("amount"), [1, 2]] }],
  ["number is empty", rule("amount", "missing"), { missing: ["amount"] }],
  ["yes/no equals yes", rule("urgent", "==", true), { "==": [v("urgent"), true] }],
  ["yes/no equals no", rule("urgent", "==", false), { "==": [v("urgent"), false] }],
  ["yes/no does not equal yes", rule("urgent", "!=", true), { "!=": [v("urgent"), true] }],
  ["yes/no is empty", rule("urgent", "missing"), { missing: ["urgent"] }],
  [
    "date and time equals",
    rule("startsAt", "==", "2026-05-01T09:30:00.000Z"),
    { "==": [v("startsAt"), "2026-05-01T09:30:00.000Z"] },
  ],
  [
    "date and time after",
    rule("startsAt", ">", "2026-05-01T09:30:00.000Z"),
    { ">": [v("startsAt"), "2026-05-01T09:30:00.000Z"] },
  ],
  ["date and time is empty", rule("startsAt", "missing"), { missing: ["startsAt"] }],
  ["time equals", rule("opensAt", "==", "09:30"), { "==": [v("opensAt"), "09:30"] }],
  ["time is empty", rule("opensAt", "missing"), { missing: ["opensAt"] }],
  ["multi-select includes", rule("tags", "includes", "vip"), { in: ["vip", v("tags")] }],
  ["multi-select does not include", rule("tags", "notIncludes", "vip"), { "!": { in: ["vip", v("tags")] } }],
  ["multi-select is empty", rule("tags", "missing"), { missing: ["tags"] }],
  ["lookup equals", rule("account", "==", "acc-1"), { "==": [v("account"), "acc-1"] }],
  ["lookup is empty", rule("account", "missing"), { missing: ["account"] }],
  ["user is one of", rule("owner", "in", ["u1", "u2"]), { in: [v("owner"), ["u1", "u2"]] }],
  ["user equals", rule("owner", "==", "u1"), { "==": [v("owner"), "u1"] }],
  ["rich text contains", rule("notes", "contains", "urgent"), { in: ["urgent", v("notes")] }],
  ["geolocation is not empty", rule("location", "notMissing"), { "!": { missing: ["location"] } }],
  ["formula equals (number result)", rule("total", "==", 5), { "==": [v("total"), 5] }],
  ["currency at least", rule("price", ">=", 9.99), { ">=": [v("price"), 9.99] }],
  ["auto number starts with", rule("code", "startsWith", "V-"), { startsWith: [v("code"), "V-"] }],
];

describe("writing a row as JsonLogic", () => {
  it.each(ROWS)("%s", (_, row, logic) => {
    expect(printCondition(row)).toEqual(logic);
  });
});

describe("reading a row back from its JsonLogic", () => {
  it.each(ROWS)("%s", (_, row, logic) => {
    expect(parseCondition(logic, ALL_FIELDS)).toEqual(row);
  });
});

/** JsonLogic no row can show: each stays raw, exactly as written. */
const RAW: ReadonlyArray<[string, JsonValue]> = [
  ["a value-first comparison", { "==": ["planned", v("status")] }],
  ["an unknown field", { "==": [v("nope"), 1] }],
  ["a path into another record", { "==": [v("account.name"), "Acme"] }],
  ["an operator the field's type does not offer", { "<": [v("status"), "done"] }],
  ["a value of the wrong kind", { "==": [v("amount"), "100"] }],
  ["a comparison with null", { "==": [v("status"), null] }],
  ["a blank text", { "==": [v("subject"), "  "] }],
  ["a date not in ISO form", { "==": [v("visitDate"), "01/05/2026"] }],
  ["a time not in HH:MM form", { "==": [v("opensAt"), "9.30"] }],
  ["a comparison with another field", { "==": [v("amount"), v("price")] }],
  ["a var with a default", { "==": [{ var: ["status", "planned"] }, "planned"] }],
  ["an exclusive range", { "<": [1, v("amount"), 5] }],
  ["an empty list", { in: [v("status"), []] }],
  ["a list with a null", { in: [v("status"), ["planned", null]] }],
  ["a yes/no in a range", { "<=": [false, v("urgent"), true] }],
  ["a negation written as a list", { "!": [{ missing: ["status"] }] }],
  ["a negated comparison", { "!": { "==": [v("status"), "planned"] } }],
  ["a missing of two fields", { missing: ["status", "subject"] }],
  ["a missing not written as a list", { missing: "status" }],
  ["an empty and", { and: [] }],
  ["an or that is not a list", { or: { missing: ["status"] } }],
  ["two operations in one object", { "==": [v("status"), "planned"], "!=": [v("status"), "done"] }],
  ["an if", { if: [{ missing: ["status"] }, true, false] }],
  ["a computation", { ">": [{ "+": [v("amount"), 1] }, 5] }],
  ["a today", { "<": [v("visitDate"), { today: [] }] }],
  ["a starts-with on a number", { startsWith: [v("subject"), 5] }],
  ["a true", true],
  ["a number", 3],
  ["a null", null],
  ["a list", [1, 2]],
  ["an object with no operation", {}],
];

describe("keeping what rows cannot show as raw JsonLogic", () => {
  it.each(RAW)("%s", (_, logic) => {
    const node = parseCondition(logic, ALL_FIELDS);
    expect(node).toEqual({ kind: "raw", logic });
    expect(JSON.stringify(printCondition(node))).toBe(JSON.stringify(logic));
  });
});

describe("groups", () => {
  it("reads and/or as nested groups, with raw conditions in place", () => {
    const logic: JsonValue = {
      and: [{ "==": [v("status"), "planned"] }, { or: [{ missing: ["visitDate"] }, { if: [true, 1, 0] }] }],
    };
    const tree: ConditionNode = {
      kind: "group",
      junction: "and",
      children: [
        rule("status", "==", "planned"),
        {
          kind: "group",
          junction: "or",
          children: [rule("visitDate", "missing"), { kind: "raw", logic: { if: [true, 1, 0] } }],
        },
      ],
    };
    expect(parseCondition(logic, ALL_FIELDS)).toEqual(tree);
    expect(printCondition(tree)).toEqual(logic);
  });

  it("keeps a group of one condition as a group", () => {
    const logic = { or: [{ missing: ["status"] }] };
    expect(printCondition(parseCondition(logic, ALL_FIELDS))).toEqual(logic);
  });
});

describe("the editor's root", () => {
  it("is an added, empty group for no condition", () => {
    expect(rootOf(undefined, ALL_FIELDS)).toEqual({
      group: { kind: "group", junction: "and", children: [] },
      implicit: true,
    });
  });

  it("is an added group around a single condition", () => {
    expect(rootOf({ missing: ["status"] }, ALL_FIELDS)).toEqual({
      group: { kind: "group", junction: "and", children: [rule("status", "missing")] },
      implicit: true,
    });
  });

  it("is the condition's own group when it has one", () => {
    expect(rootOf({ or: [{ missing: ["status"] }] }, ALL_FIELDS).implicit).toBe(false);
  });
});

describe("what the builder emits", () => {
  const group = (children: ConditionNode[], junction: "and" | "or" = "and") => ({
    kind: "group" as const,
    junction,
    children,
  });

  it("emits nothing for no condition", () => {
    expect(emitCondition({ group: group([]), implicit: true }, ALL_FIELDS)).toBeUndefined();
  });

  it("emits a single condition on its own in a group it added", () => {
    expect(emitCondition({ group: group([rule("status", "missing")]), implicit: true }, ALL_FIELDS)).toEqual({
      missing: ["status"],
    });
  });

  it("keeps a group that was written in the condition, even with one condition", () => {
    expect(
      emitCondition({ group: group([rule("status", "missing")], "or"), implicit: false }, ALL_FIELDS),
    ).toEqual({ or: [{ missing: ["status"] }] });
  });

  it("joins two conditions with the group's and", () => {
    const root = {
      group: group([rule("status", "==", "planned"), rule("visitDate", "missing")]),
      implicit: true,
    };
    expect(emitCondition(root, ALL_FIELDS)).toEqual({
      and: [{ "==": [v("status"), "planned"] }, { missing: ["visitDate"] }],
    });
  });

  it("leaves out rows without a field or a value, and the groups that leaves empty", () => {
    const root = {
      group: group([
        rule("status", "==", "planned"),
        rule("", "=="),
        rule("amount", ">"),
        rule("amount", "between", [1, undefined]),
        rule("subject", "==", ""),
        group([rule("visitDate", "==")], "or"),
      ]),
      implicit: true,
    };
    expect(emitCondition(root, ALL_FIELDS)).toEqual({ "==": [v("status"), "planned"] });
  });

  it("emits nothing while every row is incomplete", () => {
    expect(emitCondition({ group: group([rule("", "==")]), implicit: false }, ALL_FIELDS)).toBeUndefined();
  });
});
