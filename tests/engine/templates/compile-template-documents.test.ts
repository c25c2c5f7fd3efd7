import type { MetadataDocument } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import { checkTemplateDocuments, compileTemplateDocuments } from "../../../engine/src/templates/index.js";
import { anObject } from "../support/object-builder.js";
import { aTemplate } from "./template-readers.js";

const pointersOf = (documents: MetadataDocument[]) =>
  checkTemplateDocuments(documents).map(({ document, path, code }) => ({ document, path, code }));

describe("checking template documents before publishing", () => {
  it("accepts templates that compile", () => {
    expect(
      checkTemplateDocuments([
        aTemplate(
          "fine",
          "email",
          { en: "<p>{{display.name}}</p>", "zh-CN": "<p>{{display.name}}</p>" },
          {
            subject: { en: "Hi {{record.name}}" },
          },
        ),
      ]),
    ).toEqual([]);
  });

  it("refuses prototype paths with the pointer of the source that holds them", () => {
    expect(
      pointersOf([
        aTemplate(
          "proto",
          "email",
          { en: "fine", "zh-CN": "{{constructor}}" },
          { subject: { en: "{{__proto__}}" } },
        ),
      ]),
    ).toEqual([
      { document: "template/proto", path: "/subject/en", code: "template.forbiddenPath" },
      { document: "template/proto", path: "/body/zh-CN", code: "template.forbiddenPath" },
    ]);
  });

  it.each([
    ["{{#if x}}", "template.syntax"],
    ["{{shout name}}", "template.unknownHelper"],
    ["{{> header}}", "template.partial"],
    ["{{record.__proto__.polluted}}", "template.forbiddenPath"],
    [`${"{{#if a}}".repeat(9)}x${"{{/if}}".repeat(9)}`, "template.tooDeep"],
  ])("reports %s as %s at /body/en", (source, code) => {
    const issues = checkTemplateDocuments([aTemplate("broken", "notification", { en: source })]);
    expect(issues).toEqual([
      { document: "template/broken", path: "/body/en", code, message: expect.any(String) },
    ]);
  });

  it("reports every broken source of every template and ignores other kinds", () => {
    const issues = pointersOf([
      anObject("thing")
        .withField({ name: "name", type: "text", label: { en: "Name" } })
        .build(),
      aTemplate("a", "notification", { en: "{{log 1}}", "zh-CN": "{{lookup this 'x'}}" }),
      aTemplate("b", "print", { en: "ok" }),
      aTemplate("c", "notification", { en: "ok" }, { subject: { en: "ok", "zh-CN": "{{#each}}" } }),
    ]);
    expect(issues).toEqual([
      { document: "template/a", path: "/body/en", code: "template.unknownHelper" },
      { document: "template/a", path: "/body/zh-CN", code: "template.unknownHelper" },
      { document: "template/c", path: "/subject/zh-CN", code: "template.syntax" },
    ]);
  });
});

describe("compiling template documents", () => {
  const documents: MetadataDocument[] = [
    aTemplate("mail", "email", { en: "<b>{{x}}</b>" }, { subject: { en: "S {{x}}" }, object: "account" }),
    aTemplate("note", "notification", { en: "<b>{{x}}</b>", "zh-CN": "通知 {{x}}" }),
    aTemplate("title", "recordTitle", { en: "{{x}}" }, { object: "account" }),
    aTemplate("broken", "print", { en: "{{constructor}}" }),
  ];
  const templates = compileTemplateDocuments(documents);

  it("keys templates by name and leaves out one that does not compile", () => {
    expect([...templates.keys()]).toEqual(["mail", "note", "title"]);
  });

  it("compiles email bodies as HTML and notifications as text", () => {
    expect(templates.get("mail")?.output).toBe("html");
    expect(templates.get("mail")?.body.en({ x: "<i>" })).toBe("<b>&lt;i&gt;</b>");
    expect(templates.get("note")?.output).toBe("text");
    expect(templates.get("note")?.body.en({ x: "<i>" })).toBe("<b><i></b>");
  });

  it("compiles the subject as one header line", () => {
    expect(templates.get("mail")?.subject?.en({ x: "a\r\nBcc: b" })).toBe("S a Bcc: b");
    expect(templates.get("note")?.subject).toBeUndefined();
  });

  it("uses the English source for a missing zh-CN and the Chinese one when present", () => {
    expect(templates.get("mail")?.body["zh-CN"]({ x: "1" })).toBe("<b>1</b>");
    expect(templates.get("mail")?.subject?.["zh-CN"]({ x: "1" })).toBe("S 1");
    expect(templates.get("note")?.body["zh-CN"]({ x: "1" })).toBe("通知 1");
  });

  it("keeps the object, purpose and label", () => {
    expect(templates.get("title")).toMatchObject({
      name: "title",
      object: "account",
      purpose: "recordTitle",
    });
    expect(templates.get("note")?.object).toBeUndefined();
  });
});
