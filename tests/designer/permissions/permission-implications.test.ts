import { describe, expect, it } from "vitest";
import {
  setFieldPermission,
  setObjectPermission,
  setSystemPermission,
} from "../../../designer/src/permissions/permission-implications.js";

const ALL = { create: true, read: true, edit: true, delete: true, viewAll: true, modifyAll: true };

describe("ticking an object permission ticks what it needs", () => {
  it("read alone", () => expect(setObjectPermission({}, "read", true)).toEqual({ read: true }));
  it("create needs read", () =>
    expect(setObjectPermission({}, "create", true)).toEqual({ create: true, read: true }));
  it("edit needs read", () =>
    expect(setObjectPermission({}, "edit", true)).toEqual({ read: true, edit: true }));
  it("delete needs edit and read", () =>
    expect(setObjectPermission({}, "delete", true)).toEqual({ read: true, edit: true, delete: true }));
  it("view all needs read", () =>
    expect(setObjectPermission({}, "viewAll", true)).toEqual({ read: true, viewAll: true }));
  it("modify all needs read, edit, delete and view all, but not create", () =>
    expect(setObjectPermission({}, "modifyAll", true)).toEqual({
      read: true,
      edit: true,
      delete: true,
      viewAll: true,
      modifyAll: true,
    }));
  it("keeps what was already ticked", () =>
    expect(setObjectPermission({ create: true, read: true }, "viewAll", true)).toEqual({
      create: true,
      read: true,
      viewAll: true,
    }));
});

describe("unticking an object permission unticks what depends on it", () => {
  it("read takes everything with it", () => expect(setObjectPermission(ALL, "read", false)).toEqual({}));
  it("edit takes delete and modify all", () =>
    expect(setObjectPermission(ALL, "edit", false)).toEqual({ create: true, read: true, viewAll: true }));
  it("delete takes modify all", () =>
    expect(setObjectPermission(ALL, "delete", false)).toEqual({
      create: true,
      read: true,
      edit: true,
      viewAll: true,
    }));
  it("view all takes modify all", () =>
    expect(setObjectPermission(ALL, "viewAll", false)).toEqual({
      create: true,
      read: true,
      edit: true,
      delete: true,
    }));
  it("modify all takes nothing else", () =>
    expect(setObjectPermission(ALL, "modifyAll", false)).toEqual({
      create: true,
      read: true,
      edit: true,
      delete: true,
      viewAll: true,
    }));
  it("create takes nothing else", () =>
    expect(setObjectPermission(ALL, "create", false)).toEqual({
      read: true,
      edit: true,
      delete: true,
      viewAll: true,
      modifyAll: true,
    }));
  it("drops flags stored as false: absent means false", () =>
    expect(setObjectPermission({ read: true, edit: false }, "create", true)).toEqual({
      create: true,
      read: true,
    }));
});

describe("field permissions: edit needs read", () => {
  it("ticking edit ticks read", () =>
    expect(setFieldPermission({}, "edit", true)).toEqual({ read: true, edit: true }));
  it("ticking read leaves edit", () => expect(setFieldPermission({}, "read", true)).toEqual({ read: true }));
  it("unticking read unticks edit", () =>
    expect(setFieldPermission({ read: true, edit: true }, "read", false)).toEqual({}));
  it("unticking edit keeps read", () =>
    expect(setFieldPermission({ read: true, edit: true }, "edit", false)).toEqual({ read: true }));
});

describe("system permissions: modify all data needs view all data", () => {
  it("ticking modify all data ticks view all data", () =>
    expect(setSystemPermission({ apiEnabled: true }, "modifyAllData", true)).toEqual({
      apiEnabled: true,
      modifyAllData: true,
      viewAllData: true,
    }));
  it("unticking view all data unticks modify all data", () =>
    expect(setSystemPermission({ viewAllData: true, modifyAllData: true }, "viewAllData", false)).toEqual(
      {},
    ));
  it("other powers stand alone", () =>
    expect(setSystemPermission({ manageUsers: true }, "manageMetadata", true)).toEqual({
      manageUsers: true,
      manageMetadata: true,
    }));
});
