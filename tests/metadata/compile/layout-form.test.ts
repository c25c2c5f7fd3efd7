import { describe, expect, it } from "vitest";
import { compileLayoutForm, type FormOptions } from "../../../metadata/src/compile/layout-form.js";
import type { LayoutItem, LayoutSection } from "../../../metadata/src/kinds/layout.js";
import * as build from "../builders.js";
import { aLayout, anObject } from "../kinds/builders.js";

const deal = anObject("deal")
  .withField(
    build.text("name", {
      label: { en: "Deal name", "zh-CN": "商机名称" },
      helpText: { en: "What the customer calls it", "zh-CN": "客户的叫法" },
      required: true,
    }),
  )
  .withField(build.currency("amount", { label: { en: "Amount" }, helpText: { en: "Before tax" } }))
  .withField(
    build.picklist("stage", {
      label: { en: "Stage", "zh-CN": "阶段" },
      options: [build.option("open", "Open", "进行中"), build.option("won", "Won")],
    }),
  )
  .withField(build.masterDetail("account", { reference: "account" }))
  .withField(build.autoNumber("number", { format: "D-{0000}" }))
  .withField(build.formula("gross", { returnType: "currency", expression: { "*": [{ var: "amount" }, 2] } }))
  .withField(
    build.rollupSummary("lineCount", { childObject: "line", relationshipField: "deal", operation: "count" }),
  )
  .withField(build.text("note", { label: { en: "<b>x</b>" }, helpText: { en: "<script>alert(1)</script>" } }))
  .build();

const section = (
  id: string,
  columns: 1 | 2 | 3,
  items: LayoutItem[],
  extra: Partial<LayoutSection> = {},
): LayoutSection => ({ id, label: { en: `${id} section` }, columns, items, ...extra });

const layoutOf = (...sections: LayoutSection[]) =>
  aLayout({ name: "dealLayout", object: "deal", sections, relatedLists: [], buttons: [] });

const en: FormOptions = { locale: "en", mode: "edit" };
const zh: FormOptions = { locale: "zh-CN", mode: "edit" };

const placed = (...fields: string[]) => fields.map((field) => ({ field }));

describe("compileLayoutForm: sections and columns", () => {
  it("describes each section: id, localised title, columns, collapsed", () => {
    const layout = layoutOf(
      section("main", 2, placed("name"), { label: { en: "Main", "zh-CN": "主要" } }),
      section("more", 1, placed("amount"), { collapsed: true }),
    );
    expect(compileLayoutForm(layout, deal, zh).sections).toEqual([
      { id: "main", title: "主要", columns: 2, collapsed: false, fields: [["name"], []] },
      { id: "more", title: "more section", columns: 1, collapsed: true, fields: [["amount"]] },
    ]);
  });

  it("distributes fields without a column over the columns in turn, by position", () => {
    const layout = layoutOf(section("main", 3, placed("name", "amount", "stage", "note")));
    expect(compileLayoutForm(layout, deal, en).sections[0]?.fields).toEqual([
      ["name", "note"],
      ["amount"],
      ["stage"],
    ]);
  });

  it("puts a field with an explicit column in that column", () => {
    const layout = layoutOf(
      section("main", 2, [{ field: "name", column: 1 }, { field: "amount", column: 1 }, { field: "stage" }]),
    );
    expect(compileLayoutForm(layout, deal, en).sections[0]?.fields).toEqual([["stage"], ["name", "amount"]]);
  });

  it("keeps a field in the same column whether or not earlier fields are left out", () => {
    const layout = layoutOf(section("main", 2, placed("number", "name", "amount")));
    expect(compileLayoutForm(layout, deal, en).sections[0]?.fields).toEqual([["number", "amount"], ["name"]]);
    expect(compileLayoutForm(layout, deal, { locale: "en", mode: "create" }).sections[0]?.fields).toEqual([
      ["amount"],
      ["name"],
    ]);
  });
});

describe("compileLayoutForm: schema and order", () => {
  it("has a property for each placed field only, and ui:order in layout order across sections", () => {
    const layout = layoutOf(section("a", 1, placed("stage", "name")), section("b", 1, placed("amount")));
    const form = compileLayoutForm(layout, deal, en);
    expect(Object.keys(form.schema.properties as object)).toEqual(["stage", "name", "amount"]);
    expect(form.uiSchema["ui:order"]).toEqual(["stage", "name", "amount"]);
  });

  it("requires the placed required input fields (master-detail always)", () => {
    const layout = layoutOf(section("a", 1, placed("amount", "account", "name")));
    expect(compileLayoutForm(layout, deal, en).schema.required).toEqual(["account", "name"]);
  });

  it("gives each field its type's JSON Schema and widget", () => {
    const layout = layoutOf(section("a", 1, placed("amount", "stage")));
    const form = compileLayoutForm(layout, deal, en);
    expect(form.schema.properties).toEqual({
      amount: { type: "number", title: "Amount" },
      stage: { type: "string", maxLength: 80, enum: ["open", "won"], title: "Stage" },
    });
    expect(form.uiSchema.amount).toEqual({
      "ui:widget": "currency",
      "ui:options": { scale: 2 },
      "ui:help": "Before tax",
    });
  });

  it("leaves out a field the object does not have", () => {
    const layout = layoutOf(section("a", 1, placed("name", "nope")));
    const form = compileLayoutForm(layout, deal, en);
    expect(form.uiSchema["ui:order"]).toEqual(["name"]);
    expect(form.sections[0]?.fields).toEqual([["name"]]);
  });
});

describe("compileLayoutForm: localisation", () => {
  const layout = layoutOf(section("a", 1, placed("name", "amount", "stage")));

  it("titles fields, help texts and options in English", () => {
    const form = compileLayoutForm(layout, deal, en);
    expect(form.schema.title).toBe("deal");
    expect(form.schema.properties).toMatchObject({
      name: { title: "Deal name" },
      amount: { title: "Amount" },
      stage: { title: "Stage" },
    });
    expect(form.uiSchema.name).toMatchObject({ "ui:help": "What the customer calls it" });
    expect(form.uiSchema.stage).toMatchObject({ "ui:enumNames": ["Open", "Won"] });
  });

  it("titles fields, help texts and options in Simplified Chinese, falling back to English", () => {
    const form = compileLayoutForm(layout, deal, zh);
    expect(form.schema.properties).toMatchObject({
      name: { title: "商机名称" },
      amount: { title: "Amount" },
      stage: { title: "阶段" },
    });
    expect(form.uiSchema.name).toMatchObject({ "ui:help": "客户的叫法" });
    expect(form.uiSchema.amount).toMatchObject({ "ui:help": "Before tax" });
    expect(form.uiSchema.stage).toMatchObject({ "ui:enumNames": ["进行中", "Won"] });
  });

  it("adds no help text to a field without one", () => {
    const form = compileLayoutForm(layout, deal, en);
    expect(form.uiSchema.stage).not.toHaveProperty("ui:help");
  });
});

describe("compileLayoutForm: modes", () => {
  const layout = layoutOf(section("a", 2, placed("name", "amount", "number", "gross", "lineCount")));

  it("read mode marks the form and every field read-only", () => {
    const form = compileLayoutForm(layout, deal, { locale: "en", mode: "read" });
    expect(form.uiSchema["ui:readonly"]).toBe(true);
    for (const name of ["name", "amount", "number", "gross", "lineCount"]) {
      expect(form.uiSchema[name]).toMatchObject({ "ui:readonly": true });
    }
  });

  it("edit mode leaves input fields editable and shows generated and computed fields read-only", () => {
    const form = compileLayoutForm(layout, deal, en);
    expect(form.uiSchema).not.toHaveProperty("ui:readonly");
    expect(form.uiSchema.name).not.toHaveProperty("ui:readonly");
    expect(form.uiSchema.amount).not.toHaveProperty("ui:readonly");
    for (const name of ["number", "gross", "lineCount"]) {
      expect(form.uiSchema[name]).toMatchObject({ "ui:readonly": true });
    }
  });

  it("create mode leaves out auto-number, formula and roll-up fields entirely", () => {
    const form = compileLayoutForm(layout, deal, { locale: "en", mode: "create" });
    expect(Object.keys(form.schema.properties as object)).toEqual(["name", "amount"]);
    expect(form.uiSchema["ui:order"]).toEqual(["name", "amount"]);
    expect(Object.keys(form.uiSchema).sort()).toEqual(["amount", "name", "ui:order"]);
    expect(form.sections[0]?.fields).toEqual([["name"], ["amount"]]);
  });
});

describe("compileLayoutForm: conditions", () => {
  it("carries visibleWhen, requiredWhen and readOnlyWhen through unchanged, per field", () => {
    const visibleWhen = { "==": [{ var: "stage" }, "won"] };
    const requiredWhen = { ">": [{ var: "amount" }, 1000] };
    const layout = layoutOf(
      section("a", 1, [
        { field: "name", visibleWhen },
        { field: "amount", requiredWhen, readOnlyWhen: true },
        { field: "stage" },
      ]),
    );
    expect(compileLayoutForm(layout, deal, en).conditions).toEqual({
      name: { visibleWhen },
      amount: { requiredWhen, readOnlyWhen: true },
    });
  });

  it("carries a condition that is false too (only absent conditions are left out)", () => {
    const layout = layoutOf(section("a", 1, [{ field: "name", visibleWhen: false }]));
    expect(compileLayoutForm(layout, deal, en).conditions).toEqual({ name: { visibleWhen: false } });
  });
});

describe("compileLayoutForm: a field placed twice", () => {
  it("appears once, where and how it was first placed", () => {
    const layout = layoutOf(
      section("a", 2, [{ field: "name", column: 1, visibleWhen: true }, { field: "amount" }]),
      section("b", 1, [{ field: "name", readOnlyWhen: true }]),
    );
    const form = compileLayoutForm(layout, deal, en);
    expect(form.uiSchema["ui:order"]).toEqual(["name", "amount"]);
    expect(form.sections.map((s) => s.fields)).toEqual([[[], ["name", "amount"]], [[]]]);
    expect(form.conditions).toEqual({ name: { visibleWhen: true } });
    expect(form.schema.required).toEqual(["name"]);
  });
});

describe("compileLayoutForm: labels are data", () => {
  it("passes a label and a help text that look like HTML through as the exact strings", () => {
    const form = compileLayoutForm(layoutOf(section("a", 1, placed("note"))), deal, en);
    expect(form.schema.properties).toEqual({ note: { type: "string", maxLength: 255, title: "<b>x</b>" } });
    expect(form.uiSchema.note).toEqual({ "ui:help": "<script>alert(1)</script>" });
  });

  it("passes a section label that looks like HTML through as the exact string", () => {
    const layout = layoutOf(section("a", 1, placed("name"), { label: { en: "<i>Main</i>" } }));
    expect(compileLayoutForm(layout, deal, en).sections[0]?.title).toBe("<i>Main</i>");
  });
});
