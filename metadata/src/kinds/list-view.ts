import { type Static, Type } from "@sinclair/typebox";
import { ExpressionSchema } from "../fields/field-base.js";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import type { SemanticCheck } from "../validate/check-context.js";
import { type ExpressionSite, issueCollector, NameSchema, SortOrderSchema } from "./common.js";
import { isReadableField } from "./object-fields.js";

export const LIST_VIEW_SCOPES = ["all", "mine", "team"] as const;
export type ListViewScope = (typeof LIST_VIEW_SCOPES)[number];

export const ListViewSchema = Type.Object(
  {
    kind: Type.Literal("listView"),
    name: NameSchema,
    object: NameSchema,
    label: LocalizedTextSchema,
    columns: Type.Array(NameSchema, { minItems: 1, maxItems: 50 }),
    /** Narrows the records the caller may already see; never widens access. */
    filter: Type.Optional(ExpressionSchema),
    sort: Type.Optional(SortOrderSchema),
    /**
     * `mine`: records the caller owns; `team`: owned by the caller or by users in roles below
     * theirs; `all` (default): every record the caller may see.
     */
    scope: Type.Optional(Type.Union(LIST_VIEW_SCOPES.map((scope) => Type.Literal(scope)))),
    pageSize: Type.Optional(Type.Integer({ minimum: 10, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type ListView = Static<typeof ListViewSchema>;

/** Expressions: `filter`, a filter (storable subset) on the list view's object. */
export const expressionsOfListView = (doc: ListView): ExpressionSite[] =>
  doc.filter === undefined
    ? []
    : [{ path: "/filter", expression: doc.filter, object: doc.object, mode: "filter" }];

/**
 * Expressions (checked by the lead via expressionsOfListView, not here): `filter`, a filter
 * (storable subset) on the list view's object; the fields it reads are checked there too.
 */
export const checkListView: SemanticCheck<ListView> = (doc, ctx) => {
  const { issues, report } = issueCollector(doc);
  const object = ctx.objects.get(doc.object);
  if (object === undefined) {
    report(["object"], "listView.unknownObject", `Object "${doc.object}" does not exist.`);
    return issues;
  }
  const shown = new Set<string>();
  doc.columns.forEach((column, c) => {
    if (!isReadableField(object, column)) {
      report(["columns", c], "listView.unknownField", `Object "${doc.object}" has no field "${column}".`);
    } else if (shown.has(column)) {
      report(["columns", c], "listView.duplicateColumn", `Column "${column}" is shown twice.`);
    }
    shown.add(column);
  });
  const sorted = new Set<string>();
  doc.sort?.forEach((key, k) => {
    if (!isReadableField(object, key.field)) {
      report(
        ["sort", k, "field"],
        "listView.unknownField",
        `Object "${doc.object}" has no field "${key.field}".`,
      );
    } else if (sorted.has(key.field)) {
      report(["sort", k, "field"], "listView.duplicateSort", `The list is already sorted by "${key.field}".`);
    }
    sorted.add(key.field);
  });
  return issues;
};
