import { afterEach, describe, expect, it, vi } from "vitest";
import { ENGINES, errorOf, nested } from "./engines.js";

const clock = { now: () => new Date("2024-05-01T23:30:00.000Z") };

describe.each(ENGINES)("%s: reading data safely", (_name, run) => {
  it.each([
    ["constructor"],
    ["__proto__"],
    ["toString"],
    ["prototype"],
    ["hasOwnProperty"],
    ["a.__proto__"],
    ["a.constructor"],
    ["a.constructor.name"],
  ])("reads nothing at %s", (path) => {
    expect(run({ var: path }, { a: { b: 1 } })).toBeNull();
    expect(run({ var: [path, "fallback"] }, { a: { b: 1 } })).toBe("fallback");
  });

  it("reads no own __proto__ key either", () => {
    expect(run({ var: "__proto__" }, JSON.parse('{"__proto__": {"x": 1}}'))).toBeNull();
  });

  it("reads no property of a string", () => {
    expect(run({ var: "length" }, "abc")).toBeNull();
    expect(run({ var: "s.length" }, { s: "abc" })).toBeNull();
    expect(run({ var: "s.0" }, { s: "abc" })).toBeNull();
  });

  it("reads array elements but not an array's length", () => {
    expect(run({ var: "xs.1" }, { xs: ["a", "b"] })).toBe("b");
    expect(run({ var: "xs.length" }, { xs: ["a", "b"] })).toBeNull();
    expect(run({ var: "xs.01" }, { xs: ["a", "b"] })).toBeNull();
  });

  it("reads no inherited property", () => {
    expect(run({ var: "secret" }, Object.create({ secret: 1 }))).toBeNull();
  });

  it("reads no property of a class instance", () => {
    class Deal {
      amount = 5;
    }
    expect(run({ var: "amount" }, new Deal())).toBeNull();
    expect(run({ var: "d.getTime" }, { d: new Date(0) })).toBeNull();
  });

  it("reads objects without a prototype", () => {
    const data = Object.assign(Object.create(null), { amount: 5 });
    expect(run({ var: "amount" }, data)).toBe(5);
  });

  it("reads nothing a polluted Object.prototype adds", () => {
    const prototype = Object.prototype as Record<string, unknown>;
    try {
      prototype.isAdmin = true;
      expect(run({ var: "isAdmin" }, { name: "x" })).toBeNull();
      expect(run({ "==": [{ var: "isAdmin" }, true] }, { name: "x" })).toBe(false);
      expect(run({ and: [{ var: "name" }, { var: "isAdmin" }] }, { name: "x" })).toBeNull();
    } finally {
      delete prototype.isAdmin;
    }
  });

  it("never calls a method found in the data", () => {
    const method = vi.fn(() => 1);
    const o = { valueOf: method, toString: method, indexOf: method };
    const data = { o, list: [o] };
    expect(run({ "==": [{ var: "o" }, 1] }, data)).toBe(false);
    expect(run({ "<": [{ var: "o" }, 2] }, data)).toBe(false);
    expect(run({ "+": [{ var: "o" }, 1] }, data)).toBeNaN();
    expect(run({ "*": [{ var: "o" }, 2] }, data)).toBeNaN();
    expect(run({ cat: [{ var: "o" }] }, data)).toBe("[object Object]");
    expect(run({ cat: [{ var: "list" }] }, data)).toBe("[object Object]");
    expect(run({ substr: [{ var: "o" }, { var: "o" }, { var: "o" }] }, data)).toBe("");
    expect(run({ in: ["x", { var: "o" }] }, data)).toBe(false);
    expect(run({ max: [{ var: "o" }] }, data)).toBeNaN();
    expect(method).not.toHaveBeenCalled();
  });

  it("compares an object whose toString is not a function without throwing", () => {
    const data = JSON.parse('{"o": {"toString": "x", "valueOf": 1}}');
    expect(run({ "==": [{ var: "o" }, "x"] }, data)).toBe(false);
    expect(run({ "!=": [{ var: "o" }, "[object Object]"] }, data)).toBe(false);
  });
});

describe.each(ENGINES)("%s: budgets", (_name, run) => {
  it("evaluates a rule nested 64 levels deep", () => {
    expect(run(nested(64), {})).toBe(true);
  });

  it("refuses a rule nested 65 levels deep", () => {
    const error = errorOf(() => run(nested(65), {}));
    expect(error).toMatchObject({ name: "RuleError", code: "rule.budgetExceeded" });
    expect(error?.path).toBe("/!/0".repeat(64));
  });

  it("refuses a hostile 100 000-level rule with a RuleError, not a stack overflow", () => {
    expect(errorOf(() => run(nested(100_000), {}))).toMatchObject({ code: "rule.budgetExceeded" });
  });

  it("honours a custom depth limit", () => {
    expect(errorOf(() => run(nested(4), {}, { maxDepth: 3 }))).toMatchObject({ code: "rule.budgetExceeded" });
  });

  it("stops reduce over a million items", () => {
    const rule = { reduce: [{ var: "xs" }, { "+": [{ var: "accumulator" }, 1] }, 0] };
    const error = errorOf(() => run(rule, { xs: new Array(1_000_000).fill(1) }));
    expect(error).toMatchObject({ code: "rule.budgetExceeded" });
  });

  it.each(["map", "filter", "all", "some", "none"])("counts each iteration of %s", (op) => {
    // A body that never stops the iteration early.
    const rule = { [op]: [{ var: "xs" }, op === "all"] };
    expect(() => run(rule, { xs: [1, 2, 3, 4] }, { maxOperations: 100 })).not.toThrow();
    expect(errorOf(() => run(rule, { xs: new Array(101).fill(0) }, { maxOperations: 100 }))).toMatchObject({
      code: "rule.budgetExceeded",
    });
  });

  it("stops merge from doubling a list", () => {
    const rule = {
      reduce: [{ var: "xs" }, { merge: [{ var: "accumulator" }, { var: "accumulator" }] }, [1]],
    };
    expect(errorOf(() => run(rule, { xs: new Array(40).fill(0) }))).toMatchObject({
      code: "rule.budgetExceeded",
    });
  });

  it("stops cat from doubling a text", () => {
    const rule = { reduce: [{ var: "xs" }, { cat: [{ var: "accumulator" }, { var: "accumulator" }] }, "ab"] };
    const error = errorOf(() => run(rule, { xs: new Array(40).fill(0) }));
    expect(error).toMatchObject({ code: "rule.budgetExceeded", path: "/reduce/1" });
  });

  it("honours a custom text limit", () => {
    expect(errorOf(() => run({ cat: ["abc", "def"] }, {}, { maxStringLength: 5 }))).toMatchObject({
      code: "rule.budgetExceeded",
    });
    expect(run({ cat: ["abc", "de"] }, {}, { maxStringLength: 5 })).toBe("abcde");
  });
});

describe.each(ENGINES)("%s: operators outside the language", (_name, run) => {
  it("refuses an unknown operator, naming it and pointing at it", () => {
    const error = errorOf(() => run({ and: [true, { sumif: [1] }] }, {}));
    expect(error).toMatchObject({ name: "RuleError", code: "rule.unknownOperator", path: "/and/1" });
    expect(error?.message).toContain('"sumif"');
  });

  it("refuses log: rules have no side effects", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(errorOf(() => run({ log: "x" }, {}))).toMatchObject({ code: "rule.operatorNotAllowed", path: "" });
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it.each([
    ['{"constructor": [{"var": "x"}, 1]}'],
    ['{"toString": [{"var": "x"}, 1]}'],
    ['{"__proto__": [{"var": "x"}, 1]}'],
    ['{"hasOwnProperty": ["x"]}'],
  ])("refuses names of Object.prototype as operators: %s", (json) => {
    expect(errorOf(() => run(JSON.parse(json), { x: 1 }))).toMatchObject({ code: "rule.unknownOperator" });
  });

  it("refuses a dotted method path such as json-logic-js's sub-operations", () => {
    expect(errorOf(() => run({ "Math.max": [1, 2] }, {}))).toMatchObject({ code: "rule.unknownOperator" });
  });

  it("does not look at an unknown operator in a branch it does not take (as json-logic-js)", () => {
    expect(run({ if: [true, 1, { sumif: [] }] }, {})).toBe(1);
  });

  it("refuses * without arguments", () => {
    expect(errorOf(() => run({ "*": [] }, {}))).toMatchObject({ code: "rule.invalidArguments", path: "" });
  });
});

describe.each(ENGINES)("%s: text operators", (_name, run) => {
  it.each([
    [{ startsWith: ["Acme Corp", "Acme"] }, true],
    [{ startsWith: ["Acme Corp", "acme"] }, false],
    [{ startsWith: [{ var: "missing" }, "a"] }, false],
    [{ startsWith: [12345, "12"] }, true],
    [{ endsWith: ["report.pdf", ".pdf"] }, true],
    [{ endsWith: ["report.pdf", ".doc"] }, false],
    [{ lower: ["ÀBC"] }, "àbc"],
    [{ upper: ["straße"] }, "STRASSE"],
    [{ trim: ["  x  "] }, "x"],
    [{ lower: [null] }, null],
    [{ trim: [["a"]] }, null],
    [{ len: ["héllo"] }, 5],
    [{ len: ["😀"] }, 1],
    [{ len: ["客户"] }, 2],
    [{ len: [[1, 2, 3]] }, 3],
    [{ len: [null] }, 0],
    [{ len: [{ var: "nothing" }] }, 0],
    [{ len: [123] }, 3],
  ])("%j is %j", (rule, expected) => {
    expect(run(rule, {})).toEqual(expected);
  });

  it("reads len of an object as null, not its length property", () => {
    expect(run({ len: [{ var: "o" }] }, { o: { length: 3 } })).toBeNull();
  });
});

describe.each(ENGINES)("%s: number operators", (_name, run) => {
  it.each([
    [{ round: [2.5] }, 3],
    [{ round: [-2.5] }, -3],
    [{ round: [1.005, 2] }, 1.01],
    [{ round: [1.2345, 3] }, 1.235],
    [{ round: [1234.5678, -2] }, 1200],
    [{ round: ["3.14159", 2] }, 3.14],
    [{ round: [1e21, 2] }, 1e21],
    [{ round: ["abc"] }, null],
    [{ abs: [-3.5] }, 3.5],
    [{ abs: ["-2"] }, 2],
    [{ abs: ["x"] }, null],
  ])("%j is %j", (rule, expected) => {
    expect(run(rule, {})).toEqual(expected);
  });
});

describe.each(ENGINES)("%s: date operators", (_name, run) => {
  it("reads today in UTC from the clock option", () => {
    expect(run({ today: [] }, {}, clock)).toBe("2024-05-01");
  });

  it("reads now as an ISO datetime from the clock option", () => {
    expect(run({ now: [] }, {}, clock)).toBe("2024-05-01T23:30:00.000Z");
  });

  it("answers null for an invalid clock", () => {
    expect(run({ today: [] }, {}, { now: () => new Date(Number.NaN) })).toBeNull();
  });

  it.each([
    [["2024-02-28", 1], "2024-02-29"],
    [["2023-02-28", 1], "2023-03-01"],
    [["2024-12-31", 1], "2025-01-01"],
    [["2024-03-01", -1], "2024-02-29"],
    [["2024-05-01", 0], "2024-05-01"],
    [["2024-05-01T10:00:00+08:00", 1], "2024-05-02T10:00:00+08:00"],
    [["2024-05-31T23:59:59.999Z", 1], "2024-06-01T23:59:59.999Z"],
    [["2024-05-01", "2"], "2024-05-03"],
    [["2024-05-01", 1.5], null],
    [["2024-02-30", 1], null],
    [["tomorrow", 1], null],
    [[20240501, 1], null],
    [["9999-12-31", 1], null],
  ])("addDays %j is %j", (args, expected) => {
    expect(run({ addDays: args }, {})).toBe(expected);
  });

  it("adds days to today", () => {
    expect(run({ addDays: [{ today: [] }, 30] }, {}, clock)).toBe("2024-05-31");
  });

  it.each([
    [["2024-01-01", "2024-03-01"], 60],
    [["2024-03-01", "2024-01-01"], -60],
    [["2024-05-01", "2024-05-01"], 0],
    [["2024-05-01T23:00:00Z", "2024-05-02T01:00:00Z"], 0],
    [["2024-05-01T00:00:00Z", "2024-05-03T12:00:00Z"], 2],
    [["2024-05-03T12:00:00Z", "2024-05-01T00:00:00Z"], -2],
    [["2024-05-01T00:00:00+08:00", "2024-05-01T00:00:00Z"], 0],
    [["2024-05-01", "2024-05-03T06:00:00Z"], 2],
    [["2024-05-01", "soon"], null],
    [[null, "2024-05-01"], null],
  ])("daysBetween %j is %j", (args, expected) => {
    expect(run({ daysBetween: args }, {})).toBe(expected);
  });
});

describe.each(ENGINES)("%s: values", (_name, run) => {
  afterEach(() => vi.restoreAllMocks());

  it("answers null when the rule yields nothing", () => {
    expect(run({ and: [] }, {})).toBeNull();
    expect(run({ var: "" })).toBeNull();
  });

  it("returns a fresh list for a list literal on every evaluation", () => {
    const first = run([1, 2], {}) as number[];
    first.push(3);
    expect(run([1, 2], {})).toEqual([1, 2]);
  });
});
