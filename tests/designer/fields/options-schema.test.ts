import type { ObjectDefinition } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  applyOptionsForm,
  optionsFormData,
  optionsFormSchema,
} from "../../../designer/src/fields/options-schema.js";
import {
  autoNumber,
  lookup,
  multiPicklist,
  number,
  option,
  picklist,
  rollupSummary,
  text,
} from "../../metadata/builders.js";

const visitNote: ObjectDefinition = {
  kind: "object",
  name: "visitNote",
  label: { en: "Visit Note" },
  pluralLabel: { en: "Visit Notes" },
  recordName: "name",
  sharingModel: "private",
  fields: [text("name"), lookup("visit", { reference: "siteVisit" }), number("hours")],
};
const context = {
  object: "siteVisit",
  objects: [visitNote],
  choiceTitle: (key: string, value: string) => `${key}:${value}`,
  objectTitle: (o: ObjectDefinition) => o.label.en,
};
const keysOf = (schema: { properties?: unknown }) => Object.keys(schema.properties as object);

describe("the options form of a field type", () => {
  it("leaves out the keys the panel renders itself", () => {
    expect(keysOf(optionsFormSchema(text("name"), context))).toEqual(["default", "maxLength"]);
    expect(keysOf(optionsFormSchema(lookup("account", { reference: "account" }), context))).toEqual([
      "relationshipName",
      "onDelete",
    ]);
  });

  it("turns enumerations into labelled choices", () => {
    expect(optionsFormSchema(lookup("account", { reference: "account" }), context).properties).toMatchObject({
      onDelete: {
        type: "string",
        oneOf: [
          { const: "setNull", title: "onDelete:setNull" },
          { const: "restrict", title: "onDelete:restrict" },
        ],
      },
    });
  });

  it("offers a picklist's own option values as its default, and a literal for other types", () => {
    const field = picklist("status", { options: [option("planned", "Planned"), option("done", "Done")] });
    expect(optionsFormSchema(field, context).properties).toEqual({
      default: {
        type: "string",
        oneOf: [
          { const: "planned", title: "Planned" },
          { const: "done", title: "Done" },
        ],
      },
    });
    expect(
      optionsFormSchema(multiPicklist("tags", { options: [option("a", "A")] }), context).properties,
    ).toMatchObject({
      default: { type: "array", uniqueItems: true, items: { type: "string", enum: ["a"] } },
    });
    expect(optionsFormSchema(number("hours"), context).properties).toMatchObject({
      default: { type: "number" },
    });
  });

  it("leaves a default computed by a formula to the formula editor", () => {
    const field = number("hours", { default: { expression: { "+": [1, 1] } } });
    expect(keysOf(optionsFormSchema(field, context))).not.toContain("default");
  });

  it("offers a roll-up's child objects, relationship fields and numeric fields from the draft", () => {
    const field = rollupSummary("hours", {
      childObject: "visitNote",
      relationshipField: "visit",
      operation: "sum",
    });
    expect(optionsFormSchema(field, context).properties).toMatchObject({
      childObject: { oneOf: [{ const: "visitNote", title: "Visit Note" }] },
      relationshipField: { oneOf: [{ const: "visit", title: "visit" }] },
      summaryField: { oneOf: [{ const: "hours", title: "hours" }] },
    });
  });

  it("keeps the type's required keys required", () => {
    expect(optionsFormSchema(autoNumber("number", { format: "{0000}" }), context).required).toEqual([
      "format",
    ]);
  });
});

describe("reading and applying the options form", () => {
  const field = text("name", { label: { en: "Name" }, required: true, maxLength: 80 });
  const schema = optionsFormSchema(field, context);

  it("reads only the form's keys that have a value", () => {
    expect(optionsFormData(field, schema)).toEqual({ maxLength: 80 });
  });

  it("writes the form's values and drops the ones left empty", () => {
    expect(applyOptionsForm(field, schema, { maxLength: 120, default: "" })).toEqual({
      ...field,
      maxLength: 120,
    });
    expect(applyOptionsForm(field, schema, { default: "n/a" })).toEqual({
      name: "name",
      type: "text",
      label: { en: "Name" },
      required: true,
      default: "n/a",
    });
  });

  it("drops an empty list", () => {
    const tags = multiPicklist("tags", { options: [option("a", "A")], default: ["a"] });
    expect(applyOptionsForm(tags, optionsFormSchema(tags, context), { default: [] })).toEqual(
      multiPicklist("tags", { options: [option("a", "A")] }),
    );
  });
});
