import { describe, expect, it } from "vitest";
import {
  apiNameProblem,
  derivedFieldName,
  fieldNameProblem,
  followsLabel,
  relabelField,
} from "../../../designer/src/fields/field-name.js";
import { date, text } from "../../metadata/builders.js";

const none = new Set<string>();

describe("checking an API name as the admin types", () => {
  it("accepts lower camel case letters and digits", () => {
    expect(apiNameProblem("siteVisit2", none)).toBeUndefined();
  });

  it("refuses an empty name", () => {
    expect(apiNameProblem("", none)).toBe("empty");
  });

  it("refuses names that break the metadata's name pattern", () => {
    expect(apiNameProblem("SiteVisit", none)).toBe("pattern");
    expect(apiNameProblem("site_visit", none)).toBe("pattern");
    expect(apiNameProblem("2visits", none)).toBe("pattern");
    expect(apiNameProblem("constructor", none)).toBe("pattern");
    expect(apiNameProblem(`a${"b".repeat(63)}`, none)).toBe("pattern");
  });

  it("refuses a name already taken", () => {
    expect(apiNameProblem("account", new Set(["account"]))).toBe("taken");
  });

  it("refuses the fields every record carries as field names", () => {
    expect(fieldNameProblem("ownerId", none)).toBe("system");
    expect(fieldNameProblem("createdAt", none)).toBe("system");
    expect(fieldNameProblem("owner", none)).toBeUndefined();
  });
});

describe("deriving a field's API name from its label", () => {
  it("takes the lower camel case of the label", () => {
    expect(derivedFieldName("Visit date", none)).toBe("visitDate");
  });

  it("adds a number when the name is taken", () => {
    expect(derivedFieldName("Visit date", new Set(["visitDate"]))).toBe("visitDate2");
  });

  it("steers clear of system field names", () => {
    expect(derivedFieldName("Owner Id", none)).toBe("ownerIdField");
  });

  it("falls back to field for a label without Latin letters", () => {
    expect(derivedFieldName("拜访日期", none)).toBe("field");
  });
});

describe("an API name following the label", () => {
  const fresh = date("newField", { label: { en: "New Date field" } });

  it("follows while the field still has the palette's name", () => {
    expect(followsLabel(fresh, none, none)).toBe(true);
    expect(followsLabel(date("newField3", { label: { en: "X" } }), none, none)).toBe(true);
  });

  it("follows while the name is what the label gives", () => {
    expect(followsLabel(date("visitDate", { label: { en: "Visit date" } }), none, none)).toBe(true);
  });

  it("stops once the admin chose another name", () => {
    expect(followsLabel(date("when", { label: { en: "Visit date" } }), none, none)).toBe(false);
  });

  it("never follows for a published field", () => {
    expect(followsLabel(fresh, none, new Set(["newField"]))).toBe(false);
  });

  it("renames the field as the label is typed", () => {
    const once = relabelField(fresh, { en: "Visit" }, none, none);
    const twice = relabelField(once, { en: "Visit date" }, none, none);
    expect(once.name).toBe("visit");
    expect(twice).toEqual(date("visitDate", { label: { en: "Visit date" } }));
  });

  it("drops the palette's Chinese placeholder once the English label is typed, keeping a real one", () => {
    const placed = date("newField", { label: { en: "New Date field", "zh-CN": "新建日期字段" } });
    expect(relabelField(placed, { en: "Visit date", "zh-CN": "新建日期字段" }, none, none).label).toEqual({
      en: "Visit date",
    });
    expect(relabelField(placed, { en: "Visit date", "zh-CN": "拜访日期" }, none, none).label).toEqual({
      en: "Visit date",
      "zh-CN": "拜访日期",
    });
  });

  it("keeps a name unique among the other fields", () => {
    expect(relabelField(fresh, { en: "Name" }, new Set(["name"]), none).name).toBe("name2");
  });

  it("keeps the name while the English label is blank", () => {
    expect(relabelField(fresh, { en: " " }, none, none).name).toBe("newField");
  });

  it("changes only the label of a published field or one the admin named", () => {
    const published = text("status", { label: { en: "Status" } });
    expect(relabelField(published, { en: "Stage" }, none, new Set(["status"]))).toEqual(
      text("status", { label: { en: "Stage" } }),
    );
    const named = text("when", { label: { en: "Visit date" } });
    expect(relabelField(named, { en: "Date", "zh-CN": "日期" }, none, none)).toEqual(
      text("when", { label: { en: "Date", "zh-CN": "日期" } }),
    );
  });
});
