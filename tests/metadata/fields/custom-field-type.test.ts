import { describe, expect, it } from "vitest";
import { filterFieldsOf } from "../../../metadata/src/compile/filter-fields.js";
import { compileObjectSchema } from "../../../metadata/src/compile/object-schema.js";
import {
  type CustomFieldTypeDefinition,
  customFieldType,
  customFieldTypes,
  registerCustomFieldType,
} from "../../../metadata/src/fields/custom-field-types.js";
import {
  coerceFieldValue,
  descriptorOf,
  indexHintOf,
  operatorsOf,
  valueKindOf,
} from "../../../metadata/src/fields/registry.js";
import { type CustomField, customField } from "../../../metadata/src/fields/types/custom.js";
import type { ObjectDefinition } from "../../../metadata/src/kinds/object.js";
import { parseFilter } from "../../../metadata/src/rules/parse-filter.js";
import { createAjv } from "../../../metadata/src/validate/create-ajv.js";
import { validateDocumentSet } from "../../../metadata/src/validate/validate-documents.js";
import { valueValidator } from "./value-validator.js";

// The registry is process-wide: every test registers types under names no other test uses.
const rating: CustomFieldTypeDefinition = {
  name: "rating",
  label: { en: "Rating", "zh-CN": "评分" },
  base: "number",
  valueSchema: { type: "integer", minimum: 1, maximum: 5 },
  uiSchema: { "ui:widget": "customer-feedback.stars" },
};
const sku: CustomFieldTypeDefinition = {
  name: "sku",
  label: { en: "SKU", "zh-CN": "库存单位" },
  base: "text",
  valueSchema: { type: "string", pattern: "^[A-Z]{3}-[0-9]{4}$" },
};
const consent: CustomFieldTypeDefinition = {
  name: "consent",
  label: { en: "Consent", "zh-CN": "同意" },
  base: "boolean",
  valueSchema: { type: "boolean" },
};
registerCustomFieldType(rating);
registerCustomFieldType(sku);
registerCustomFieldType(consent);

const customOf = (name: string, customType: string, extra: Partial<CustomField> = {}): CustomField => ({
  name,
  type: "custom",
  customType,
  label: { en: name },
  ...extra,
});

const satisfaction = customOf("satisfaction", "rating", { required: true });

const feedback = (...fields: CustomField[]): ObjectDefinition => ({
  kind: "object",
  name: "feedback",
  label: { en: "Feedback" },
  pluralLabel: { en: "Feedback" },
  recordName: "subject",
  sharingModel: "private",
  fields: [{ name: "subject", type: "text", label: { en: "Subject" } }, ...fields],
});

describe("registering a custom field type", () => {
  it("finds a registered type by name and lists it", () => {
    expect(customFieldType("rating")).toEqual(rating);
    expect(customFieldTypes().map((definition) => definition.name)).toEqual(["rating", "sku", "consent"]);
  });

  it("does not know a name nobody registered", () => {
    expect(customFieldType("mood")).toBeUndefined();
  });

  it("accepts the same definition again without a second entry", () => {
    expect(() => registerCustomFieldType(JSON.parse(JSON.stringify(rating)))).not.toThrow();
    expect(customFieldTypes().filter((definition) => definition.name === "rating")).toHaveLength(1);
  });

  it("refuses another definition under a registered name, keeping the first", () => {
    expect(() =>
      registerCustomFieldType({ ...rating, valueSchema: { type: "integer", minimum: 1, maximum: 10 } }),
    ).toThrow('"rating" is already registered with another definition');
    expect(customFieldType("rating")?.valueSchema).toEqual({ type: "integer", minimum: 1, maximum: 5 });
  });

  it("keeps its own copy: changing the object afterwards changes nothing", () => {
    const definition: CustomFieldTypeDefinition = {
      name: "stockLevel",
      label: { en: "Stock level" },
      base: "number",
      valueSchema: { type: "integer", minimum: 0 },
    };
    registerCustomFieldType(definition);
    definition.valueSchema.minimum = 10;
    expect(customFieldType("stockLevel")?.valueSchema).toEqual({ type: "integer", minimum: 0 });
  });

  it.each([
    ["a name that is not camelCase", { name: "Star-Rating" }, "is not valid"],
    ["a reserved name", { name: "constructor" }, "is not valid"],
    ["a missing label", { label: undefined }, "needs a label"],
    ["a label without English", { label: { "zh-CN": "评分" } }, "needs a label"],
    ["an unknown base", { base: "date" }, 'use "text", "number" or "boolean"'],
    ["a value schema that is not an object", { valueSchema: "integer" }, "needs a valueSchema"],
    [
      "a value schema without a type",
      { valueSchema: { minimum: 1 } },
      'must have "type": "number" or "integer"',
    ],
    ["a value schema of another base", { valueSchema: { type: "string" } }, 'as its base is "number"'],
    [
      "a value schema referring elsewhere",
      { valueSchema: { type: "integer", $ref: "#/$defs/x" } },
      'cannot use "$ref"',
    ],
    [
      "a value schema that is not JSON",
      { valueSchema: { type: "integer", maximum: Infinity } },
      "needs a valueSchema",
    ],
    ["a uiSchema that is not an object", { uiSchema: ["ui:widget"] }, "uiSchema"],
    ["an unknown key", { widget: "stars" }, '"widget" is not a key'],
  ])("refuses %s", (_case, change, message) => {
    const definition = { ...rating, name: "probe", ...change } as unknown as CustomFieldTypeDefinition;
    expect(() => registerCustomFieldType(definition)).toThrow(message);
    expect(customFieldType(String(definition.name))).toBeUndefined();
  });
});

describe("the custom field definition", () => {
  const validate = createAjv().compile(customField.schema);

  it("needs the name of its custom type", () => {
    expect(validate(satisfaction)).toBe(true);
    expect(validate({ ...satisfaction, customType: undefined })).toBe(false);
    expect(validate({ ...satisfaction, customType: "Star Rating" })).toBe(false);
  });

  it("takes a literal default of text, a number or true/false", () => {
    expect(validate({ ...satisfaction, default: 3 })).toBe(true);
    expect(validate({ ...satisfaction, default: { expression: { "+": [1, 2] } } })).toBe(true);
    expect(validate({ ...satisfaction, default: [3] })).toBe(false);
  });

  it("reports a type nobody registered at /customType", () => {
    expect(customField.check?.(customOf("mood", "moodScale"))).toEqual([
      {
        path: "/customType",
        code: "field.unknownCustomType",
        message: '"moodScale" is not a registered field type; install the package that provides it.',
      },
    ]);
  });

  it("reports a default outside the type's value schema", () => {
    expect(customField.check?.({ ...satisfaction, default: 7 })).toEqual([
      {
        path: "/default",
        code: "field.invalidDefault",
        message: 'The default value does not fit the field type "rating": use at most 5.',
      },
    ]);
    expect(customField.check?.({ ...satisfaction, default: 2.5 })).toMatchObject([
      { path: "/default", message: expect.stringContaining("whole number") },
    ]);
  });

  it("reports a default its base type would not store as written", () => {
    expect(customField.check?.({ ...satisfaction, default: "4" })).toMatchObject([
      { path: "/default", code: "field.invalidDefault" },
    ]);
  });

  it("finds nothing to report in a valid field", () => {
    expect(customField.check?.({ ...satisfaction, default: 4 })).toEqual([]);
  });
});

describe("validating an object with custom fields", () => {
  it("accepts a field of a registered type", () => {
    expect(validateDocumentSet([feedback(satisfaction)]).issues).toEqual([]);
  });

  it("points at the field of an unregistered type", () => {
    expect(validateDocumentSet([feedback(satisfaction, customOf("mood", "moodScale"))]).issues).toEqual([
      {
        document: "object/feedback",
        path: "/fields/2/customType",
        code: "field.unknownCustomType",
        message: '"moodScale" is not a registered field type; install the package that provides it.',
      },
    ]);
  });
});

describe("the record schema of a custom field", () => {
  it("is the registered value schema", () => {
    expect(customField.toJsonSchema(satisfaction)).toEqual({ type: "integer", minimum: 1, maximum: 5 });
  });

  it("gives text without a length bound a text field's 255 characters", () => {
    expect(customField.toJsonSchema(customOf("code", "sku"))).toEqual({
      type: "string",
      pattern: "^[A-Z]{3}-[0-9]{4}$",
      maxLength: 255,
    });
  });

  it("is empty for an unregistered type (validation reports the field)", () => {
    expect(customField.toJsonSchema(customOf("mood", "moodScale"))).toEqual({});
  });

  it("hands out copies: changing one leaves the registered schema alone", () => {
    const schema = customField.toJsonSchema(satisfaction);
    schema.maximum = 100;
    expect(customField.toJsonSchema(satisfaction)).toEqual({ type: "integer", minimum: 1, maximum: 5 });
  });

  it("makes the object's record schema refuse values outside it", () => {
    const valid = valueValidator(compileObjectSchema(feedback(satisfaction)));
    expect(valid({ subject: "Visit", satisfaction: 5 })).toBe(true);
    expect(valid({ subject: "Visit", satisfaction: 6 })).toBe(false);
    expect(valid({ subject: "Visit", satisfaction: 0 })).toBe(false);
    expect(valid({ subject: "Visit", satisfaction: 2.5 })).toBe(false);
    expect(valid({ subject: "Visit" })).toBe(false);
  });
});

describe("the form widget of a custom field", () => {
  it("is the registered uiSchema", () => {
    expect(customField.toUiSchema(satisfaction, "en")).toEqual({ "ui:widget": "customer-feedback.stars" });
  });

  it("is the base type's without one", () => {
    expect(customField.toUiSchema(customOf("code", "sku"), "en")).toEqual({});
    expect(customField.toUiSchema(customOf("agreed", "consent"), "zh-CN")).toEqual({
      "ui:widget": "checkbox",
    });
  });
});

describe("coercing custom field input", () => {
  it.each([
    ["number", satisfaction, "4", 4],
    ["number", satisfaction, 4, 4],
    ["number", satisfaction, " 4.0 ", 4],
    ["text", customOf("code", "sku"), "ABC-1234", "ABC-1234"],
    ["text", customOf("code", "sku"), 42, "42"],
    ["boolean", customOf("agreed", "consent"), "yes", true],
    ["boolean", customOf("agreed", "consent"), "否", false],
  ])("reads input as its %s base does", (_base, field, input, stored) => {
    expect(coerceFieldValue(field, input)).toEqual({ ok: true, value: stored });
  });

  it.each([
    [satisfaction, "four", "field.notANumber"],
    [customOf("code", "sku"), { code: "ABC-1234" }, "field.notText"],
    [customOf("code", "sku"), "A".repeat(256), "field.tooLong"],
    [customOf("agreed", "consent"), "maybe", "field.notABoolean"],
  ])("refuses what its base refuses: %j given %j", (field, input, code) => {
    expect(coerceFieldValue(field, input)).toMatchObject({ ok: false, code });
  });

  it("clears the field given blank input", () => {
    expect(coerceFieldValue(satisfaction, "  ")).toEqual({ ok: true, value: null });
  });

  it("refuses every value of an unregistered type", () => {
    expect(coerceFieldValue(customOf("mood", "moodScale"), 3)).toEqual({
      ok: false,
      code: "field.unknownCustomType",
      message: '"moodScale" is not a registered field type; install the package that provides it.',
    });
  });
});

describe("filtering, sorting and indexing custom fields", () => {
  it.each([
    [satisfaction, "number", "value", ["==", "!=", "<", "<=", ">", ">=", "between", "in", "missing"]],
    [customOf("code", "sku"), "string", "text", ["==", "!=", "in", "contains", "startsWith", "missing"]],
    [customOf("agreed", "consent"), "boolean", "value", ["==", "!=", "missing"]],
    [customOf("mood", "moodScale"), "object", "none", []],
  ])("follows the base type: %j", (field, kind, hint, operators) => {
    expect(valueKindOf(field)).toBe(kind);
    expect(indexHintOf(field)).toBe(hint);
    expect(operatorsOf(field)).toEqual(operators);
  });

  it("lets a filter compare a number-based field", () => {
    const parsed = parseFilter(
      { "<=": [{ var: "satisfaction" }, 2] },
      filterFieldsOf(feedback(satisfaction)),
    );
    expect(parsed).toMatchObject({
      ok: true,
      filter: { op: "compare", operator: "<=", field: "satisfaction", value: 2 },
    });
  });

  it("refuses an operator its base does not have", () => {
    const parsed = parseFilter(
      { startsWith: [{ var: "satisfaction" }, "4"] },
      filterFieldsOf(feedback(satisfaction)),
    );
    expect(parsed).toMatchObject({ ok: false, problems: [{ code: "filter.operatorNotSupported" }] });
  });

  it("does not let a filter use a field of an unregistered type", () => {
    const parsed = parseFilter(
      { "==": [{ var: "mood" }, 3] },
      filterFieldsOf(feedback(customOf("mood", "moodScale"))),
    );
    expect(parsed).toMatchObject({ ok: false, problems: [{ code: "filter.unknownField" }] });
  });

  it("is an input field, like the types it builds on", () => {
    expect(descriptorOf(satisfaction).source).toBe("input");
  });
});
