import type { JsonObject, ObjectDefinition } from "@tessera/metadata";
import { anObject } from "../../engine/support/object-builder.js";
import {
  currency,
  date,
  lookup,
  multiPicklist,
  option,
  picklist,
  text,
  user,
} from "../../metadata/builders.js";

/** A deal with one field of each kind a list view treats differently (sortable or not). */
export const dealObject = (): ObjectDefinition =>
  anObject("deal")
    .withField(
      text("title", { label: { en: "Deal Title", "zh-CN": "交易名称" } }),
      picklist("stage", {
        label: { en: "Stage", "zh-CN": "阶段" },
        options: [option("open", "Open", "进行中"), option("won", "Won", "赢单")],
      }),
      currency("amount", { label: { en: "Amount", "zh-CN": "金额" } }),
      date("closeDate", { label: { en: "Close Date" } }),
      lookup("company", { label: { en: "Company" }, reference: "company" }),
      user("salesRep", { label: { en: "Sales Rep" } }),
      multiPicklist("tags", { label: { en: "Tags" }, options: [option("hot", "Hot")] }),
    )
    .named("title")
    .build();

export const companyObject = (): ObjectDefinition =>
  anObject("company")
    .withField(text("companyName", { label: { en: "Company Name" } }))
    .build();

/**
 * An object as a draft document. Objects hold only JSON values; the cast is needed because the
 * metadata types a validation rule's `errorWhen` expression as unknown.
 */
export const asDocument = (object: ObjectDefinition): JsonObject => object as unknown as JsonObject;
