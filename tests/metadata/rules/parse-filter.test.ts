import { describe, expect, it } from "vitest";
import type { FilterField } from "../../../metadata/src/rules/filter-node.js";
import { parseFilter } from "../../../metadata/src/rules/parse-filter.js";
import { nested } from "./engines.js";
import { clock, resolveField } from "./filter-fields.js";

const parse = (rule: unknown) => parseFilter(rule, resolveField, clock);
const filterOf = (rule: unknown) => {
  const parsed = parse(rule);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.filter;
};
const problemsOf = (rule: unknown) => {
  const parsed = parse(rule);
  return parsed.ok ? [] : parsed.problems;
};

describe("parseFilter accepts comparisons", () => {
  it.each([
    [{ "==": [{ var: "stage" }, "won"] }, { op: "compare", field: "stage", operator: "==", value: "won" }],
    [{ "===": [{ var: "stage" }, "won"] }, { op: "compare", field: "stage", operator: "==", value: "won" }],
    [{ "!=": [{ var: "stage" }, "won"] }, { op: "compare", field: "stage", operator: "!=", value: "won" }],
    [{ "!==": [{ var: "stage" }, "won"] }, { op: "compare", field: "stage", operator: "!=", value: "won" }],
    [{ "<": [{ var: "amount" }, 5] }, { op: "compare", field: "amount", operator: "<", value: 5 }],
    [{ ">=": [{ var: ["amount"] }, 100] }, { op: "compare", field: "amount", operator: ">=", value: 100 }],
    [{ "==": [{ var: "closed" }, false] }, { op: "compare", field: "closed", operator: "==", value: false }],
    [
      { "==": [{ var: "account.name" }, "Acme"] },
      { op: "compare", field: "account.name", operator: "==", value: "Acme" },
    ],
    [
      { "<=": [{ var: "opensAt" }, "09:30"] },
      { op: "compare", field: "opensAt", operator: "<=", value: "09:30" },
    ],
  ])("%j", (rule, expected) => {
    expect(filterOf(rule)).toEqual(expected);
  });

  it.each([
    ["<", ">"],
    ["<=", ">="],
    [">", "<"],
    [">=", "<="],
    ["==", "=="],
    ["!=", "!="],
  ])("written value first, %s becomes the field %s the value", (written, operator) => {
    expect(filterOf({ [written]: [5, { var: "amount" }] })).toEqual({
      op: "compare",
      field: "amount",
      operator,
      value: 5,
    });
  });

  it("a comparison with null is a test for a missing field", () => {
    expect(filterOf({ "==": [{ var: "stage" }, null] })).toEqual({ op: "missing", field: "stage" });
    expect(filterOf({ "!==": [null, { var: "stage" }] })).toEqual({
      op: "not",
      child: { op: "missing", field: "stage" },
    });
  });

  it("ranges", () => {
    expect(filterOf({ "<=": [100, { var: "amount" }, 500] })).toEqual({
      op: "between",
      field: "amount",
      low: 100,
      high: 500,
      lowInclusive: true,
      highInclusive: true,
    });
    expect(filterOf({ "<": ["2024-01-01", { var: "closeDate" }, "2024-02-01"] })).toEqual({
      op: "between",
      field: "closeDate",
      low: "2024-01-01",
      high: "2024-02-01",
      lowInclusive: false,
      highInclusive: false,
    });
  });
});

describe("parseFilter accepts the other conditions", () => {
  it.each([
    [{ in: [{ var: "stage" }, ["won", "lost"]] }, { op: "in", field: "stage", values: ["won", "lost"] }],
    [{ in: [{ var: "amount" }, [1, 2]] }, { op: "in", field: "amount", values: [1, 2] }],
    [{ in: ["acme", { var: "name" }] }, { op: "contains", field: "name", value: "acme" }],
    [{ in: ["renewal", { var: "notes" }] }, { op: "contains", field: "notes", value: "renewal" }],
    [{ in: ["vip", { var: "tags" }] }, { op: "includes", field: "tags", value: "vip" }],
    [{ startsWith: [{ var: "name" }, "Ac"] }, { op: "startsWith", field: "name", value: "Ac" }],
    [{ missing: ["name"] }, { op: "missing", field: "name" }],
    [{ missing: "name" }, { op: "missing", field: "name" }],
    [{ "!!": { var: "name" } }, { op: "not", child: { op: "missing", field: "name" } }],
    [{ "!!": [{ var: "name" }] }, { op: "not", child: { op: "missing", field: "name" } }],
    [true, { op: "true" }],
  ])("%j", (rule, expected) => {
    expect(filterOf(rule)).toEqual(expected);
  });
});

describe("parseFilter accepts combinations", () => {
  const won = { "==": [{ var: "stage" }, "won"] };
  const wonNode = { op: "compare", field: "stage", operator: "==", value: "won" };

  it("and / or of any number of conditions, nested", () => {
    expect(filterOf({ and: [won] })).toEqual({ op: "and", children: [wonNode] });
    expect(filterOf({ or: [won, { and: [won, won] }] })).toEqual({
      op: "or",
      children: [wonNode, { op: "and", children: [wonNode, wonNode] }],
    });
  });

  it("! of one condition, written alone or in a list", () => {
    expect(filterOf({ "!": won })).toEqual({ op: "not", child: wonNode });
    expect(filterOf({ "!": [won] })).toEqual({ op: "not", child: wonNode });
  });
});

describe("parseFilter resolves dates when it parses", () => {
  it.each([
    [{ "==": [{ var: "closeDate" }, { today: [] }] }, "2024-05-01"],
    [{ "==": [{ var: "closeDate" }, { addDays: [{ today: [] }, -30] }] }, "2024-04-01"],
    [{ "<": [{ var: "createdAt" }, { now: [] }] }, "2024-05-01T10:00:00.000Z"],
    [{ "<": [{ var: "createdAt" }, { addDays: [{ now: [] }, 1] }] }, "2024-05-02T10:00:00.000Z"],
    [{ ">=": [{ var: "createdAt" }, { today: [] }] }, "2024-05-01T00:00:00.000Z"],
    [{ ">=": [{ var: "createdAt" }, "2024-05-01T18:00:00+08:00"] }, "2024-05-01T10:00:00.000Z"],
    [{ ">=": [{ var: "createdAt" }, "2024-05-01"] }, "2024-05-01T00:00:00.000Z"],
  ])("%j compares with %s", (rule, value) => {
    expect(filterOf(rule)).toMatchObject({ op: "compare", value });
  });

  it("uses the system clock without a clock option", () => {
    const parsed = parseFilter({ "==": [{ var: "closeDate" }, { today: [] }] }, resolveField);
    expect(parsed.ok && parsed.filter.op === "compare" && parsed.filter.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("parseFilter refuses what a store cannot run", () => {
  it("an operation in a value, saying what is allowed", () => {
    const problems = problemsOf({ "==": [{ var: "amount" }, { "+": [1, 2] }] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "/==/1", code: "filter.notAllowed" });
    expect(problems[0]?.message).toContain(
      "Filters can compare a field with a value; `+` is not allowed here",
    );
  });

  it.each([
    [{ "+": [1, 2] }, ""],
    [{ and: [{ "==": [{ var: "stage" }, "won"] }, { map: [{ var: "tags" }, true] }] }, "/and/1"],
    [{ or: [{ "!": { if: [true, true, false] } }] }, "/or/0/!"],
    [{ log: "x" }, ""],
    [false, ""],
    [5, ""],
    [{ "==": [{ var: "stage" }, "won"], "!=": [{ var: "stage" }, "lost"] }, ""],
    [{ "!": { var: "name" } }, "/!"],
    [{ "==": [{ var: "amount" }, { var: "amount" }] }, "/==/1"],
    [{ in: [{ var: "stage" }, { merge: [["a"]] }] }, ""],
    [{ "==": [{ var: "stage" }, ["won"]] }, "/==/1"],
    [{ constructor: [{ var: "amount" }, 1] }, ""],
    [JSON.parse('{"__proto__": [{"var": "amount"}, 1]}'), ""],
    [{ toString: [{ var: "amount" }, 1] }, ""],
  ])("%j at %j", (rule, path) => {
    const problems = problemsOf(rule);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      path,
      code: expect.stringMatching(/^filter\.(notAllowed|invalidArguments)$/),
    });
  });

  it.each([
    [{ and: [] }, "/and"],
    [{ or: { "==": [{ var: "stage" }, "won"] } }, "/or"],
    [{ "!": [true, true] }, ""],
    [{ "==": [1, 2] }, ""],
    [{ "==": [{ var: "amount" }] }, ""],
    [{ "==": [{ var: "amount" }, 1, 2] }, ""],
    [{ "<": [{ var: "amount" }, 5, 10] }, ""],
    [{ "==": [{ var: ["amount", 0] }, 1] }, "/==/0/var"],
    [{ "==": [{ var: 5 }, 1] }, "/==/0/var"],
    [{ in: [{ var: "stage" }, "won"] }, ""],
    [{ in: [{ var: "stage" }, []] }, "/in/1"],
    [{ startsWith: ["Ac", { var: "name" }] }, ""],
    [{ missing: ["name", "stage"] }, ""],
    [{ "!!": { "==": [{ var: "stage" }, "won"] } }, "/!!"],
    [{ "==": [{ var: "closeDate" }, { addDays: [{ today: [] }] }] }, "/==/1/addDays"],
    [{ "==": [{ var: "closeDate" }, { addDays: ["2024-01-01", 1] }] }, "/==/1/addDays"],
  ])("a malformed %j at %j", (rule, path) => {
    expect(problemsOf(rule)).toEqual([expect.objectContaining({ path, code: "filter.invalidArguments" })]);
  });

  it("an unknown field, at its reference", () => {
    expect(problemsOf({ and: [{ "==": [{ var: "nope" }, 1] }] })).toEqual([
      { path: "/and/0/==/0", code: "filter.unknownField", message: 'Unknown field "nope"' },
    ]);
    expect(problemsOf({ missing: ["nope"] })).toEqual([
      expect.objectContaining({ path: "/missing/0", code: "filter.unknownField" }),
    ]);
  });

  it("a field path through a prototype, whatever the resolver answers", () => {
    const anything = (): FilterField => ({ type: "text", operators: ["=="], valueKind: "string" });
    for (const name of ["__proto__", "constructor", "a.prototype"]) {
      const parsed = parseFilter({ "==": [{ var: name }, "x"] }, anything);
      expect(parsed.ok ? [] : parsed.problems.map((p) => p.code)).toEqual(["filter.unknownField"]);
    }
  });

  it.each([
    [{ startsWith: [{ var: "amount" }, "1"] }, "startsWith"],
    [{ "<": [{ var: "closed" }, true] }, "<"],
    [{ in: ["1", { var: "amount" }] }, "contains"],
    [{ in: [{ var: "closeDate" }, ["2024-01-01"]] }, "in"],
    [{ "==": [{ var: "tags" }, "vip"] }, "=="],
    [{ "<=": [false, { var: "closed" }, true] }, "between"],
    [{ "==": [{ var: "notes" }, null] }, null],
  ])("an operator the field's type does not offer: %j", (rule, operator) => {
    const problems = problemsOf(rule);
    if (operator === null) {
      expect(problems).toEqual([]);
      return;
    }
    expect(problems).toEqual([expect.objectContaining({ path: "", code: "filter.operatorNotSupported" })]);
    expect(problems[0]?.message).toContain(` ${operator}`);
  });

  it.each([
    [{ "==": [{ var: "amount" }, "100"] }, "/==/1"],
    [{ "==": [{ var: "stage" }, 3] }, "/==/1"],
    [{ "==": [{ var: "closed" }, "true"] }, "/==/1"],
    [{ "==": [{ var: "closeDate" }, "01/05/2024"] }, "/==/1"],
    [{ "==": [{ var: "closeDate" }, "2024-02-30"] }, "/==/1"],
    [{ "==": [{ var: "closeDate" }, { now: [] }] }, "/==/1"],
    [{ "==": [{ var: "createdAt" }, "yesterday"] }, "/==/1"],
    [{ "==": [{ var: "opensAt" }, "25:00"] }, "/==/1"],
    [{ "==": [{ var: "name" }, { today: [] }] }, "/==/1"],
    [{ "<": [{ var: "amount" }, null] }, "/</1"],
    [{ in: [{ var: "stage" }, ["won", 3]] }, "/in/1/1"],
    [{ in: [{ var: "stage" }, ["won", null]] }, "/in/1/1"],
    [{ in: [5, { var: "name" }] }, "/in/0"],
    [{ startsWith: [{ var: "name" }, 5] }, "/startsWith/1"],
    [{ "<=": [1, { var: "amount" }, "9"] }, "/<=/2"],
    [{ "==": [{ var: "closeDate" }, { addDays: [{ today: [] }, 1.5] }] }, "/==/1/addDays/1"],
  ])("a value of the wrong kind: %j at %j", (rule, path) => {
    expect(problemsOf(rule)).toEqual([expect.objectContaining({ path, code: "filter.valueType" })]);
  });

  it("explains a wrong value in words", () => {
    expect(problemsOf({ "==": [{ var: "amount" }, "abc"] })[0]?.message).toBe(
      'The field "amount" holds numbers; "abc" does not fit',
    );
  });

  it("more than 100 conditions", () => {
    const conditions = Array.from({ length: 101 }, (_, i) => ({ "==": [{ var: "amount" }, i] }));
    expect(problemsOf({ or: conditions })).toEqual([
      expect.objectContaining({ path: "", code: "filter.tooManyConditions" }),
    ]);
    expect(problemsOf({ or: conditions.slice(1) })).toEqual([]);
  });

  it("an in list of more than 1000 values", () => {
    const values = Array.from({ length: 1001 }, (_, i) => i);
    expect(problemsOf({ in: [{ var: "amount" }, values] })).toEqual([
      expect.objectContaining({ path: "/in/1", code: "filter.tooManyValues" }),
    ]);
  });

  it("nesting deeper than 32 levels, without overflowing the stack", () => {
    const deep = nested(100_000, { "==": [{ var: "amount" }, 1] });
    expect(problemsOf(deep).map((p) => p.code)).toEqual(["filter.tooDeep"]);
    expect(problemsOf(nested(31, { "==": [{ var: "amount" }, 1] }))).toEqual([]);
  });

  it("reports every problem at once", () => {
    const rule = { and: [{ "==": [{ var: "nope" }, 1] }, { "==": [{ var: "amount" }, "x"] }, { "+": [1] }] };
    expect(problemsOf(rule).map((p) => [p.path, p.code])).toEqual([
      ["/and/0/==/0", "filter.unknownField"],
      ["/and/1/==/1", "filter.valueType"],
      ["/and/2", "filter.notAllowed"],
    ]);
  });
});
