import { describe, expect, it } from "vitest";
import {
  accessOf,
  assignmentChanges,
  newUserBody,
  userPatch,
} from "../../../designer/src/users/user-changes.js";
import type { Assignment, UserRecord } from "../../../designer/src/users/user-records.js";

const ann: UserRecord = {
  id: "u2",
  version: 4,
  username: "ann",
  name: "Ann Lee",
  profile: "standardUser",
  role: "east",
  manager: "u1",
  active: true,
};
const assignment = (id: string, assignee: string, permissionSet: string): Assignment => ({
  id,
  version: 1,
  assignee,
  permissionSet,
});
const held = [
  assignment("a1", "u2", "fieldService"),
  assignment("a2", "u3", "fieldService"),
  assignment("a3", "u2", "reports"),
];

describe("a user's access as the drawer starts with it", () => {
  it("takes profile, role, manager, active and the user's own permission sets", () =>
    expect(accessOf(ann, held)).toEqual({
      profile: "standardUser",
      role: "east",
      manager: "u1",
      active: true,
      permissionSets: ["fieldService", "reports"],
    }));
  it("reads a cleared role or manager as none and an absent active flag as active", () =>
    expect(accessOf({ ...ann, role: null, manager: null, active: undefined as never }, [])).toEqual({
      profile: "standardUser",
      role: undefined,
      manager: undefined,
      active: true,
      permissionSets: [],
    }));
});

describe("the PATCH of a user", () => {
  const same = accessOf(ann, held);
  it("is empty when nothing changed", () => expect(userPatch(ann, same)).toEqual({}));
  it("holds only the changed role", () =>
    expect(userPatch(ann, { ...same, role: "west" })).toEqual({ role: "west" }));
  it("clears a role and a manager with null", () =>
    expect(userPatch(ann, { ...same, role: undefined, manager: undefined })).toEqual({
      role: null,
      manager: null,
    }));
  it("changes profile and deactivates", () =>
    expect(userPatch(ann, { ...same, profile: "systemAdministrator", active: false })).toEqual({
      profile: "systemAdministrator",
      active: false,
    }));
  it("ignores permission sets, which are records of their own", () =>
    expect(userPatch(ann, { ...same, permissionSets: [] })).toEqual({}));
});

describe("the assignments to create and delete", () => {
  it("adds a set the user does not hold", () =>
    expect(assignmentChanges(held, "u2", ["fieldService", "reports", "exports"])).toEqual({
      add: ["exports"],
      remove: [],
    }));
  it("removes the user's own assignment of a set no longer wanted, not another user's", () =>
    expect(assignmentChanges(held, "u2", ["reports"])).toEqual({ add: [], remove: [held[0]] }));
  it("changes nothing when the sets are the same", () =>
    expect(assignmentChanges(held, "u2", ["reports", "fieldService"])).toEqual({ add: [], remove: [] }));
  it("removes a duplicate assignment of a set held twice", () => {
    const twice = [assignment("a1", "u2", "reports"), assignment("a9", "u2", "reports")];
    expect(assignmentChanges(twice, "u2", ["reports"])).toEqual({ add: [], remove: [twice[1]] });
  });
  it("adds each wanted set once", () =>
    expect(assignmentChanges([], "u4", ["reports", "reports"])).toEqual({ add: ["reports"], remove: [] }));
});

describe("the body of a new user", () => {
  it("holds the identity, the first password and the access, without an empty role or manager", () =>
    expect(
      newUserBody(
        { username: " bo ", name: "Bo Chen ", email: "bo@example.com", password: "s3cret-pass" },
        {
          profile: "standardUser",
          role: undefined,
          manager: undefined,
          active: true,
          permissionSets: ["reports"],
        },
      ),
    ).toEqual({
      username: "bo",
      name: "Bo Chen",
      email: "bo@example.com",
      password: "s3cret-pass",
      profile: "standardUser",
      active: true,
    }));
  it("includes role and manager when chosen", () =>
    expect(
      newUserBody(
        { username: "bo", name: "Bo", email: "bo@example.com", password: "s3cret-pass" },
        { profile: "standardUser", role: "east", manager: "u1", active: false, permissionSets: [] },
      ),
    ).toMatchObject({ role: "east", manager: "u1", active: false }));
});
