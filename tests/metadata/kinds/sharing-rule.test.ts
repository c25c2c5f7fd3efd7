import { describe, expect, it } from "vitest";
import {
  checkSharingRule,
  expressionsOfSharingRule,
  SharingRuleSchema,
} from "../../../metadata/src/kinds/sharing-rule.js";
import { aCriteriaSharingRule, anOwnerSharingRule } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

describe("sharingRule schema", () => {
  it("accepts a criteria rule and an owner rule", () => {
    expect(refusedAt(SharingRuleSchema, aCriteriaSharingRule())).toEqual([]);
    expect(refusedAt(SharingRuleSchema, anOwnerSharingRule())).toEqual([]);
  });

  it("refuses a criteria rule without criteria", () => {
    const { criteria: _, ...rule } = aCriteriaSharingRule() as Record<string, unknown>;
    expect(refusedAt(SharingRuleSchema, rule)).toContain("/criteria");
  });

  it("refuses an owner rule without ownedBy", () => {
    const { ownedBy: _, ...rule } = anOwnerSharingRule() as Record<string, unknown>;
    expect(refusedAt(SharingRuleSchema, rule)).toContain("/ownedBy");
  });

  it("refuses access other than read or edit", () => {
    expect(refusedAt(SharingRuleSchema, { ...aCriteriaSharingRule(), access: "delete" })).toContain(
      "/access",
    );
  });

  it("refuses an audience type that does not exist", () => {
    const sharedWith = { type: "user", name: "alice" };
    expect(refusedAt(SharingRuleSchema, { ...aCriteriaSharingRule(), sharedWith })).toContain(
      "/sharedWith/type",
    );
  });
});

describe("sharingRule checks", () => {
  it("accepts the sample rules", () => {
    expect(checkSharingRule(aCriteriaSharingRule(), sampleContext())).toEqual([]);
    expect(checkSharingRule(anOwnerSharingRule(), sampleContext())).toEqual([]);
  });

  it("reports an unknown object", () => {
    expect(findings(checkSharingRule(aCriteriaSharingRule({ object: "payment" }), sampleContext()))).toEqual([
      { code: "sharingRule.unknownObject", path: "/object" },
    ]);
  });

  it("reports a rule on a public read/write object as pointless", () => {
    expect(findings(checkSharingRule(aCriteriaSharingRule({ object: "note" }), sampleContext()))).toEqual([
      { code: "sharingRule.pointless", path: "/object" },
    ]);
  });

  it("reports read sharing on a public read object as pointless, but not edit sharing", () => {
    const read = aCriteriaSharingRule({ object: "announcement", access: "read" });
    const edit = aCriteriaSharingRule({ object: "announcement", access: "edit" });
    expect(findings(checkSharingRule(read, sampleContext()))).toEqual([
      { code: "sharingRule.pointless", path: "/access" },
    ]);
    expect(findings(checkSharingRule(edit, sampleContext()))).toEqual([]);
  });

  it("reports a rule on an object controlled by its parent as pointless", () => {
    expect(
      findings(checkSharingRule(aCriteriaSharingRule({ object: "invoiceLine" }), sampleContext())),
    ).toEqual([{ code: "sharingRule.pointless", path: "/object" }]);
  });

  it("reports roles that do not exist, in ownedBy and sharedWith; groups are not checked", () => {
    const rule = anOwnerSharingRule({
      ownedBy: { type: "roleAndSubordinates", name: "cfo" },
      sharedWith: { type: "role", name: "coo" },
    });
    expect(findings(checkSharingRule(rule, sampleContext()))).toEqual([
      { code: "sharingRule.unknownRole", path: "/ownedBy/name" },
      { code: "sharingRule.unknownRole", path: "/sharedWith/name" },
    ]);
  });
});

describe("sharingRule expressions", () => {
  it("lists the criteria as a filter on the rule's object", () => {
    expect(expressionsOfSharingRule(aCriteriaSharingRule())).toEqual([
      {
        path: "/criteria",
        expression: { ">": [{ var: "amount" }, 10000] },
        object: "invoice",
        mode: "filter",
      },
    ]);
  });

  it("lists nothing for an owner rule", () => {
    expect(expressionsOfSharingRule(anOwnerSharingRule())).toEqual([]);
  });
});
