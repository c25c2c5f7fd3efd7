import type { AppDefinition } from "@tessera/metadata";
import { validateDocumentSet } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import { appendToNavigation, buildNewObject, pluralOf } from "../../../designer/src/objects/new-object.js";

const input = {
  name: "siteVisit",
  label: { en: "Site Visit", "zh-CN": "现场拜访" },
  pluralLabel: { en: "Site Visits", "zh-CN": "现场拜访" },
  sharingModel: "publicRead" as const,
};

describe("building a new object", () => {
  it("names records with a required text field Name", () => {
    const object = buildNewObject({ ...input, recordName: { type: "text" } });
    expect(object).toEqual({
      kind: "object",
      name: "siteVisit",
      label: { en: "Site Visit", "zh-CN": "现场拜访" },
      pluralLabel: { en: "Site Visits", "zh-CN": "现场拜访" },
      recordName: "name",
      sharingModel: "publicRead",
      fields: [
        {
          name: "name",
          type: "text",
          label: { en: "Name", "zh-CN": "名称" },
          required: true,
          maxLength: 255,
        },
      ],
    });
    expect(validateDocumentSet([object]).issues).toEqual([]);
  });

  it("names records by an auto number in the chosen format", () => {
    const object = buildNewObject({ ...input, recordName: { type: "autoNumber", format: "VIS-{0000}" } });
    expect(object.fields).toEqual([
      {
        name: "name",
        type: "autoNumber",
        label: { en: "Name", "zh-CN": "名称" },
        format: "VIS-{0000}",
        startAt: 1,
      },
    ]);
    expect(validateDocumentSet([object]).issues).toEqual([]);
  });
});

describe("adding an object to an app's navigation", () => {
  const app: AppDefinition = {
    kind: "app",
    name: "sales",
    label: { en: "Sales" },
    navigation: [
      { type: "page", page: "home" },
      { type: "object", object: "account" },
    ],
  };

  it("appends the object after the existing entries", () => {
    expect(appendToNavigation(app, "siteVisit").navigation).toEqual([
      { type: "page", page: "home" },
      { type: "object", object: "account" },
      { type: "object", object: "siteVisit" },
    ]);
  });

  it("leaves the app unchanged when the object is already there", () => {
    expect(appendToNavigation(app, "account")).toBe(app);
  });
});

describe("suggesting a plural label", () => {
  it.each([
    ["Site Visit", "Site Visits"],
    ["Opportunity", "Opportunities"],
    ["Survey", "Surveys"],
    ["Address", "Addresses"],
    ["Box", "Boxes"],
    ["Branch", "Branches"],
    ["", ""],
  ])("%s -> %s", (en, plural) => {
    expect(pluralOf({ en })).toEqual({ en: plural });
  });

  it("keeps the Chinese label, which has no plural", () => {
    expect(pluralOf({ en: "Visit", "zh-CN": "拜访" })).toEqual({ en: "Visits", "zh-CN": "拜访" });
  });
});
