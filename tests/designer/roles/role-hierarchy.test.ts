import type { Role } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  dragId,
  dropId,
  dropRole,
  reparentRole,
  roleForest,
  subtreeOf,
  TOP_DROP_ID,
} from "../../../designer/src/roles/role-hierarchy.js";

const role = (name: string, parent?: string): Role => ({
  kind: "role",
  name,
  label: { en: name },
  ...(parent !== undefined && { parent }),
});

// ceo -> vpSales -> (east, west); ceo -> vpService
const roles = [
  role("ceo"),
  role("vpSales", "ceo"),
  role("east", "vpSales"),
  role("west", "vpSales"),
  role("vpService", "ceo"),
];

const shape = (nodes: ReturnType<typeof roleForest>): unknown =>
  nodes.map((n) => (n.children.length === 0 ? n.role.name : { [n.role.name]: shape(n.children) }));

describe("the hierarchy as a tree", () => {
  it("nests roles under their parents, in the order given", () =>
    expect(shape(roleForest(roles))).toEqual([{ ceo: [{ vpSales: ["east", "west"] }, "vpService"] }]));
  it("puts a role whose parent is missing at the top", () =>
    expect(shape(roleForest([role("ceo"), role("lost", "gone")]))).toEqual(["ceo", "lost"]));
  it("keeps roles caught in a loop reachable at the top", () =>
    expect(shape(roleForest([role("a", "b"), role("b", "a"), role("c")]))).toEqual(["c", { a: ["b"] }]));
  it("an empty hierarchy is an empty tree", () => expect(roleForest([])).toEqual([]));
});

describe("the roles below a role", () => {
  it("are its children and their children", () =>
    expect([...subtreeOf(roles, "vpSales")].sort()).toEqual(["east", "vpSales", "west"]));
  it("of a leaf are only itself", () => expect([...subtreeOf(roles, "east")]).toEqual(["east"]));
  it("stop at a loop", () =>
    expect([...subtreeOf([role("a", "b"), role("b", "a")], "a")].sort()).toEqual(["a", "b"]));
});

describe("re-parenting a role", () => {
  it("changes only that role's parent", () =>
    expect(reparentRole(roles, "east", "vpService")).toEqual({ ok: true, role: role("east", "vpService") }));
  it("to the top removes its parent", () =>
    expect(reparentRole(roles, "vpSales", undefined)).toEqual({ ok: true, role: role("vpSales") }));
  it("keeps the role's other properties", () =>
    expect(
      reparentRole(
        [role("ceo"), { ...role("cfo", "ceo"), description: { en: "Money" } }, role("vp")],
        "cfo",
        "vp",
      ),
    ).toEqual({
      ok: true,
      role: { kind: "role", name: "cfo", label: { en: "cfo" }, description: { en: "Money" }, parent: "vp" },
    }));
  it("refuses a parent below the role: the hierarchy would loop", () =>
    expect(reparentRole(roles, "vpSales", "east")).toEqual({ ok: false, reason: "cycle" }));
  it("refuses the role as its own parent", () =>
    expect(reparentRole(roles, "ceo", "ceo")).toEqual({ ok: false, reason: "cycle" }));
  it("refuses a move to where it already is", () =>
    expect(reparentRole(roles, "east", "vpSales")).toEqual({ ok: false, reason: "unchanged" }));
  it("refuses an unknown role", () =>
    expect(reparentRole(roles, "nobody", "ceo")).toEqual({ ok: false, reason: "unknownRole" }));
  it("refuses an unknown parent", () =>
    expect(reparentRole(roles, "east", "nobody")).toEqual({ ok: false, reason: "unknownParent" }));
});

describe("dropping a dragged role", () => {
  it("onto another role makes it report there", () =>
    expect(dropRole(roles, dragId("west"), dropId("vpService"))).toEqual({
      ok: true,
      role: role("west", "vpService"),
      name: "west",
      parent: "vpService",
    }));
  it("onto the top target makes it a top role", () =>
    expect(dropRole(roles, dragId("vpService"), TOP_DROP_ID)).toEqual({
      ok: true,
      role: role("vpService"),
      name: "vpService",
      parent: undefined,
    }));
  it("onto a role below it is refused as a loop", () =>
    expect(dropRole(roles, dragId("ceo"), dropId("west"))).toEqual({
      ok: false,
      reason: "cycle",
      name: "ceo",
      parent: "west",
    }));
  it("onto its own row is no move", () =>
    expect(dropRole(roles, dragId("east"), dropId("east"))).toBeUndefined());
  it("onto nothing is no move", () => expect(dropRole(roles, dragId("east"), undefined)).toBeUndefined());
  it("onto something that is not a target is no move", () =>
    expect(dropRole(roles, dragId("east"), "elsewhere")).toBeUndefined());
});
