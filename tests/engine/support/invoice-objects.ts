import type { ObjectDefinition } from "@tessera/metadata";
import {
  autoNumber,
  checkbox,
  currency,
  date,
  datetime,
  email,
  file,
  formula,
  geolocation,
  lookup,
  masterDetail,
  multiPicklist,
  number,
  option,
  percent,
  phone,
  picklist,
  richText,
  rollupSummary,
  text,
  textarea,
  time,
  url,
  user,
} from "../../metadata/builders.js";
import { anObject } from "./object-builder.js";

/** An invoice with a field of every one of the 23 types (rollup and master-detail via its lines). */
export const invoiceObject = (): ObjectDefinition =>
  anObject("invoice")
    .withField(
      autoNumber("number", { format: "INV-{0000}" }),
      text("title", { required: true, maxLength: 120 }),
      textarea("notes"),
      richText("body"),
      email("contactEmail", { unique: true }),
      phone("phone"),
      url("website"),
      number("quantity", { min: 0, scale: 0 }),
      currency("amount", { required: true, min: 0, scale: 2 }),
      percent("discount", { min: 0, max: 100 }),
      checkbox("paid", { default: false }),
      date("dueDate"),
      datetime("sentAt"),
      time("reminderAt"),
      picklist("status", {
        default: "draft",
        options: [
          option("draft", "Draft", "草稿"),
          option("sent", "Sent", "已发送"),
          option("paid", "Paid", "已付款"),
        ],
      }),
      multiPicklist("tags", {
        options: [option("vip", "VIP"), option("export", "Export"), option("rush", "Rush")],
      }),
      lookup("account", { reference: "account", relationshipName: "invoices" }),
      user("approver"),
      formula("gross", { returnType: "currency", expression: { "*": [{ var: "amount" }, 1.13] } }),
      geolocation("location"),
      file("attachment", { accept: ["application/pdf"], maxSizeBytes: 1_000_000 }),
      rollupSummary("linesTotal", {
        childObject: "invoiceLine",
        relationshipField: "invoice",
        operation: "sum",
        summaryField: "lineAmount",
      }),
      rollupSummary("lineCount", {
        childObject: "invoiceLine",
        relationshipField: "invoice",
        operation: "count",
      }),
    )
    .withRule(
      "sentNeedsAccount",
      { and: [{ "==": [{ var: "status" }, "sent"] }, { "!": { var: "account" } }] },
      "A sent invoice needs an account",
      "account",
    )
    .named("title")
    .build();

export const invoiceLineObject = (): ObjectDefinition =>
  anObject("invoiceLine")
    .withField(
      text("description", { required: true }),
      masterDetail("invoice", { reference: "invoice", relationshipName: "lines" }),
      currency("lineAmount", { min: 0 }),
    )
    .named("description")
    .sharedAs("controlledByParent")
    .build();
