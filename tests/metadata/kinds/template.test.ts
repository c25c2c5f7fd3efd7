import { describe, expect, it } from "vitest";
import { checkTemplate, TemplateSchema } from "../../../metadata/src/kinds/template.js";
import { aTemplate } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

describe("template schema", () => {
  it("accepts the sample template", () => {
    expect(refusedAt(TemplateSchema, aTemplate())).toEqual([]);
  });

  it("accepts a body of 100,000 characters and refuses one more", () => {
    expect(refusedAt(TemplateSchema, { ...aTemplate(), body: { en: "x".repeat(100_000) } })).toEqual([]);
    expect(refusedAt(TemplateSchema, { ...aTemplate(), body: { en: "x".repeat(100_001) } })).toEqual([
      "/body/en",
    ]);
  });

  it("refuses a body without English", () => {
    expect(refusedAt(TemplateSchema, { ...aTemplate(), body: { "zh-CN": "你好" } })).toEqual(["/body/en"]);
  });

  it("refuses an unknown purpose", () => {
    expect(refusedAt(TemplateSchema, { ...aTemplate(), purpose: "sms" })).toContain("/purpose");
  });
});

describe("template checks", () => {
  it("accepts the sample template", () => {
    expect(checkTemplate(aTemplate(), sampleContext())).toEqual([]);
  });

  it("reports an unknown object", () => {
    expect(findings(checkTemplate(aTemplate({ object: "payment" }), sampleContext()))).toEqual([
      { code: "template.unknownObject", path: "/object" },
    ]);
  });

  it("accepts a template for no object in particular", () => {
    expect(checkTemplate(aTemplate({ object: undefined }), sampleContext())).toEqual([]);
  });

  it("reports a record title template without object", () => {
    const template = aTemplate({ purpose: "recordTitle", object: undefined, subject: undefined });
    expect(findings(checkTemplate(template, sampleContext()))).toEqual([
      { code: "template.missingObject", path: "/object" },
    ]);
  });

  it("reports an email template without subject", () => {
    expect(findings(checkTemplate(aTemplate({ subject: undefined }), sampleContext()))).toEqual([
      { code: "template.missingSubject", path: "/subject" },
    ]);
  });

  it("reports a subject on a print template", () => {
    expect(findings(checkTemplate(aTemplate({ purpose: "print" }), sampleContext()))).toEqual([
      { code: "template.unexpectedSubject", path: "/subject" },
    ]);
  });
});
