import { describe, expect, it } from "vitest";
import { FIRST_PAGE, nextPage, previousPage } from "../../../runtime/src/lists/cursor-stack.js";
import { defaultColumns } from "../../../runtime/src/lists/list-columns.js";
import { readListQuery, writeListQuery } from "../../../runtime/src/lists/list-query.js";
import { formatSort, parseSort, toggleSort } from "../../../runtime/src/lists/list-sort.js";
import { resolveList } from "../../../runtime/src/lists/resolve-list.js";
import { deal, uiOf, view } from "./list-harness.js";

describe("sort toggling", () => {
  it("sorts by a new column ascending", () => {
    expect(toggleSort(parseSort("-amount,title"), "stage")).toEqual([{ field: "stage", direction: "asc" }]);
  });

  it("turns the leading column around, dropping the others", () => {
    expect(formatSort(toggleSort(parseSort("amount,title"), "amount"))).toBe("-amount");
    expect(formatSort(toggleSort(parseSort("-amount"), "amount"))).toBe("amount");
  });

  it("reads and writes the API's sort form", () => {
    expect(parseSort("-amount, title")).toEqual([
      { field: "amount", direction: "desc" },
      { field: "title", direction: "asc" },
    ]);
    expect(formatSort([])).toBeUndefined();
  });
});

describe("cursor stack", () => {
  it("remembers every cursor before the current page, so Previous walks back", () => {
    const third = nextPage(nextPage(FIRST_PAGE, "c2"), "c3");
    expect(third).toEqual({ current: "c3", previous: [undefined, "c2"] });
    expect(previousPage(third)).toEqual({ current: "c2", previous: [undefined] });
    expect(previousPage(previousPage(third))).toEqual(FIRST_PAGE);
    expect(previousPage(FIRST_PAGE)).toEqual(FIRST_PAGE);
  });
});

describe("list state in the URL", () => {
  it("round-trips view, sort, filter, search and page size, leaving out what is empty", () => {
    const query = { view: "open", sort: "-amount", filter: '{"missing":["notes"]}', q: "acme", size: 10 };
    expect(readListQuery(writeListQuery(query))).toEqual(query);
    expect(writeListQuery({ q: "  " }).toString()).toBe("");
  });

  it("ignores a page size out of range", () => {
    expect(readListQuery(new URLSearchParams("size=100000"))).toEqual({});
  });
});

describe("resolving a list", () => {
  it("shows the record name and up to five telling fields for all records", () => {
    expect(defaultColumns(deal).map((f) => f.name)).toEqual([
      "title",
      "stage",
      "amount",
      "closeOn",
      "signedAt",
      "company",
    ]);
  });

  it("takes a view's columns, sort, page size and filter, and ands the filter bar's to it", () => {
    const open = view("open", {
      columns: ["amount", "stage"],
      sort: [{ field: "amount", direction: "desc" }],
      pageSize: 30,
      filter: { "==": [{ var: "stage" }, "open"] },
    });
    const list = resolveList(uiOf(deal, { listViews: [open] }), {
      view: "open",
      filter: '{">":[{"var":"amount"},5]}',
    });
    expect(list.columns.map((c) => c.name)).toEqual(["amount", "stage"]);
    expect(list.sort).toBe("-amount");
    expect(list.pageSize).toBe(30);
    expect(list.fields).toEqual(["title", "amount", "stage"]);
    expect(list.filter).toEqual({
      and: [{ "==": [{ var: "stage" }, "open"] }, { ">": [{ var: "amount" }, 5] }],
    });
  });

  it("asks the server for a view's owner scope (mine, team), adding no filter of its own", () => {
    const mine = view("mine", { scope: "mine" });
    const team = view("team", { scope: "team" });
    const ui = uiOf(deal, { listViews: [mine, team] });
    expect(resolveList(ui, { view: "mine" })).toMatchObject({ scope: "mine", filter: undefined });
    expect(resolveList(ui, { view: "team" })).toMatchObject({ scope: "team", filter: undefined });
    expect(resolveList(ui, {}).scope).toBe("all");
  });

  it("leaves a URL filter that does not pass the parser out of the request", () => {
    const list = resolveList(uiOf(deal), { filter: '{"==":[{"var":"salary"},1]}' });
    expect(list.filter).toBeUndefined();
    expect(list.conditions.ok).toBe(false);
  });
});
