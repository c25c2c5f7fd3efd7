import type { SharingRule } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  withAudienceType,
  withRuleObject,
  withRuleType,
} from "../../../designer/src/sharing/sharing-rule-shape.js";

const common = {
  kind: "sharingRule" as const,
  name: "plannedVisits",
  label: { en: "Planned visits" },
  object: "siteVisit",
  sharedWith: { type: "roleAndSubordinates" as const, name: "sales" },
  access: "read" as const,
};
const criteria: SharingRule = {
  ...common,
  type: "criteria",
  criteria: { "==": [{ var: "status" }, "planned"] },
};
const owner: SharingRule = { ...common, type: "owner", ownedBy: { type: "role", name: "east" } };

describe("changing a rule's type", () => {
  it("criteria to owner drops the criteria and names the owners", () =>
    expect(withRuleType(criteria, "owner", { type: "role", name: "west" })).toEqual({
      ...common,
      type: "owner",
      ownedBy: { type: "role", name: "west" },
    }));
  it("owner to criteria drops the owners and starts with no criteria", () =>
    expect(withRuleType(owner, "criteria", { type: "role", name: "west" })).toEqual({
      ...common,
      type: "criteria",
      criteria: null,
    }));
  it("to the same type changes nothing", () =>
    expect(withRuleType(owner, "owner", { type: "role", name: "west" })).toBe(owner));
});

describe("changing a rule's object", () => {
  it("clears criteria, which named the old object's fields", () =>
    expect(withRuleObject(criteria, "account")).toEqual({ ...criteria, object: "account", criteria: null }));
  it("keeps an owner rule's owners", () =>
    expect(withRuleObject(owner, "account")).toEqual({ ...owner, object: "account" }));
  it("to the same object changes nothing", () =>
    expect(withRuleObject(criteria, "siteVisit")).toBe(criteria));
});

describe("changing an audience's type", () => {
  it("between role types keeps the role", () =>
    expect(withAudienceType({ type: "role", name: "sales" }, "roleAndSubordinates")).toEqual({
      type: "roleAndSubordinates",
      name: "sales",
    }));
  it("from a role to a group asks for a group", () =>
    expect(withAudienceType({ type: "role", name: "sales" }, "group")).toEqual({ type: "group", name: "" }));
  it("from a group to a role asks for a role", () =>
    expect(withAudienceType({ type: "group", name: "emea" }, "role")).toEqual({ type: "role", name: "" }));
});
