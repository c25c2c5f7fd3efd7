import type { ListView } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  withColumns,
  withFilter,
  withPageSize,
  withScope,
  withSort,
} from "../../../designer/src/list-views/list-view-settings.js";

const view: ListView = {
  kind: "listView",
  name: "openDeals",
  object: "deal",
  label: { en: "Open deals" },
  columns: ["title"],
};

describe("list view settings", () => {
  it("replaces the columns", () => {
    expect(withColumns(view, ["title", "amount"]).columns).toEqual(["title", "amount"]);
  });

  it("sets a sort and leaves the key out when no key is left", () => {
    const sorted = withSort(view, [{ field: "amount", direction: "desc" }]);
    expect(sorted.sort).toEqual([{ field: "amount", direction: "desc" }]);
    expect(withSort(sorted, [])).toEqual(view);
    expect("sort" in withSort(sorted, [])).toBe(false);
  });

  it("sets a filter and leaves the key out when it is cleared", () => {
    const filtered = withFilter(view, { "==": [{ var: "stage" }, "open"] });
    expect(filtered.filter).toEqual({ "==": [{ var: "stage" }, "open"] });
    expect("filter" in withFilter(filtered, undefined)).toBe(false);
  });

  it("keeps a filter that is a plain value, which only the engine may judge", () => {
    expect(withFilter(view, false).filter).toBe(false);
  });

  it("stores mine and team, and leaves out all, the default scope", () => {
    expect(withScope(view, "mine").scope).toBe("mine");
    expect(withScope(view, "team").scope).toBe("team");
    expect("scope" in withScope(withScope(view, "team"), "all")).toBe(false);
  });

  it("sets a page size and leaves it out when the box is emptied", () => {
    expect(withPageSize(view, 50).pageSize).toBe(50);
    expect("pageSize" in withPageSize(withPageSize(view, 50), null)).toBe(false);
    expect("pageSize" in withPageSize(view, undefined)).toBe(false);
  });

  it("never changes the view it is given", () => {
    const before = structuredClone(view);
    withSort(view, [{ field: "title", direction: "asc" }]);
    withScope(view, "mine");
    withPageSize(view, 20);
    expect(view).toEqual(before);
  });
});
