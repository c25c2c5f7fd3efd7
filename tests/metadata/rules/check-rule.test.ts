import { describe, expect, it } from "vitest";
import { checkRule } from "../../../metadata/src/rules/check-rule.js";
import { nested } from "./engines.js";

describe("checkRule accepts", () => {
  it.each([
    [{ and: [{ ">": [{ var: "amount" }, 5] }, { in: [{ var: "stage" }, ["won", "lost"]] }] }],
    [{ if: [{ var: "x" }, { cat: ["a", { var: "y" }] }, null] }],
    [{ map: [{ var: "lines" }, { "*": [{ var: "" }, 2] }] }],
    [{ var: ["amount", 0] }],
    [{ var: 1 }],
    [{ missing: ["a", "b"] }],
    [{ startsWith: [{ var: "name" }, "A"] }],
    [{ addDays: [{ today: [] }, 3] }],
    [5],
    ["text"],
    [null],
    [[1, 2, { var: "x" }]],
    [{}],
  ])("%j", (rule) => {
    expect(checkRule(rule)).toEqual([]);
  });

  it("a rule nested exactly 32 levels deep", () => {
    expect(checkRule(nested(32))).toEqual([]);
  });
});

describe("checkRule refuses", () => {
  it("an unknown operation, at its path", () => {
    expect(checkRule({ and: [true, { sumif: [{ var: "x" }] }] })).toEqual([
      { path: "/and/1", code: "rule.unknownOperator", message: 'Unknown operation "sumif"' },
    ]);
  });

  it.each([["constructor"], ["toString"], ["__proto__"], ["valueOf"]])("%s as an operation", (name) => {
    expect(checkRule(JSON.parse(`{"${name}": [1]}`))).toEqual([
      { path: "", code: "rule.unknownOperator", message: `Unknown operation "${name}"` },
    ]);
  });

  it("log", () => {
    expect(checkRule({ "!": { log: 1 } })).toEqual([
      { path: "/!", code: "rule.operatorNotAllowed", message: 'The "log" operation is not allowed in rules' },
    ]);
  });

  it("an object of several keys where an operation is expected", () => {
    const problems = checkRule({ or: [{ "==": [1, 1], "!=": [1, 2] }] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "/or/0", code: "rule.multipleOperations" });
    expect(problems[0]?.message).toContain('"==", "!="');
  });

  it("nesting over 32 levels, pointing at the first level too deep", () => {
    const problems = checkRule(nested(33));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "rule.tooDeep", path: "/!/0".repeat(32) });
  });

  it("a hostile 100 000-level rule without overflowing the stack", () => {
    expect(checkRule(nested(100_000)).map((p) => p.code)).toEqual(["rule.tooDeep"]);
  });

  it("more than 2000 parts", () => {
    const rule = { cat: Array.from({ length: 2000 }, (_, i) => i) };
    expect(checkRule(rule).map((p) => [p.path, p.code])).toEqual([["", "rule.tooLarge"]]);
    expect(checkRule({ cat: Array.from({ length: 1998 }, (_, i) => i) })).toEqual([]);
  });

  it("custom limits", () => {
    expect(checkRule(nested(3), { maxDepth: 2 }).map((p) => p.code)).toEqual(["rule.tooDeep"]);
    expect(checkRule([1, 2, 3], { maxNodes: 3 }).map((p) => p.code)).toEqual(["rule.tooLarge"]);
  });

  it.each([
    [{ var: { "+": [1] } }, "/var"],
    [{ var: [{ cat: ["a", "b"] }] }, "/var/0"],
    [{ var: true }, "/var"],
    [{ var: null }, "/var"],
    [{ var: [] }, "/var"],
    [{ var: ["a", 1, 2] }, "/var"],
    [{ and: [{ var: [["a"]] }] }, "/and/0/var/0"],
  ])("a var that does not name a field: %j at %s", (rule, path) => {
    expect(checkRule(rule)).toContainEqual(
      expect.objectContaining({ path, code: "rule.invalidFieldReference" }),
    );
  });

  it.each([
    [{ var: "__proto__" }, "/var", "__proto__"],
    [{ var: "a.constructor" }, "/var", "constructor"],
    [{ var: ["x.prototype.y", 1] }, "/var/0", "prototype"],
    [{ "==": [{ var: "a" }, { var: "a.__proto__.b" }] }, "/==/1/var", "__proto__"],
    [{ missing: ["ok", "constructor"] }, "/missing/1", "constructor"],
    [{ missing: "__proto__" }, "/missing", "__proto__"],
    [{ missing_some: [1, ["a", "__proto__"]] }, "/missing_some/1/1", "__proto__"],
  ])("a field path through a prototype: %j", (rule, path, segment) => {
    expect(checkRule(rule)).toEqual([
      { path, code: "rule.forbiddenField", message: `"${segment}" cannot be used in a field name` },
    ]);
  });

  it("values that are not JSON", () => {
    expect(checkRule({ "+": [1, Number.NaN] })).toEqual([
      expect.objectContaining({ path: "/+/1", code: "rule.notJson" }),
    ]);
    expect(checkRule({ "==": [new Date(0), 1] }).map((p) => p.path)).toEqual(["/==/0"]);
    expect(checkRule(undefined).map((p) => p.code)).toEqual(["rule.notJson"]);
  });

  it("every problem of a rule at once", () => {
    const rule = { and: [{ sumif: [] }, { var: "a.__proto__" }, { log: 1 }] };
    expect(checkRule(rule).map((p) => [p.path, p.code])).toEqual([
      ["/and/0", "rule.unknownOperator"],
      ["/and/1/var", "rule.forbiddenField"],
      ["/and/2", "rule.operatorNotAllowed"],
    ]);
  });
});
