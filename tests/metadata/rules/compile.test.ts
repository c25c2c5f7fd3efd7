import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileRule } from "../../../metadata/src/rules/compile.js";
import { evaluateRule } from "../../../metadata/src/rules/evaluate.js";
import { errorOf } from "./engines.js";

describe("compiled rules run under a strict CSP", () => {
  it("the rule language never builds code from text (no eval, no new Function)", () => {
    const folder = new URL("../../../metadata/src/rules/", import.meta.url);
    const sources = readdirSync(folder).filter((f) => f.endsWith(".ts"));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const code = readFileSync(new URL(file, folder), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      expect(code, file).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(/);
    }
  });
});

describe("a compiled rule", () => {
  it("is compiled once and evaluated against many records", () => {
    const isLarge = compileRule({ and: [{ ">=": [{ var: "amount" }, 10000] }, { "!": { var: "closed" } }] });
    expect(isLarge({ amount: 20000, closed: false })).toBe(true);
    expect(isLarge({ amount: 500, closed: false })).toBe(false);
    expect(isLarge({ amount: 20000, closed: true })).toBe(false);
    expect(isLarge({})).toBe(false);
  });

  it("evaluates without data", () => {
    expect(compileRule({ "+": [1, 2] })()).toBe(3);
  });

  it("reports an unknown operator only when evaluation reaches it, as the interpreter does", () => {
    const rule = compileRule({ if: [{ var: "x" }, { sumif: [] }, 0] });
    expect(rule({ x: false })).toBe(0);
    expect(errorOf(() => rule({ x: true }))).toMatchObject({ code: "rule.unknownOperator", path: "/if/1" });
  });

  it("counts only iterations against the operation budget", () => {
    const manyNodes = { and: Array.from({ length: 20 }, () => ({ "==": [1, 1] })) };
    expect(compileRule(manyNodes, { maxOperations: 5 })({})).toBe(true);
    expect(errorOf(() => evaluateRule(manyNodes, {}, { maxOperations: 5 }))).toMatchObject({
      code: "rule.budgetExceeded",
    });
  });

  it("starts each evaluation with a fresh budget", () => {
    const rule = compileRule({ map: [{ var: "xs" }, { var: "" }] }, { maxOperations: 3 });
    expect(rule({ xs: [1, 2, 3] })).toEqual([1, 2, 3]);
    expect(rule({ xs: [4, 5, 6] })).toEqual([4, 5, 6]);
  });

  it("reads nothing Object.prototype gains after compilation", () => {
    const rule = compileRule({ "==": [{ var: "isAdmin" }, true] });
    const prototype = Object.prototype as Record<string, unknown>;
    try {
      prototype.isAdmin = true;
      expect(rule({})).toBe(false);
      expect(rule({ isAdmin: true })).toBe(true);
    } finally {
      delete prototype.isAdmin;
    }
  });

  it("does not share a returned list between evaluations", () => {
    const rule = compileRule({ merge: [[1], [2]] });
    const first = rule() as number[];
    first.push(99);
    expect(rule()).toEqual([1, 2]);
  });
});

describe("specialised comparisons keep JsonLogic's loose semantics", () => {
  it.each([
    [{ "==": [{ var: "x" }, 1] }, "1", true],
    [{ "==": [{ var: "x" }, 1] }, true, true],
    [{ "==": [{ var: "x" }, 1] }, [1], true],
    [{ "==": [{ var: "x" }, 0] }, "", true],
    [{ "==": [{ var: "x" }, 0] }, null, false],
    [{ "==": [{ var: "x" }, null] }, null, true],
    [{ "!=": [{ var: "x" }, "a"] }, ["a"], false],
    [{ "===": [{ var: "x" }, 1] }, "1", false],
    [{ "!==": [{ var: "x" }, 1] }, "1", true],
    [{ "<": [{ var: "x" }, 10] }, "9", true],
    [{ "<": [{ var: "x" }, "10"] }, "9", false],
    [{ "<": [5, { var: "x" }] }, 6, true],
    [{ ">": [5, { var: "x" }] }, 6, false],
    [{ ">=": ["b", { var: "x" }] }, "a", true],
    [{ "<=": [{ var: "x" }, 0] }, null, true],
    [{ "<": [{ var: "x" }, 1] }, "abc", false],
    [{ ">=": [{ var: "x" }, 1] }, "abc", false],
    [{ "<=": [1, { var: "x" }, 3] }, "2", true],
    [{ "<": [1, { var: "x" }, 3] }, 3, false],
    [{ "<=": ["2024-01-01", { var: "x" }, "2024-12-31"] }, "2024-06-30", true],
    [{ in: [{ var: "x" }, ["a", 1, null]] }, null, true],
    [{ in: [{ var: "x" }, ["a", 1, null]] }, "1", false],
    [{ in: [{ var: "x" }, "Springfield"] }, "Spring", true],
    [{ in: [{ var: "x" }, "Springfield"] }, "", true],
    [{ in: [{ var: "x" }, ""] }, "", false],
    [{ in: ["Corp", { var: "x" }] }, "Acme Corp", true],
    [{ in: ["Corp", { var: "x" }] }, ["Corp"], true],
    [{ in: ["Corp", { var: "x" }] }, { Corp: 1 }, false],
  ])("%j with x = %j is %j, as interpreted", (rule, x, expected) => {
    expect(compileRule(rule)({ x })).toBe(expected);
    expect(evaluateRule(rule, { x })).toBe(expected);
  });

  it("uses the default of a var in a specialised comparison", () => {
    expect(compileRule({ ">": [{ var: ["x", 5] }, 3] })({})).toBe(true);
  });

  it("reads a nested field in a specialised comparison", () => {
    expect(compileRule({ "==": [{ var: "owner.team" }, "core"] })({ owner: { team: "core" } })).toBe(true);
    expect(compileRule({ "==": [{ var: "owner.team" }, "core"] })({ owner: null })).toBe(false);
  });
});
