import { describe, expect, it } from "vitest";
import { registerCustomFieldType } from "../../../metadata/src/fields/custom-field-types.js";
import {
  coerceFieldValue,
  descriptorOf,
  FIELD_TYPES,
  FieldDefinitionSchema,
  type FieldOf,
  type FieldType,
  fieldTypes,
  isFieldType,
  operatorsOf,
  valueKindOf,
} from "../../../metadata/src/fields/registry.js";
import { FILTER_OPERATORS } from "../../../metadata/src/rules/filter-operator.js";
import { createAjv } from "../../../metadata/src/validate/create-ajv.js";
import * as build from "../builders.js";
import { valueValidator } from "./value-validator.js";

registerCustomFieldType({
  name: "rating",
  label: { en: "Rating" },
  base: "number",
  valueSchema: { type: "integer", minimum: 1, maximum: 5 },
});

/** The smallest valid definition of every type; typed by the registry, so a new type must be added. */
const minimal: { readonly [K in FieldType]: FieldOf<K> } = {
  text: build.text("title"),
  textarea: build.textarea("notes"),
  richText: build.richText("body"),
  email: build.email("workEmail"),
  phone: build.phone("mobile"),
  url: build.url("website"),
  number: build.number("quantity"),
  currency: build.currency("amount"),
  percent: build.percent("discount"),
  boolean: build.checkbox("active"),
  date: build.date("closeDate"),
  datetime: build.datetime("dueAt"),
  time: build.time("opensAt"),
  picklist: build.picklist("stage", { options: [build.option("open", "Open")] }),
  multiPicklist: build.multiPicklist("regions", { options: [build.option("north", "North")] }),
  lookup: build.lookup("account", { reference: "account" }),
  masterDetail: build.masterDetail("quote", { reference: "quote" }),
  user: build.user("reviewer"),
  autoNumber: build.autoNumber("number", { format: "INV-{0000}" }),
  formula: build.formula("gross", { returnType: "number", expression: { var: "amount" } }),
  rollupSummary: build.rollupSummary("lineCount", {
    childObject: "quoteLine",
    relationshipField: "quote",
    operation: "count",
  }),
  geolocation: build.geolocation("site"),
  file: build.file("contract"),
  custom: { name: "satisfaction", type: "custom", customType: "rating", label: { en: "satisfaction" } },
};

const BASE_KEYS: ReadonlySet<string> = new Set(["id", "name", "type", "label", "helpText", "description"]);
const optionsOf = (definition: object) =>
  Object.fromEntries(Object.entries(definition).filter(([key]) => !BASE_KEYS.has(key)));

describe("field-type registry", () => {
  it("lists the 24 field types, each registered under its own name", () => {
    expect(FIELD_TYPES).toEqual([
      "text",
      "textarea",
      "richText",
      "email",
      "phone",
      "url",
      "number",
      "currency",
      "percent",
      "boolean",
      "date",
      "datetime",
      "time",
      "picklist",
      "multiPicklist",
      "lookup",
      "masterDetail",
      "user",
      "autoNumber",
      "formula",
      "rollupSummary",
      "geolocation",
      "file",
      "custom",
    ]);
    for (const type of FIELD_TYPES) expect(fieldTypes[type].type).toBe(type);
  });

  it("labels every type in English and Chinese", () => {
    for (const type of FIELD_TYPES) {
      expect(fieldTypes[type].label.en).not.toBe("");
      expect(fieldTypes[type].label["zh-CN"]).toMatch(/\p{Script=Han}/u);
    }
  });

  it("recognises field type names", () => {
    expect(isFieldType("multiPicklist")).toBe(true);
    expect(isFieldType("multi-picklist")).toBe(false);
    expect(isFieldType("toString")).toBe(false);
    expect(isFieldType(undefined)).toBe(false);
  });

  it("finds the descriptor of a definition", () => {
    expect(descriptorOf(minimal.currency)).toBe(fieldTypes.currency);
  });

  it("only lists operators the filter language knows", () => {
    for (const type of FIELD_TYPES) {
      for (const operator of fieldTypes[type].operators) expect(FILTER_OPERATORS).toContain(operator);
    }
  });
});

describe.each(FIELD_TYPES)("the %s definition schema", (type) => {
  const validate = createAjv().compile(fieldTypes[type].schema);

  it("accepts the minimal definition", () => {
    expect(validate(minimal[type])).toBe(true);
  });

  it("refuses an unknown key", () => {
    expect(validate({ ...minimal[type], requried: true })).toBe(false);
  });

  it("refuses a definition of another type", () => {
    const other = type === "text" ? minimal.number : minimal.text;
    expect(validate(other)).toBe(false);
  });

  it("has an options schema with the type's own keys only", () => {
    const validateOptions = createAjv().compile(fieldTypes[type].optionsSchema);
    expect(validateOptions(optionsOf(minimal[type]))).toBe(true);
    expect(validateOptions({ ...optionsOf(minimal[type]), label: { en: "x" } })).toBe(false);
  });

  it("finds nothing to report in the minimal definition", () => {
    expect(descriptorOf(minimal[type]).check?.(minimal[type]) ?? []).toEqual([]);
  });

  it("compiles its record-value schema in strict mode", () => {
    expect(() => valueValidator(descriptorOf(minimal[type]).toJsonSchema(minimal[type]))).not.toThrow();
  });
});

describe("FieldDefinitionSchema", () => {
  const validate = createAjv().compile(FieldDefinitionSchema);

  it("accepts a definition of every type", () => {
    for (const type of FIELD_TYPES) expect(validate(minimal[type])).toBe(true);
  });

  it("refuses unknown types and unknown keys", () => {
    expect(validate({ ...minimal.text, type: "color" })).toBe(false);
    expect(validate({ ...minimal.text, maxLenght: 10 })).toBe(false);
  });
});

describe("coerceFieldValue", () => {
  it.each([[null], [undefined], [""], ["   "]])("clears any field given %j", (input) => {
    for (const type of FIELD_TYPES)
      expect(coerceFieldValue(minimal[type], input)).toEqual({ ok: true, value: null });
  });

  it("clears multi-valued fields given []", () => {
    expect(coerceFieldValue(minimal.multiPicklist, [])).toEqual({ ok: true, value: null });
    expect(coerceFieldValue({ ...minimal.file, multiple: true }, [])).toEqual({ ok: true, value: null });
  });

  it("does not treat [] as blank for single-valued fields", () => {
    expect(coerceFieldValue(minimal.text, [])).toMatchObject({ ok: false, code: "field.notText" });
  });

  it("delegates everything else to the field's type", () => {
    expect(coerceFieldValue(minimal.currency, "¥12.50")).toEqual({ ok: true, value: 12.5 });
    expect(coerceFieldValue(minimal.picklist, "Open")).toEqual({ ok: true, value: "open" });
  });
});

describe("operatorsOf", () => {
  it("gives a formula its return type's operators", () => {
    expect(operatorsOf({ ...minimal.formula, returnType: "text" })).toEqual(fieldTypes.text.operators);
    expect(operatorsOf({ ...minimal.formula, returnType: "date" })).toEqual(fieldTypes.date.operators);
  });

  it("gives other fields their type's operators", () => {
    expect(operatorsOf(minimal.picklist)).toEqual(["==", "!=", "in", "missing"]);
  });
});

describe("valueKindOf", () => {
  it.each([
    ["text", "string"],
    ["richText", "string"],
    ["picklist", "string"],
    ["lookup", "string"],
    ["autoNumber", "string"],
    ["number", "number"],
    ["currency", "number"],
    ["rollupSummary", "number"],
    ["boolean", "boolean"],
    ["date", "date"],
    ["datetime", "datetime"],
    ["time", "time"],
    ["multiPicklist", "array"],
    ["geolocation", "object"],
    ["file", "object"],
    ["formula", "number"],
  ] as const)("of a %s field is %s", (type, kind) => {
    expect(valueKindOf(minimal[type])).toBe(kind);
  });

  it("follows a formula's return type and a file field's multiplicity", () => {
    expect(valueKindOf({ ...minimal.formula, returnType: "datetime" })).toBe("datetime");
    expect(valueKindOf({ ...minimal.formula, returnType: "percent" })).toBe("number");
    expect(valueKindOf({ ...minimal.file, multiple: true })).toBe("array");
  });
});

describe("index hints and value sources", () => {
  it("indexes text by text, rich text and files not at all, locations by geo, the rest by value", () => {
    const hints = Object.fromEntries(FIELD_TYPES.map((type) => [type, fieldTypes[type].indexHint]));
    expect(hints).toEqual({
      text: "text",
      textarea: "text",
      richText: "none",
      email: "value",
      phone: "value",
      url: "value",
      number: "value",
      currency: "value",
      percent: "value",
      boolean: "value",
      date: "value",
      datetime: "value",
      time: "value",
      picklist: "value",
      multiPicklist: "value",
      lookup: "value",
      masterDetail: "value",
      user: "value",
      autoNumber: "value",
      formula: "value",
      rollupSummary: "value",
      geolocation: "geo",
      file: "none",
      custom: "value",
    });
  });

  it("shows generated and computed fields read-only", () => {
    for (const type of FIELD_TYPES) {
      const descriptor = fieldTypes[type];
      if (descriptor.source === "input") continue;
      expect(descriptorOf(minimal[type]).toUiSchema(minimal[type], "en")).toMatchObject({
        "ui:readonly": true,
      });
    }
    expect(FIELD_TYPES.filter((type) => fieldTypes[type].source !== "input")).toEqual([
      "autoNumber",
      "formula",
      "rollupSummary",
    ]);
  });
});
