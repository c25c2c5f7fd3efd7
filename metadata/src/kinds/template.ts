import { type Static, Type } from "@sinclair/typebox";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import type { SemanticCheck } from "../validate/check-context.js";
import { issueCollector, NameSchema } from "./common.js";

export const TEMPLATE_PURPOSES = ["email", "print", "recordTitle", "notification"] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

/** Handlebars source per locale; English is required and is the fallback. */
export const TemplateSourceSchema = Type.Object(
  {
    en: Type.String({ minLength: 1, maxLength: 100_000 }),
    "zh-CN": Type.Optional(Type.String({ minLength: 1, maxLength: 100_000 })),
  },
  { additionalProperties: false },
);
export type TemplateSource = Static<typeof TemplateSourceSchema>;

/** Purposes whose message has a subject line. */
const WITH_SUBJECT: ReadonlySet<TemplatePurpose> = new Set(["email", "notification"]);

export const TemplateSchema = Type.Object(
  {
    kind: Type.Literal("template"),
    name: NameSchema,
    label: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    /** The object whose records the template renders; any record (or none) when absent. */
    object: Type.Optional(NameSchema),
    purpose: Type.Union(TEMPLATE_PURPOSES.map((purpose) => Type.Literal(purpose))),
    /** Handlebars source of the subject line (email, notification). */
    subject: Type.Optional(LocalizedTextSchema),
    body: TemplateSourceSchema,
  },
  { additionalProperties: false },
);
export type Template = Static<typeof TemplateSchema>;

/** Expressions: none (handlebars syntax is checked by the engine when it compiles the template). */
export const checkTemplate: SemanticCheck<Template> = (doc, ctx) => {
  const { issues, report } = issueCollector(doc);
  if (doc.object !== undefined && !ctx.objects.has(doc.object)) {
    report(["object"], "template.unknownObject", `Object "${doc.object}" does not exist.`);
  }
  if (doc.purpose === "recordTitle" && doc.object === undefined) {
    report(["object"], "template.missingObject", "A record title template must name the object it titles.");
  }
  if (doc.purpose === "email" && doc.subject === undefined) {
    report(["subject"], "template.missingSubject", "An email template needs a subject.");
  }
  if (!WITH_SUBJECT.has(doc.purpose) && doc.subject !== undefined) {
    report(["subject"], "template.unexpectedSubject", `A ${doc.purpose} template has no subject line.`);
  }
  return issues;
};
