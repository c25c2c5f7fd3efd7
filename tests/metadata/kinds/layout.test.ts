import { describe, expect, it } from "vitest";
import { checkLayout, expressionsOfLayout, LayoutSchema } from "../../../metadata/src/kinds/layout.js";
import { aLayout, anApprovalProcess } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

const section = aLayout().sections[0];
if (section === undefined) throw new Error("the sample layout has a section");
const withItems = (items: typeof section.items, columns: 1 | 2 | 3 = 2) =>
  aLayout({ sections: [{ ...section, columns, items }] });

describe("layout schema", () => {
  it("accepts the sample layout", () => {
    expect(refusedAt(LayoutSchema, aLayout())).toEqual([]);
  });

  it("refuses a section with four columns", () => {
    expect(refusedAt(LayoutSchema, { ...aLayout(), sections: [{ ...section, columns: 4 }] })).toEqual([
      "/sections/0/columns",
    ]);
  });

  it("refuses an unknown key on a placed field", () => {
    const items = [{ field: "amount", colour: "red" }];
    expect(refusedAt(LayoutSchema, { ...aLayout(), sections: [{ ...section, items }] })).toEqual([
      "/sections/0/items/0/colour",
    ]);
  });

  it("refuses a custom button without a handler", () => {
    const buttons = [{ name: "send", label: { en: "Send" }, action: "custom" }];
    expect(refusedAt(LayoutSchema, { ...aLayout(), buttons })).toContain("/buttons/0/handler");
  });

  it("refuses a layout name that is not camelCase", () => {
    expect(refusedAt(LayoutSchema, { ...aLayout(), name: "Invoice Layout" })).toEqual(["/name"]);
  });
});

describe("layout checks", () => {
  it("accepts the sample layout", () => {
    expect(checkLayout(aLayout(), sampleContext())).toEqual([]);
  });

  it("names the document and a pointer", () => {
    expect(checkLayout(aLayout({ object: "nope" }), sampleContext())).toEqual([
      {
        document: "layout/invoiceLayout",
        path: "/object",
        code: "layout.unknownObject",
        message: 'Object "nope" does not exist.',
      },
    ]);
  });

  it("reports a placed field the object does not have", () => {
    const layout = withItems([{ field: "amount" }, { field: "amont" }]);
    expect(findings(checkLayout(layout, sampleContext()))).toEqual([
      { code: "layout.unknownField", path: "/sections/0/items/1/field" },
    ]);
  });

  it("reports the second placement of a field, across sections", () => {
    const layout = aLayout({
      sections: [section, { id: "more", label: { en: "More" }, columns: 1, items: [{ field: "amount" }] }],
    });
    expect(findings(checkLayout(layout, sampleContext()))).toEqual([
      { code: "layout.duplicateField", path: "/sections/1/items/0/field" },
    ]);
  });

  it("reports a column index beyond the section's columns", () => {
    const layout = withItems([{ field: "amount", column: 2 }]);
    expect(findings(checkLayout(layout, sampleContext()))).toEqual([
      { code: "layout.columnOutOfRange", path: "/sections/0/items/0/column" },
    ]);
  });

  it("reports two sections with the same id", () => {
    const layout = aLayout({ sections: [section, { ...section, items: [] }] });
    expect(findings(checkLayout(layout, sampleContext()))).toEqual([
      { code: "layout.duplicateSection", path: "/sections/1/id" },
    ]);
  });

  it("reports a required field without default that is not placed", () => {
    const layout = withItems([{ field: "status" }]);
    expect(findings(checkLayout(layout, sampleContext()))).toEqual([
      { code: "layout.requiredFieldMissing", path: "/sections" },
    ]);
  });

  it("reports requiredWhen on a field the system fills in", () => {
    const layout = withItems([{ field: "amount" }, { field: "number", requiredWhen: true }]);
    expect(findings(checkLayout(layout, sampleContext()))).toEqual([
      { code: "layout.notEditable", path: "/sections/0/items/1/requiredWhen" },
    ]);
  });

  it("reports a related list of an unknown object", () => {
    const layout = aLayout({ relatedLists: [{ object: "payment", field: "invoice", columns: ["id"] }] });
    expect(findings(checkLayout(layout, sampleContext()))).toEqual([
      { code: "layout.unknownObject", path: "/relatedLists/0/object" },
    ]);
  });

  it("reports a related list field that does not point to the layout's object", () => {
    const layout = aLayout({
      relatedLists: [{ object: "invoiceLine", field: "account", columns: ["quantity"] }],
    });
    expect(findings(checkLayout(layout, sampleContext()))).toEqual([
      { code: "layout.invalidRelationship", path: "/relatedLists/0/field" },
    ]);
  });

  it("reports related list columns and sort fields the child does not have", () => {
    const layout = aLayout({
      relatedLists: [
        {
          object: "invoiceLine",
          field: "invoice",
          columns: ["quantity", "price"],
          sort: [{ field: "position", direction: "asc" }],
        },
      ],
    });
    expect(findings(checkLayout(layout, sampleContext()))).toEqual([
      { code: "layout.unknownField", path: "/relatedLists/0/columns/1" },
      { code: "layout.unknownField", path: "/relatedLists/0/sort/0/field" },
    ]);
  });

  it("reports two buttons with the same name", () => {
    const layout = aLayout({
      buttons: [
        { name: "edit", action: "edit" },
        { name: "edit", action: "clone" },
      ],
    });
    expect(findings(checkLayout(layout, sampleContext()))).toEqual([
      { code: "layout.duplicateButton", path: "/buttons/1/name" },
    ]);
  });

  it("reports a submit-for-approval button on an object without approval process", () => {
    const layout = aLayout({ buttons: [{ name: "submit", action: "submitForApproval" }] });
    expect(findings(checkLayout(layout, sampleContext()))).toEqual([
      { code: "layout.noApprovalProcess", path: "/buttons/0/action" },
    ]);
    expect(findings(checkLayout(layout, sampleContext(anApprovalProcess())))).toEqual([]);
  });

  it("reports a second default layout of the same object on the later name only", () => {
    const first = aLayout({ name: "alpha", default: true });
    const second = aLayout({ name: "beta", default: true });
    const ctx = sampleContext(first, second);
    expect(findings(checkLayout(first, ctx))).toEqual([]);
    expect(findings(checkLayout(second, ctx))).toEqual([
      { code: "layout.duplicateDefault", path: "/default" },
    ]);
  });
});

describe("layout expressions", () => {
  it("lists every condition as a rule on the layout's object", () => {
    const layout = aLayout({
      buttons: [{ name: "edit", action: "edit", visibleWhen: { "==": [{ var: "status" }, "draft"] } }],
    });
    expect(expressionsOfLayout(layout)).toEqual([
      {
        path: "/sections/0/items/1/requiredWhen",
        expression: { "==": [{ var: "status" }, "sent"] },
        object: "invoice",
        mode: "rule",
      },
      {
        path: "/sections/0/items/2/visibleWhen",
        expression: { "!!": { var: "amount" } },
        object: "invoice",
        mode: "rule",
      },
      { path: "/sections/0/items/3/readOnlyWhen", expression: true, object: "invoice", mode: "rule" },
      {
        path: "/buttons/0/visibleWhen",
        expression: { "==": [{ var: "status" }, "draft"] },
        object: "invoice",
        mode: "rule",
      },
    ]);
  });
});
