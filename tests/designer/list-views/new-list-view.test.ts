import { validateDocumentSet } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import { labelFromName, newListView } from "../../../designer/src/list-views/new-list-view.js";
import { dealObject } from "./deal-object.js";

describe("labels from API names", () => {
  it("splits camel case into a sentence", () => {
    expect(labelFromName("myOpenDeals")).toBe("My open deals");
  });

  it("keeps digits with their word", () => {
    expect(labelFromName("top10Deals")).toBe("Top10 deals");
  });

  it("capitalises a single word", () => {
    expect(labelFromName("pipeline")).toBe("Pipeline");
  });

  it("gives the name itself when it has no letters or digits", () => {
    expect(labelFromName("")).toBe("");
    expect(labelFromName("__")).toBe("__");
  });
});

describe("a new list view", () => {
  it("shows the object's record name as its one column", () => {
    expect(newListView("openDeals", dealObject())).toEqual({
      kind: "listView",
      name: "openDeals",
      object: "deal",
      label: { en: "Open deals" },
      columns: ["title"],
    });
  });

  it("is valid as it stands", () => {
    const { issues } = validateDocumentSet([dealObject(), newListView("openDeals", dealObject())]);
    expect(issues.filter((i) => i.document === "listView/openDeals")).toEqual([]);
  });
});
