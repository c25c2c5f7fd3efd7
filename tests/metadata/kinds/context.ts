import type { MetadataIssue } from "../../../metadata/src/issues/metadata-issue.js";
import type { MetadataDocument } from "../../../metadata/src/kinds/metadata-document.js";
import type { ObjectDefinition } from "../../../metadata/src/kinds/object.js";
import type { CheckContext } from "../../../metadata/src/validate/check-context.js";
import {
  aListView,
  anObject,
  aProfile,
  aRole,
  aTemplate,
  autoNumber,
  date,
  datetime,
  email,
  lookup,
  masterDetail,
  number,
  text,
  user,
} from "./builders.js";

/** A CheckContext over exactly `documents`, as the validator builds one from a document set. */
export const contextOf = (documents: readonly MetadataDocument[]): CheckContext => {
  const objects = new Map<string, ObjectDefinition>();
  for (const doc of documents) if (doc.kind === "object") objects.set(doc.name, doc);
  return {
    objects,
    byKind: (kind) => documents.filter((doc) => doc.kind === kind) as never,
    find: (kind, name) => documents.find((doc) => doc.kind === kind && doc.name === name) as never,
  };
};

export const invoice = anObject("invoice")
  .withField(autoNumber("number"))
  .withField(number("amount", { required: true }))
  .withField(number("approvedAmount"))
  .withField(text("status", { required: true, default: "draft" }))
  .withField(lookup("account", "account"))
  .withField(date("dueDate"))
  .withField(datetime("sentAt"))
  .withField(user("approver"))
  .withField(lookup("manager", "user"))
  .withField(email("contactEmail"))
  .build();

export const account = anObject("account")
  .withField(text("name", { required: true }))
  .build();

export const invoiceLine = anObject("invoiceLine", "controlledByParent")
  .withField(masterDetail("invoice", "invoice"))
  .withField(number("quantity", { required: true }))
  .withField(lookup("account", "account"))
  .build();

export const note = anObject("note", "publicReadWrite").withField(text("body")).build();
export const announcement = anObject("announcement", "publicRead").withField(text("title")).build();

/** The tenant every kind's sample document is checked against. */
export const sampleDocuments: readonly MetadataDocument[] = [
  invoice,
  account,
  invoiceLine,
  note,
  announcement,
  aRole("ceo"),
  aRole("vp", "ceo"),
  aRole("sales", "vp"),
  aProfile(),
  aListView(),
  aTemplate(),
  aTemplate({ name: "invoicePrint", purpose: "print", subject: undefined }),
];

export const sampleContext = (...extra: MetadataDocument[]): CheckContext =>
  contextOf([...sampleDocuments, ...extra]);

/** Issues as `{code, path}`, the part of an issue tests compare exactly. */
export const findings = (issues: readonly MetadataIssue[]) =>
  issues.map(({ code, path }) => ({ code, path }));
