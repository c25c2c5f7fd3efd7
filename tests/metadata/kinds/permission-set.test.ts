import { describe, expect, it } from "vitest";
import { checkPermissionSet, PermissionSetSchema } from "../../../metadata/src/kinds/permission-set.js";
import { aPermissionSet } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

describe("permissionSet schema", () => {
  it("accepts the sample permission set", () => {
    expect(refusedAt(PermissionSetSchema, aPermissionSet())).toEqual([]);
  });

  it("accepts a permission set granting nothing", () => {
    expect(
      refusedAt(PermissionSetSchema, { kind: "permissionSet", name: "empty", label: { en: "Empty" } }),
    ).toEqual([]);
  });

  it("refuses prototype-reaching keys as object names", () => {
    const objects = JSON.parse(
      '{"constructor": {"read": true}, "__proto__": {"read": true}, "prototype": {}}',
    );
    expect(refusedAt(PermissionSetSchema, { ...aPermissionSet(), objects })).toEqual([
      "/objects/constructor",
      "/objects/__proto__",
      "/objects/prototype",
    ]);
  });

  it("refuses field permissions keyed by anything but object, then field name", () => {
    const fields = {
      invoice: { "amount.value": { read: true } },
      "invoice.amount": { amount: { read: true } },
    };
    expect(refusedAt(PermissionSetSchema, { ...aPermissionSet(), fields })).toEqual([
      "/fields/invoice.amount",
      "/fields/invoice/amount.value",
    ]);
  });

  it("refuses an unknown object permission", () => {
    const objects = { invoice: { read: true, share: true } };
    expect(refusedAt(PermissionSetSchema, { ...aPermissionSet(), objects })).toEqual([
      "/objects/invoice/share",
    ]);
  });

  it("refuses a permission that is not true or false", () => {
    const system = { manageUsers: "yes" };
    expect(refusedAt(PermissionSetSchema, { ...aPermissionSet(), system })).toEqual(["/system/manageUsers"]);
  });
});

describe("permissionSet checks", () => {
  it("accepts the sample permission set", () => {
    expect(checkPermissionSet(aPermissionSet(), sampleContext())).toEqual([]);
  });

  it("reports objects that do not exist", () => {
    const set = aPermissionSet({ objects: { payment: { read: true } }, fields: {} });
    expect(findings(checkPermissionSet(set, sampleContext()))).toEqual([
      { code: "permissionSet.unknownObject", path: "/objects/payment" },
    ]);
  });

  it("reports fields of unknown objects and unknown or system fields", () => {
    const fields = {
      payment: { amount: { read: true } },
      invoice: { total: { read: true }, ownerId: { read: true } },
    };
    expect(findings(checkPermissionSet(aPermissionSet({ fields }), sampleContext()))).toEqual([
      { code: "permissionSet.unknownObject", path: "/fields/payment" },
      { code: "permissionSet.unknownField", path: "/fields/invoice/total" },
      { code: "permissionSet.unknownField", path: "/fields/invoice/ownerId" },
    ]);
  });

  it("reports object permissions granted without their prerequisites", () => {
    const objects = {
      invoice: { create: true, edit: true, delete: true },
      account: { read: true, modifyAll: true },
    };
    expect(findings(checkPermissionSet(aPermissionSet({ objects }), sampleContext()))).toEqual([
      { code: "permissionSet.inconsistent", path: "/objects/invoice/create" },
      { code: "permissionSet.inconsistent", path: "/objects/invoice/edit" },
      { code: "permissionSet.inconsistent", path: "/objects/invoice/delete" },
      { code: "permissionSet.inconsistent", path: "/objects/account/modifyAll" },
      { code: "permissionSet.inconsistent", path: "/objects/account/modifyAll" },
      { code: "permissionSet.inconsistent", path: "/objects/account/modifyAll" },
    ]);
  });

  it("says which permission is missing", () => {
    const objects = { invoice: { read: true, delete: true } };
    expect(
      checkPermissionSet(aPermissionSet({ objects }), sampleContext()).map((issue) => issue.message),
    ).toEqual(['"delete" on "invoice" also needs "edit".']);
  });

  it("reports field edit without read", () => {
    const fields = { invoice: { amount: { edit: true } } };
    expect(findings(checkPermissionSet(aPermissionSet({ fields }), sampleContext()))).toEqual([
      { code: "permissionSet.inconsistent", path: "/fields/invoice/amount/edit" },
    ]);
  });

  it("reports modifyAllData without viewAllData", () => {
    const system = { modifyAllData: true };
    expect(findings(checkPermissionSet(aPermissionSet({ system }), sampleContext()))).toEqual([
      { code: "permissionSet.inconsistent", path: "/system/modifyAllData" },
    ]);
  });
});
