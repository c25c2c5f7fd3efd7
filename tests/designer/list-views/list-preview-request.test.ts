import type { ListView } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import { previewColumns, previewPath } from "../../../designer/src/list-views/list-preview-request.js";
import { dealObject } from "./deal-object.js";

const view: ListView = {
  kind: "listView",
  name: "openDeals",
  object: "deal",
  label: { en: "Open deals" },
  columns: ["title", "amount"],
};

const query = (path: string) => Object.fromEntries(new URL(path, "http://x").searchParams);

describe("the preview's records request", () => {
  it("asks for five records of the view's object", () => {
    const path = previewPath(view);
    expect(path.startsWith("/api/v1/records/deal?")).toBe(true);
    expect(query(path)).toEqual({ limit: "5" });
  });

  it("sends the filter as JSON and the sort in the API's form", () => {
    const path = previewPath({
      ...view,
      filter: { "==": [{ var: "stage" }, "open"] },
      sort: [
        { field: "amount", direction: "desc" },
        { field: "title", direction: "asc" },
      ],
    });
    expect(query(path)).toEqual({
      filter: '{"==":[{"var":"stage"},"open"]}',
      sort: "-amount,title",
      limit: "5",
    });
  });

  it("sends mine and team as the scope, and no scope for all", () => {
    expect(query(previewPath({ ...view, scope: "team" })).scope).toBe("team");
    expect(query(previewPath({ ...view, scope: "all" })).scope).toBeUndefined();
  });

  it("never asks for fields, which may not be published yet", () => {
    expect(query(previewPath({ ...view, columns: ["title", "brandNew"] })).fields).toBeUndefined();
  });
});

describe("the preview's columns", () => {
  const names = (columns: string[]) => previewColumns(dealObject(), columns).map((f) => f.name);

  it("are the view's columns in order", () => {
    expect(names(["title", "amount", "stage"])).toEqual(["title", "amount", "stage"]);
  });

  it("put the record name first when the view leaves it out, as the runtime does", () => {
    expect(names(["amount", "stage"])).toEqual(["title", "amount", "stage"]);
  });

  it("keep the record name where the view puts it", () => {
    expect(names(["amount", "title"])).toEqual(["amount", "title"]);
  });

  it("drop names the object does not declare", () => {
    expect(names(["title", "createdAt", "gone"])).toEqual(["title"]);
  });
});
