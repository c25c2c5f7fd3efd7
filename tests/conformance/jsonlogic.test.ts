import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileRule } from "../../metadata/src/rules/compile.js";
import { evaluateRule } from "../../metadata/src/rules/evaluate.js";

interface Case {
  name: string;
  rule: unknown;
  data: unknown;
  expected: unknown;
}

/** The official suite: comment strings start sections, arrays are `[rule, data, expected]`. */
const loadCases = (): Case[] => {
  const entries: unknown = JSON.parse(
    readFileSync(new URL("../fixtures/jsonlogic/tests.json", import.meta.url), "utf8"),
  );
  if (!Array.isArray(entries)) throw new Error("tests.json must be an array");
  const cases: Case[] = [];
  let section = "start";
  for (const entry of entries) {
    if (typeof entry === "string") {
      section = entry.replace(/^#\s*/, "");
      continue;
    }
    const [rule, data, expected] = entry as [unknown, unknown, unknown];
    const name = `#${cases.length + 1} ${section}: ${JSON.stringify(rule)} with ${JSON.stringify(data)}`;
    cases.push({ name, rule, data, expected });
  }
  return cases;
};

const cases = loadCases();

describe("the official JsonLogic suite", () => {
  it("has all 277 cases", () => {
    expect(cases).toHaveLength(277);
  });
});

describe("evaluateRule passes the official JsonLogic suite", () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(evaluateRule(c.rule, c.data)).toEqual(c.expected);
    });
  }
});

describe("compileRule passes the official JsonLogic suite", () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(compileRule(c.rule)(c.data)).toEqual(c.expected);
    });
  }
});
