import type { PermissionSet } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  fieldPermissionPointer,
  hasFieldPermission,
  hasObjectPermission,
  hasSystemPermission,
  objectPermissionPointer,
  systemPermissionPointer,
  withFieldPermission,
  withFieldPermissionOnAll,
  withObjectPermission,
  withObjectPermissionOnAll,
  withSystemPermission,
} from "../../../designer/src/permissions/permission-grants.js";

const empty: PermissionSet = { kind: "permissionSet", name: "salesRep", label: { en: "Sales rep" } };

describe("reading a cell of the matrix from a document", () => {
  const set: PermissionSet = {
    ...empty,
    objects: { siteVisit: { read: true, edit: false } },
    fields: { siteVisit: { notes: { read: true } } },
    system: { apiEnabled: true },
  };
  it("a granted object permission is ticked", () =>
    expect(hasObjectPermission(set, "siteVisit", "read")).toBe(true));
  it("a flag stored as false is unticked", () =>
    expect(hasObjectPermission(set, "siteVisit", "edit")).toBe(false));
  it("an object the document does not name is unticked", () =>
    expect(hasObjectPermission(set, "account", "read")).toBe(false));
  it("a granted field permission is ticked", () =>
    expect(hasFieldPermission(set, "siteVisit", "notes", "read")).toBe(true));
  it("an absent field permission is unticked", () =>
    expect(hasFieldPermission(set, "siteVisit", "notes", "edit")).toBe(false));
  it("a granted system permission is ticked", () =>
    expect(hasSystemPermission(set, "apiEnabled")).toBe(true));
  it("a document without grants has nothing ticked", () => {
    expect(hasObjectPermission(empty, "siteVisit", "read")).toBe(false);
    expect(hasFieldPermission(empty, "siteVisit", "notes", "read")).toBe(false);
    expect(hasSystemPermission(empty, "manageUsers")).toBe(false);
  });
});

describe("writing an object permission cell into a document", () => {
  it("adds the object with the permission and what it needs", () =>
    expect(withObjectPermission(empty, "siteVisit", "edit", true)).toEqual({
      ...empty,
      objects: { siteVisit: { read: true, edit: true } },
    }));
  it("leaves other objects alone", () =>
    expect(
      withObjectPermission({ ...empty, objects: { account: { read: true } } }, "siteVisit", "create", true),
    ).toEqual({ ...empty, objects: { account: { read: true }, siteVisit: { create: true, read: true } } }));
  it("removes an object left with no permission", () =>
    expect(
      withObjectPermission(
        { ...empty, objects: { account: { read: true }, siteVisit: { read: true, edit: true } } },
        "siteVisit",
        "read",
        false,
      ),
    ).toEqual({ ...empty, objects: { account: { read: true } } }));
  it("removes `objects` when no object is left", () =>
    expect(
      withObjectPermission({ ...empty, objects: { siteVisit: { read: true } } }, "siteVisit", "read", false),
    ).toEqual(empty));
  it("keeps the document's other properties", () => {
    const described = { ...empty, description: { en: "Field sales" }, system: { apiEnabled: true } };
    expect(withObjectPermission(described, "siteVisit", "read", true)).toEqual({
      ...described,
      objects: { siteVisit: { read: true } },
    });
  });
  it("does not change the document it was given", () => {
    const before = { ...empty, objects: { siteVisit: { read: true } } };
    withObjectPermission(before, "siteVisit", "edit", true);
    expect(before).toEqual({ ...empty, objects: { siteVisit: { read: true } } });
  });
  it("ticks a permission on every object of a column", () =>
    expect(withObjectPermissionOnAll(empty, ["account", "siteVisit"], "delete", true)).toEqual({
      ...empty,
      objects: {
        account: { read: true, edit: true, delete: true },
        siteVisit: { read: true, edit: true, delete: true },
      },
    }));
  it("unticks a permission on every object of a column", () =>
    expect(
      withObjectPermissionOnAll(
        { ...empty, objects: { account: { read: true, edit: true }, siteVisit: { read: true } } },
        ["account", "siteVisit"],
        "edit",
        false,
      ),
    ).toEqual({ ...empty, objects: { account: { read: true }, siteVisit: { read: true } } }));
});

describe("writing a field permission cell into a document", () => {
  it("adds the object and the field", () =>
    expect(withFieldPermission(empty, "siteVisit", "notes", "edit", true)).toEqual({
      ...empty,
      fields: { siteVisit: { notes: { read: true, edit: true } } },
    }));
  it("keeps the object's other fields", () =>
    expect(
      withFieldPermission(
        { ...empty, fields: { siteVisit: { visitDate: { read: true } } } },
        "siteVisit",
        "notes",
        "read",
        true,
      ),
    ).toEqual({ ...empty, fields: { siteVisit: { visitDate: { read: true }, notes: { read: true } } } }));
  it("removes a field left with nothing, then an empty object, then `fields`", () =>
    expect(
      withFieldPermission(
        { ...empty, fields: { siteVisit: { notes: { read: true, edit: true } } } },
        "siteVisit",
        "notes",
        "read",
        false,
      ),
    ).toEqual(empty));
  it("keeps other objects' fields when one object empties", () =>
    expect(
      withFieldPermission(
        { ...empty, fields: { account: { name: { read: true } }, siteVisit: { notes: { read: true } } } },
        "siteVisit",
        "notes",
        "read",
        false,
      ),
    ).toEqual({ ...empty, fields: { account: { name: { read: true } } } }));
  it("ticks a permission on every field of the object", () =>
    expect(withFieldPermissionOnAll(empty, "siteVisit", ["notes", "status"], "edit", true)).toEqual({
      ...empty,
      fields: { siteVisit: { notes: { read: true, edit: true }, status: { read: true, edit: true } } },
    }));
});

describe("writing a system permission cell into a document", () => {
  it("adds the power with what it needs", () =>
    expect(withSystemPermission(empty, "modifyAllData", true)).toEqual({
      ...empty,
      system: { viewAllData: true, modifyAllData: true },
    }));
  it("removes `system` when nothing is left", () =>
    expect(withSystemPermission({ ...empty, system: { manageUsers: true } }, "manageUsers", false)).toEqual(
      empty,
    ));
});

describe("where the engine reports a cell's problem", () => {
  it("object permission", () =>
    expect(objectPermissionPointer("siteVisit", "viewAll")).toBe("/objects/siteVisit/viewAll"));
  it("field permission", () =>
    expect(fieldPermissionPointer("siteVisit", "notes", "edit")).toBe("/fields/siteVisit/notes/edit"));
  it("system permission", () => expect(systemPermissionPointer("manageUsers")).toBe("/system/manageUsers"));
});
