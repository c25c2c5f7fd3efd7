import type { NavigationItem } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  addNavigationItem,
  listViewsToAdd,
  MAX_NAVIGATION_ITEMS,
  navigationAfterDrop,
  navigationIds,
  navigationKey,
  objectsToAdd,
  pagesToAdd,
  removeNavigationItem,
} from "../../../designer/src/apps/app-navigation.js";

const home: NavigationItem = { type: "page", page: "home" };
const deals: NavigationItem = { type: "object", object: "deal" };
const openDeals: NavigationItem = { type: "listView", listView: "openDeals" };
const menu = [home, deals, openDeals];

describe("identity of menu items", () => {
  it("keys each item by what it points to", () => {
    expect(menu.map(navigationKey)).toEqual(["page:home", "object:deal", "listView:openDeals"]);
  });

  it("gives a duplicate its own drag id", () => {
    expect(navigationIds([home, deals, deals])).toEqual(["page:home", "object:deal", "object:deal#2"]);
  });
});

describe("adding menu items", () => {
  it("adds an item at the end", () => {
    expect(addNavigationItem([home], deals)).toEqual([home, deals]);
  });

  it("does not add an item twice", () => {
    expect(addNavigationItem(menu, { type: "object", object: "deal" })).toEqual(menu);
  });

  it("tells an object from a list view of the same name", () => {
    expect(addNavigationItem([deals], { type: "listView", listView: "deal" })).toEqual([
      deals,
      { type: "listView", listView: "deal" },
    ]);
  });

  it("refuses a 51st item", () => {
    const full = Array.from(
      { length: MAX_NAVIGATION_ITEMS },
      (_, i): NavigationItem => ({ type: "object", object: `o${i}` }),
    );
    expect(addNavigationItem(full, deals)).toEqual(full);
  });
});

describe("removing menu items", () => {
  it("removes the item at a position", () => {
    expect(removeNavigationItem(menu, 1)).toEqual([home, openDeals]);
  });

  it("keeps the last item, since an app's menu has at least one", () => {
    expect(removeNavigationItem([home], 0)).toEqual([home]);
  });

  it("ignores a position outside the menu", () => {
    expect(removeNavigationItem(menu, -1)).toEqual(menu);
    expect(removeNavigationItem(menu, 3)).toEqual(menu);
  });
});

describe("reordering the menu by drag", () => {
  it("moves an item down into the place of the one it is dropped on", () => {
    expect(navigationAfterDrop(menu, "page:home", "listView:openDeals")).toEqual([deals, openDeals, home]);
  });

  it("moves an item up", () => {
    expect(navigationAfterDrop(menu, "listView:openDeals", "object:deal")).toEqual([home, openDeals, deals]);
  });

  it("changes nothing without a target, on itself or with unknown ids", () => {
    expect(navigationAfterDrop(menu, "page:home", undefined)).toEqual(menu);
    expect(navigationAfterDrop(menu, "page:home", "page:home")).toEqual(menu);
    expect(navigationAfterDrop(menu, "page:reports", "page:home")).toEqual(menu);
  });
});

describe("what can still be added", () => {
  it("offers the objects not in the menu, in the order given", () => {
    expect(objectsToAdd(menu, ["account", "deal", "contact"])).toEqual(["account", "contact"]);
  });

  it("offers the list views not in the menu", () => {
    expect(listViewsToAdd(menu, ["openDeals", "wonDeals"])).toEqual(["wonDeals"]);
  });

  it("offers the runtime's pages not in the menu", () => {
    expect(pagesToAdd(menu)).toEqual(["approvals", "reports"]);
    expect(pagesToAdd([deals])).toEqual(["approvals", "home", "reports"]);
  });
});
