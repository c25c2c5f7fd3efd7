import type { ListView, LocalizedText } from "@tessera/metadata";
import { localize } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import { navigationLabel } from "../../../designer/src/apps/navigation-label.js";
import { companyObject, dealObject } from "../list-views/deal-object.js";

const openDeals: ListView = {
  kind: "listView",
  name: "openDeals",
  object: "deal",
  label: { en: "Open deals", "zh-CN": "进行中的交易" },
  columns: ["title"],
};

const names = (locale: "en" | "zh-CN") => ({
  objects: [dealObject(), companyObject()],
  listViews: [openDeals],
  label: (text: LocalizedText | undefined, fallback = "") => localize(text, locale) ?? fallback,
  pageLabel: (page: string) => `page ${page}`,
});

describe("names of menu items", () => {
  it("names an object by its plural label, as the runtime's menu does", () => {
    expect(navigationLabel({ type: "object", object: "deal" }, names("en"))).toBe("Deals");
  });

  it("names a list view by its label in the admin's language", () => {
    expect(navigationLabel({ type: "listView", listView: "openDeals" }, names("zh-CN"))).toBe("进行中的交易");
  });

  it("names a page by the page's own name", () => {
    expect(navigationLabel({ type: "page", page: "approvals" }, names("en"))).toBe("page approvals");
  });

  it("shows the API name of something the draft does not have", () => {
    expect(navigationLabel({ type: "object", object: "gone" }, names("en"))).toBe("gone");
    expect(navigationLabel({ type: "listView", listView: "goneView" }, names("en"))).toBe("goneView");
  });
});
