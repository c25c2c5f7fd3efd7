import { describe, expect, it } from "vitest";
import { checkRole, RoleSchema } from "../../../metadata/src/kinds/role.js";
import { aRole } from "./builders.js";
import { contextOf, findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

describe("role schema", () => {
  it("accepts a role with a parent", () => {
    expect(refusedAt(RoleSchema, aRole("vp", "ceo"))).toEqual([]);
  });

  it("refuses a parent that is not a name", () => {
    expect(refusedAt(RoleSchema, { ...aRole("vp"), parent: "The CEO" })).toEqual(["/parent"]);
  });

  it("refuses a role without a label", () => {
    const { label: _, ...role } = aRole("vp");
    expect(refusedAt(RoleSchema, role)).toEqual(["/label"]);
  });
});

describe("role checks", () => {
  it("accepts the sample hierarchy", () => {
    const ctx = sampleContext();
    expect(checkRole(aRole("ceo"), ctx)).toEqual([]);
    expect(checkRole(aRole("sales", "vp"), ctx)).toEqual([]);
  });

  it("reports a parent that does not exist", () => {
    expect(findings(checkRole(aRole("sales", "cfo"), sampleContext()))).toEqual([
      { code: "role.unknownParent", path: "/parent" },
    ]);
  });

  it("reports a cycle once on each role in it, listing the cycle from that role", () => {
    const roles = [aRole("ceo", "vp"), aRole("vp", "ceo"), aRole("sales", "vp")];
    const ctx = contextOf(roles);
    expect(
      roles.map((role) => checkRole(role, ctx).map((issue) => [issue.code, issue.path, issue.message])),
    ).toEqual([
      [["role.cycle", "/parent", "The role hierarchy loops: ceo -> vp -> ceo."]],
      [["role.cycle", "/parent", "The role hierarchy loops: vp -> ceo -> vp."]],
      [],
    ]);
  });

  it("reports a role that is its own parent", () => {
    const role = aRole("ceo", "ceo");
    expect(checkRole(role, contextOf([role])).map((issue) => issue.message)).toEqual([
      "The role hierarchy loops: ceo -> ceo.",
    ]);
  });
});
