import type { ErrorObject } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { compileObjectSchema, JSON_SCHEMA_DIALECT } from "../../../metadata/src/compile/object-schema.js";
import { registerCustomFieldType } from "../../../metadata/src/fields/custom-field-types.js";
import { FIELD_TYPES, type FieldOf, type FieldType } from "../../../metadata/src/fields/registry.js";
import { escapePointerToken } from "../../../metadata/src/issues/metadata-issue.js";
import type { JsonSchema } from "../../../metadata/src/json/json-types.js";
import type { ObjectDefinition } from "../../../metadata/src/kinds/object.js";
import { standardObjects } from "../../../metadata/src/standard/standard-objects.js";
import { createAjv } from "../../../metadata/src/validate/create-ajv.js";
import * as build from "../builders.js";
import { anObject } from "../kinds/builders.js";

registerCustomFieldType({
  name: "rating",
  label: { en: "Rating" },
  base: "number",
  valueSchema: { type: "integer", minimum: 1, maximum: 5 },
});

/** One field of every type, typed by the registry: a new field type does not compile until added. */
const everyType: { readonly [K in FieldType]: FieldOf<K> } = {
  text: build.text("title", { required: true, unique: true, maxLength: 80 }),
  textarea: build.textarea("notes"),
  richText: build.richText("body"),
  email: build.email("workEmail"),
  phone: build.phone("mobile"),
  url: build.url("website"),
  number: build.number("quantity", { scale: 0, min: 0, max: 100 }),
  currency: build.currency("amount", { required: true, min: 0 }),
  percent: build.percent("discount"),
  boolean: build.checkbox("active"),
  date: build.date("closeDate"),
  datetime: build.datetime("dueAt"),
  time: build.time("opensAt"),
  picklist: build.picklist("stage", {
    options: [build.option("open", "Open"), build.option("won", "Won")],
    default: "open",
  }),
  multiPicklist: build.multiPicklist("regions", {
    options: [build.option("north", "North"), build.option("south", "South")],
  }),
  lookup: build.lookup("account", { reference: "account" }),
  masterDetail: build.masterDetail("quote", { reference: "quote" }),
  user: build.user("reviewer"),
  autoNumber: build.autoNumber("number", { format: "INV-{0000}" }),
  formula: build.formula("gross", {
    returnType: "currency",
    expression: { "*": [{ var: "amount" }, 1.13] },
  }),
  rollupSummary: build.rollupSummary("lineCount", {
    childObject: "invoiceLine",
    relationshipField: "invoice",
    operation: "count",
  }),
  geolocation: build.geolocation("location"),
  file: build.file("attachment", { accept: ["application/pdf", "image/*"], maxSizeBytes: 1_000_000 }),
  custom: { name: "satisfaction", type: "custom", customType: "rating", label: { en: "satisfaction" } },
};

const invoice: ObjectDefinition = FIELD_TYPES.reduce(
  (builder, type) => builder.withField(everyType[type]),
  anObject("invoice"),
).build();

/** A stored record of `invoice` with a value in every field. */
const validRecord = {
  title: "Acme order",
  notes: "first line\nsecond line",
  body: "<p>Hello</p>",
  workEmail: "ann@example.com",
  mobile: "+86 21 5555 0100",
  website: "https://example.com/orders",
  quantity: 3,
  amount: 12.5,
  discount: 10,
  active: true,
  closeDate: "2025-03-01",
  dueAt: "2025-03-01T09:30:00.000Z",
  opensAt: "09:00:00",
  stage: "open",
  regions: ["north", "south"],
  account: "acc_1",
  quote: "q-1",
  reviewer: "u1",
  number: "INV-0001",
  gross: 14.13,
  lineCount: 2,
  location: { lat: 31.23, lng: 121.47 },
  attachment: { fileId: "f1", name: "order.pdf", size: 1024, contentType: "application/pdf" },
  satisfaction: 4,
};

/** Strict 2020-12 ajv without Tessera's options: validateSchema checks against the meta-schema. */
const metaSchemaValidator = new Ajv2020({ strict: true });

const compileStrictly = (schema: JsonSchema) => createAjv().compile(schema);

const invoiceValidator = compileStrictly(compileObjectSchema(invoice));

const propertyOf = (error: ErrorObject): string | undefined => {
  const params = error.params as Record<string, unknown>;
  const name = params.missingProperty ?? params.additionalProperty;
  return typeof name === "string" ? name : undefined;
};

/** The JSON pointers a record of `invoice` is refused at; a missing or unknown key points at itself. */
const refusedAt = (record: unknown): string[] => {
  if (invoiceValidator(record)) return [];
  const paths = (invoiceValidator.errors ?? []).map((error) => {
    const property = propertyOf(error);
    return property === undefined
      ? error.instancePath
      : `${error.instancePath}/${escapePointerToken(property)}`;
  });
  return [...new Set(paths)];
};

describe("compileObjectSchema: a valid JSON Schema", () => {
  it.each(standardObjects.map((object) => [object.name, object] as const))(
    "the record schema of standard object %s validates against the 2020-12 meta-schema",
    (_name, object) => {
      const schema = compileObjectSchema(object);
      expect(metaSchemaValidator.validateSchema(schema), JSON.stringify(metaSchemaValidator.errors)).toBe(
        true,
      );
      expect(() => compileStrictly(schema)).not.toThrow();
    },
  );

  it("has a field of each of the 24 types in the every-type object", () => {
    expect(FIELD_TYPES).toHaveLength(24);
    expect(new Set(invoice.fields.map((f) => f.type))).toEqual(new Set(FIELD_TYPES));
  });

  it("the record schema of an object with a field of every type validates against the meta-schema", () => {
    const schema = compileObjectSchema(invoice);
    expect(metaSchemaValidator.validateSchema(schema), JSON.stringify(metaSchemaValidator.errors)).toBe(true);
    expect(() => compileStrictly(schema)).not.toThrow();
  });

  it("declares the 2020-12 dialect, an id per object and the English label as title", () => {
    const schema = compileObjectSchema(invoice);
    expect(JSON_SCHEMA_DIALECT).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema).toMatchObject({
      $schema: JSON_SCHEMA_DIALECT,
      $id: "tessera:record/invoice",
      title: "invoice",
      type: "object",
      additionalProperties: false,
    });
  });

  it("has one property per field, titled with the field's English label", () => {
    const labelled = anObject("deal")
      .withField(build.text("name", { label: { en: "Deal name", "zh-CN": "商机名称" } }))
      .build();
    expect(compileObjectSchema(labelled).properties).toEqual({
      name: { type: "string", maxLength: 255, title: "Deal name" },
    });
    expect(Object.keys(compileObjectSchema(invoice).properties as object)).toEqual(
      invoice.fields.map((f) => f.name),
    );
  });
});

describe("compileObjectSchema: required, unique and computed fields", () => {
  it("lists the required input fields, and master-detail fields, which are always required", () => {
    expect(compileObjectSchema(invoice).required).toEqual(["title", "amount", "quote"]);
  });

  it("refuses a record missing a required field, at that field", () => {
    const { amount: _amount, quote: _quote, ...record } = validRecord;
    expect(refusedAt(record)).toEqual(["/amount", "/quote"]);
  });

  it("never requires generated or computed fields: a record without them is accepted", () => {
    const { number: _n, gross: _g, lineCount: _l, ...record } = validRecord;
    expect(refusedAt(record)).toEqual([]);
  });

  it("still checks the value of a computed field, so a stored record is checked whole", () => {
    expect(refusedAt({ ...validRecord, gross: "a lot", lineCount: 1.5 })).toEqual(["/gross", "/lineCount"]);
  });

  it("leaves uniqueness to the store: a unique field has the same schema as a non-unique one", () => {
    const unique = compileObjectSchema(
      anObject("a")
        .withField(build.text("code", { unique: true }))
        .build(),
    );
    const plain = compileObjectSchema(anObject("a").withField(build.text("code")).build());
    expect(unique.properties).toEqual(plain.properties);
  });
});

describe("compileObjectSchema: records", () => {
  it("accepts a record with a value in every field", () => {
    expect(refusedAt(validRecord)).toEqual([]);
  });

  it("accepts a record with only the required fields", () => {
    expect(refusedAt({ title: "x", amount: 0, quote: "q1" })).toEqual([]);
  });

  it("refuses a key that is not a field, at that key", () => {
    expect(refusedAt({ ...validRecord, colour: "red" })).toEqual(["/colour"]);
  });

  it("refuses system fields: the schema describes a record without them", () => {
    expect(refusedAt({ ...validRecord, id: "r1", ownerId: "u1" })).toEqual(["/id", "/ownerId"]);
  });

  it("refuses null: absent keys mean no value", () => {
    expect(refusedAt({ ...validRecord, notes: null })).toEqual(["/notes"]);
  });

  it("refuses text longer than the field's maxLength", () => {
    expect(refusedAt({ ...validRecord, title: "x".repeat(81) })).toEqual(["/title"]);
  });

  it("refuses a number of the wrong type, outside min/max, or with decimals at scale 0", () => {
    expect(refusedAt({ ...validRecord, amount: "12.50" })).toEqual(["/amount"]);
    expect(refusedAt({ ...validRecord, amount: -1 })).toEqual(["/amount"]);
    expect(refusedAt({ ...validRecord, quantity: 101 })).toEqual(["/quantity"]);
    expect(refusedAt({ ...validRecord, quantity: 2.5 })).toEqual(["/quantity"]);
  });

  it("refuses a picklist value that is not an option and a repeated multi-picklist value", () => {
    expect(refusedAt({ ...validRecord, stage: "Open" })).toEqual(["/stage"]);
    expect(refusedAt({ ...validRecord, regions: ["north", "north"] })).toEqual(["/regions"]);
    expect(refusedAt({ ...validRecord, regions: ["east"] })).toEqual(["/regions/0"]);
  });

  it("refuses malformed e-mail, phone, URL, date, datetime and time values", () => {
    expect(
      refusedAt({
        ...validRecord,
        workEmail: "ann at example",
        mobile: "call me",
        website: "javascript:alert(1)",
        closeDate: "01/03/2025",
        dueAt: "2025-03-01 09:30",
        opensAt: "25:00:00",
      }),
    ).toEqual(["/workEmail", "/mobile", "/website", "/closeDate", "/dueAt", "/opensAt"]);
  });

  it("refuses a reference that is not a record id", () => {
    expect(refusedAt({ ...validRecord, account: "not an id!" })).toEqual(["/account"]);
  });

  it("refuses a geolocation out of range, at the coordinate", () => {
    expect(refusedAt({ ...validRecord, location: { lat: 91, lng: 0 } })).toEqual(["/location/lat"]);
  });

  it("refuses a file of a content type the field does not accept, at the content type", () => {
    const attachment = { ...validRecord.attachment, contentType: "text/html" };
    expect(refusedAt({ ...validRecord, attachment })).toEqual(["/attachment/contentType"]);
  });

  it("refuses a file larger than maxSizeBytes, at the size", () => {
    const attachment = { ...validRecord.attachment, size: 1_000_001 };
    expect(refusedAt({ ...validRecord, attachment })).toEqual(["/attachment/size"]);
  });
});
