import { describe, expect, it } from "vitest";
import type { DuplicateCondition, DuplicateRule } from "../../../metadata/src/kinds/duplicate-rule.js";
import { checkDuplicateRule, DuplicateRuleSchema } from "../../../metadata/src/kinds/duplicate-rule.js";
import { aDuplicateRule } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { deal } from "./deal.js";
import { refusedAt } from "./schema-errors.js";

const onDeal = (...conditions: DuplicateCondition[]): DuplicateRule =>
  aDuplicateRule({ object: "deal", conditions });

const check = (rule: DuplicateRule) => findings(checkDuplicateRule(rule, sampleContext(deal)));

describe("duplicateRule schema", () => {
  it("accepts the sample rule", () => {
    expect(refusedAt(DuplicateRuleSchema, aDuplicateRule())).toEqual([]);
  });

  it("refuses a rule without conditions, and more than five", () => {
    expect(refusedAt(DuplicateRuleSchema, aDuplicateRule({ conditions: [] }))).toEqual(["/conditions"]);
    const conditions = Array.from({ length: 6 }, (_, i) => ({ field: `f${i}`, match: "exact" as const }));
    expect(refusedAt(DuplicateRuleSchema, aDuplicateRule({ conditions }))).toEqual(["/conditions"]);
  });

  it("refuses an action other than alert and block", () => {
    expect(refusedAt(DuplicateRuleSchema, { ...aDuplicateRule(), action: "merge" })).toContain("/action");
  });

  it("refuses an unknown normaliser and an unknown match", () => {
    const conditions = [{ field: "status", normalizer: "soundex", match: "phonetic" }];
    expect(refusedAt(DuplicateRuleSchema, { ...aDuplicateRule(), conditions })).toEqual(
      expect.arrayContaining(["/conditions/0/normalizer", "/conditions/0/match"]),
    );
  });

  it("refuses a threshold outside 0.5..1", () => {
    const low = [{ field: "status", match: "fuzzy", threshold: 0.4 }];
    const high = [{ field: "status", match: "fuzzy", threshold: 1.1 }];
    expect(refusedAt(DuplicateRuleSchema, { ...aDuplicateRule(), conditions: low })).toEqual([
      "/conditions/0/threshold",
    ]);
    expect(refusedAt(DuplicateRuleSchema, { ...aDuplicateRule(), conditions: high })).toEqual([
      "/conditions/0/threshold",
    ]);
  });
});

describe("duplicateRule checks", () => {
  it("accepts the sample rule", () => {
    expect(checkDuplicateRule(aDuplicateRule(), sampleContext())).toEqual([]);
  });

  it("reports an unknown object", () => {
    expect(findings(checkDuplicateRule(aDuplicateRule({ object: "payment" }), sampleContext()))).toEqual([
      { code: "duplicateRule.unknownObject", path: "/object" },
    ]);
  });

  it("reports an unknown field, and the record id", () => {
    expect(check(onDeal({ field: "vat", match: "exact" }, { field: "id", match: "exact" }))).toEqual([
      { code: "duplicateRule.unknownField", path: "/conditions/0/field" },
      { code: "duplicateRule.unknownField", path: "/conditions/1/field" },
    ]);
  });

  it.each([
    ["name"],
    ["notes"],
    ["email"],
    ["phone"],
    ["website"],
    ["stage"],
    ["account"],
    ["salesRep"],
    ["closeDate"],
    ["signedAt"],
    ["seats"],
    ["amount"],
    ["isPartner"],
    ["dealNumber"],
    ["headline"],
    ["ownerId"],
  ])("compares %s exactly", (field) => {
    expect(check(onDeal({ field, match: "exact" }))).toEqual([]);
  });

  it.each([["tags"], ["proposal"], ["site"], ["contract"], ["callTime"]])(
    "refuses to compare %s",
    (field) => {
      expect(check(onDeal({ field, match: "exact" }))).toEqual([
        { code: "duplicateRule.notComparable", path: "/conditions/0/field" },
      ]);
    },
  );

  it("matches text, long text, email, phone, URL and text formulas fuzzily", () => {
    const rule = onDeal(
      { field: "name", normalizer: "companyName", match: "fuzzy", threshold: 0.8 },
      { field: "notes", match: "fuzzy" },
      { field: "email", match: "fuzzy" },
      { field: "phone", match: "fuzzy" },
      { field: "headline", normalizer: "text", match: "fuzzy" },
    );
    expect(check(rule)).toEqual([]);
    expect(check(onDeal({ field: "website", match: "fuzzy" }))).toEqual([]);
  });

  it("refuses a fuzzy match of a field that is not text, and says so", () => {
    const issues = checkDuplicateRule(onDeal({ field: "stage", match: "fuzzy" }), sampleContext(deal));
    expect(findings(issues)).toEqual([{ code: "duplicateRule.fuzzyNotText", path: "/conditions/0/match" }]);
    expect(issues[0]?.message).toBe(
      '"stage" (picklist) can only match exactly; similar-spelling matches are for text, email, phone and URL fields.',
    );
  });

  it("refuses a text normaliser on a field that is not text", () => {
    expect(check(onDeal({ field: "account", normalizer: "companyName", match: "exact" }))).toEqual([
      { code: "duplicateRule.normalizerNotText", path: "/conditions/0/normalizer" },
    ]);
    expect(check(onDeal({ field: "seats", normalizer: "exact", match: "exact" }))).toEqual([]);
  });

  it("refuses a threshold on an exact match", () => {
    expect(check(onDeal({ field: "name", match: "exact", threshold: 0.9 }))).toEqual([
      { code: "duplicateRule.unexpectedThreshold", path: "/conditions/0/threshold" },
    ]);
  });

  it("reports a field compared twice, at the second condition", () => {
    const rule = onDeal({ field: "email", match: "exact" }, { field: "email", match: "fuzzy" });
    expect(check(rule)).toEqual([{ code: "duplicateRule.duplicateCondition", path: "/conditions/1/field" }]);
  });
});
