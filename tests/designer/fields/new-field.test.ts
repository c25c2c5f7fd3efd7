import {
  FIELD_TYPES,
  type ObjectDefinition,
  registerCustomFieldType,
  validateDocumentSet,
} from "@tessera/metadata";
import { describe, expect, it } from "vitest";

import {
  changeFieldType,
  insertNewField,
  newField,
  newFieldLabel,
} from "../../../designer/src/fields/new-field.js";
import { lookup, option, picklist, text } from "../../metadata/builders.js";

// A palette "Custom" field takes the first registered custom type.
registerCustomFieldType({
  name: "rating",
  label: { en: "Rating" },
  base: "number",
  valueSchema: { type: "integer", minimum: 1, maximum: 5 },
});

const account: ObjectDefinition = {
  kind: "object",
  name: "account",
  label: { en: "Account" },
  pluralLabel: { en: "Accounts" },
  recordName: "name",
  sharingModel: "private",
  fields: [text("name")],
};
const siteVisit: ObjectDefinition = {
  kind: "object",
  name: "siteVisit",
  label: { en: "Site Visit" },
  pluralLabel: { en: "Site Visits" },
  recordName: "name",
  sharingModel: "private",
  fields: [text("name")],
};
const visitNote: ObjectDefinition = {
  kind: "object",
  name: "visitNote",
  label: { en: "Visit Note" },
  pluralLabel: { en: "Visit Notes" },
  recordName: "name",
  sharingModel: "private",
  fields: [text("name"), lookup("visit", { reference: "siteVisit" })],
};
const context = { object: "siteVisit", objects: [account, siteVisit, visitNote] };

describe("inserting a field taken from the palette", () => {
  it("names the first new field newField and later ones newField2, newField3", () => {
    const once = insertNewField(siteVisit.fields, "date", 1, context);
    const twice = insertNewField(once.fields, "date", 2, context);
    const thrice = insertNewField(twice.fields, "text", 0, context);
    expect(thrice.fields.map((f) => f.name)).toEqual(["newField3", "name", "newField", "newField2"]);
  });

  it("inserts at the drop position and reports it", () => {
    const fields = [text("a"), text("b"), text("c")];
    const result = insertNewField(fields, "number", 1, context);
    expect(result.index).toBe(1);
    expect(result.fields.map((f) => f.name)).toEqual(["a", "newField", "b", "c"]);
  });

  it("clamps a position past the end to the end and a negative one to the start", () => {
    const fields = [text("a"), text("b")];
    expect(insertNewField(fields, "number", 9, context).index).toBe(2);
    expect(insertNewField(fields, "number", -3, context).index).toBe(0);
    expect(insertNewField([], "number", 4, context).fields.map((f) => f.name)).toEqual(["newField"]);
  });

  it("labels the field after its type in both languages", () => {
    expect(newFieldLabel("date")).toEqual({ en: "New Date field", "zh-CN": "新建日期字段" });
    expect(newFieldLabel("picklist")).toEqual({ en: "New Picklist field", "zh-CN": "新建选项列表字段" });
  });

  it("gives a picklist a first option, a lookup a target and an auto number a format", () => {
    expect(newField("picklist", "p", context)).toEqual({
      name: "p",
      type: "picklist",
      label: { en: "New Picklist field", "zh-CN": "新建选项列表字段" },
      options: [{ value: "option1", label: { en: "Option 1", "zh-CN": "选项 1" } }],
    });
    expect(newField("lookup", "l", context)).toMatchObject({ reference: "account" });
    expect(newField("autoNumber", "n", context)).toMatchObject({ format: "{0000}", startAt: 1 });
    expect(newField("formula", "f", context)).toMatchObject({ expression: "", returnType: "text" });
  });

  it("points a new lookup at another object when the draft has no account", () => {
    expect(newField("lookup", "l", { object: "siteVisit", objects: [siteVisit, visitNote] })).toMatchObject({
      reference: "visitNote",
    });
  });

  it("gives a roll-up summary the child object that looks up to the object, counting", () => {
    expect(newField("rollupSummary", "r", context)).toMatchObject({
      childObject: "visitNote",
      relationshipField: "visit",
      operation: "count",
    });
  });

  it.each(FIELD_TYPES.map((type) => [type]))("makes a %s field the metadata accepts", (type) => {
    const { fields } = insertNewField(siteVisit.fields, type, 1, context);
    const object = { ...siteVisit, fields };
    const { issues } = validateDocumentSet([account, visitNote, object]);
    expect(issues.filter((i) => i.document === "object/siteVisit")).toEqual([]);
  });
});

describe("changing a field's type", () => {
  const status = picklist("status", {
    label: { en: "Status" },
    helpText: { en: "Where the visit stands" },
    required: true,
    options: [option("planned", "Planned")],
  });

  it("keeps the name, labels and required, and takes the new type's required options", () => {
    expect(changeFieldType(status, "text", context)).toEqual({
      name: "status",
      type: "text",
      label: { en: "Status" },
      helpText: { en: "Where the visit stands" },
      required: true,
    });
  });

  it("drops required when the new type has no such option", () => {
    const changed = changeFieldType(status, "formula", context);
    expect(changed).toEqual({
      name: "status",
      type: "formula",
      label: { en: "Status" },
      helpText: { en: "Where the visit stands" },
      expression: "",
      returnType: "text",
    });
  });

  it("returns the same field when the type does not change", () => {
    expect(changeFieldType(status, "picklist", context)).toBe(status);
  });
});
