import { validateDocumentSet } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  mustStayPlaced,
  newLayout,
  unplacedFields,
  unplacedSystemFields,
} from "../../../designer/src/layouts/new-layout.js";
import { layoutOf, section, siteVisit } from "./site-visit.js";

const DETAILS = { en: "Details", "zh-CN": "详细信息" };

describe("a new layout", () => {
  it("has one two-column section with the record-name field, default when it is the object's first", () => {
    expect(newLayout(siteVisit(), "visitLayout", { sectionLabel: DETAILS, isFirst: true })).toEqual({
      kind: "layout",
      name: "visitLayout",
      object: "siteVisit",
      label: { en: "Site visit layout", "zh-CN": "现场拜访布局" },
      default: true,
      sections: [{ id: "details", label: DETAILS, columns: 2, items: [{ field: "name", column: 0 }] }],
    });
  });
  it("is not the default when the object has a layout already", () => {
    expect(newLayout(siteVisit(), "second", { sectionLabel: DETAILS, isFirst: false })).not.toHaveProperty(
      "default",
    );
  });
  it("places every field a new record needs, alternating columns", () => {
    const object = siteVisit();
    object.fields.push({ name: "site", type: "text", label: { en: "Site" }, required: true });
    object.fields.push({ name: "kind", type: "text", label: { en: "Kind" }, required: true, default: "a" });
    const layout = newLayout(object, "l", { sectionLabel: DETAILS, isFirst: true });
    expect(layout.sections[0]?.items).toEqual([
      { field: "name", column: 0 },
      { field: "site", column: 1 },
    ]);
  });
  it("is accepted by the metadata checks", () => {
    const layout = newLayout(siteVisit(), "visitLayout", { sectionLabel: DETAILS, isFirst: true });
    const { issues } = validateDocumentSet([siteVisit(), layout]);
    expect(issues.filter((i) => i.document === "layout/visitLayout" && !/\.unknown/.test(i.code))).toEqual(
      [],
    );
  });
});

describe("the palette", () => {
  const layout = layoutOf(section("s", 2, [{ field: "name" }, { field: "status" }, { field: "ownerId" }]));
  it("lists the object's fields not placed, in the object's order", () => {
    expect(unplacedFields(siteVisit(), layout).map((f) => f.name)).toEqual(["visitDate", "notes", "account"]);
  });
  it("lists the placeable system fields not placed", () => {
    expect(unplacedSystemFields(layout)).toEqual(["createdAt", "createdBy", "updatedAt", "updatedBy"]);
  });
  it("keeps a field a new record needs on the layout", () => {
    expect(mustStayPlaced(siteVisit(), "name")).toBe(true);
    expect(mustStayPlaced(siteVisit(), "notes")).toBe(false);
    expect(mustStayPlaced(siteVisit(), "ownerId")).toBe(false);
  });
});
