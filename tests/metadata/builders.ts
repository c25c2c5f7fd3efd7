import type { FieldBase } from "../../metadata/src/fields/field-type-descriptor.js";
import type { PicklistOption } from "../../metadata/src/fields/picklist-options.js";
import type { FieldDefinitionMap } from "../../metadata/src/fields/registry.js";
import type { LocalizedText } from "../../metadata/src/i18n/localized-text.js";

/** A field type's own keys, plus an optional label (the field's name in English when absent). */
type Options<F extends FieldBase> = Omit<F, "type" | "name" | "label"> & { label?: LocalizedText };

type M = FieldDefinitionMap;

const labelled = (
  name: string,
  label: LocalizedText | undefined,
): { name: string; label: LocalizedText } => ({
  name,
  label: label ?? { en: name },
});

// One builder per field type: `currency("amount", { scale: 2 })`. Types whose options have a
// required key (a picklist's options, a lookup's reference) take them as a required argument.
export const text = (name: string, o: Options<M["text"]> = {}): M["text"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "text",
});
export const textarea = (name: string, o: Options<M["textarea"]> = {}): M["textarea"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "textarea",
});
export const richText = (name: string, o: Options<M["richText"]> = {}): M["richText"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "richText",
});
export const email = (name: string, o: Options<M["email"]> = {}): M["email"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "email",
});
export const phone = (name: string, o: Options<M["phone"]> = {}): M["phone"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "phone",
});
export const url = (name: string, o: Options<M["url"]> = {}): M["url"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "url",
});
export const number = (name: string, o: Options<M["number"]> = {}): M["number"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "number",
});
export const currency = (name: string, o: Options<M["currency"]> = {}): M["currency"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "currency",
});
export const percent = (name: string, o: Options<M["percent"]> = {}): M["percent"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "percent",
});
export const checkbox = (name: string, o: Options<M["boolean"]> = {}): M["boolean"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "boolean",
});
export const date = (name: string, o: Options<M["date"]> = {}): M["date"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "date",
});
export const datetime = (name: string, o: Options<M["datetime"]> = {}): M["datetime"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "datetime",
});
export const time = (name: string, o: Options<M["time"]> = {}): M["time"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "time",
});
export const picklist = (name: string, o: Options<M["picklist"]>): M["picklist"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "picklist",
});
export const multiPicklist = (name: string, o: Options<M["multiPicklist"]>): M["multiPicklist"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "multiPicklist",
});
export const lookup = (name: string, o: Options<M["lookup"]>): M["lookup"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "lookup",
});
export const masterDetail = (name: string, o: Options<M["masterDetail"]>): M["masterDetail"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "masterDetail",
});
export const user = (name: string, o: Options<M["user"]> = {}): M["user"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "user",
});
export const autoNumber = (name: string, o: Options<M["autoNumber"]>): M["autoNumber"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "autoNumber",
});
export const formula = (name: string, o: Options<M["formula"]>): M["formula"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "formula",
});
export const rollupSummary = (name: string, o: Options<M["rollupSummary"]>): M["rollupSummary"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "rollupSummary",
});
export const geolocation = (name: string, o: Options<M["geolocation"]> = {}): M["geolocation"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "geolocation",
});
export const file = (name: string, o: Options<M["file"]> = {}): M["file"] => ({
  ...o,
  ...labelled(name, o.label),
  type: "file",
});

/** A picklist option: `option("won", "Closed won", "赢单")`. */
export const option = (
  value: string,
  en: string,
  zhCN?: string,
  extra: Partial<PicklistOption> = {},
): PicklistOption => ({
  value,
  label: zhCN === undefined ? { en } : { en, "zh-CN": zhCN },
  ...extra,
});
