import type { FieldDefinition, Layout, LocalizedText, ObjectDefinition } from "@tessera/metadata";
import type { RelatedListInfo } from "../api/types.js";
import { type PlacedField, placeField } from "./read-sections.js";

/** One related list of the record page: a child object, the field pointing here, how to show it. */
export interface RelatedListPlan extends RelatedListInfo {
  /** The layout's title for it, when the layout names one. */
  title?: LocalizedText;
  /** The layout's columns, when the layout defines the list. */
  columns?: readonly string[];
  sort?: ReadonlyArray<{ field: string; direction: "asc" | "desc" }>;
  /** The child points here through more than one field, or is the parent's own object: name the field. */
  ambiguous: boolean;
}

/**
 * The related lists to show: every child object pointing here that the user may read, those the
 * layout defines first (in its order, with its columns, title and sort), then the others.
 */
export const relatedListPlans = (
  available: readonly RelatedListInfo[],
  layout: Layout | undefined,
  parentObject: string,
): RelatedListPlan[] => {
  const ambiguous = (object: string) =>
    object === parentObject || available.filter((l) => l.object === object).length > 1;
  const key = (l: { object: string; field: string }) => `${l.object}.${l.field}`;
  const byKey = new Map(available.map((l) => [key(l), l]));
  const planned: RelatedListPlan[] = [];
  for (const defined of layout?.relatedLists ?? []) {
    const info = byKey.get(key(defined));
    if (info === undefined) continue;
    byKey.delete(key(defined));
    planned.push({
      ...info,
      ambiguous: ambiguous(info.object),
      columns: defined.columns,
      ...(defined.label !== undefined && { title: defined.label }),
      ...(defined.sort !== undefined && { sort: defined.sort }),
    });
  }
  return [...planned, ...[...byKey.values()].map((info) => ({ ...info, ambiguous: ambiguous(info.object) }))];
};

const LONG_TEXT = new Set<FieldDefinition["type"]>(["textarea", "richText"]);

/**
 * The columns of a related list: the layout's (those the user may read), else the child's name
 * field and the next three short fields, never the field pointing back to the parent.
 */
export const relatedColumns = (
  child: ObjectDefinition,
  plan: Pick<RelatedListPlan, "field" | "columns">,
): PlacedField[] => {
  const fromLayout = (plan.columns ?? []).flatMap((name) => {
    const placed = placeField(child, name);
    return placed === undefined ? [] : [placed];
  });
  if (fromLayout.length > 0) return fromLayout;
  const name = placeField(child, child.recordName);
  const others = child.fields
    .filter((f) => f.name !== child.recordName && f.name !== plan.field && !LONG_TEXT.has(f.type))
    .slice(0, 3)
    .map((field): PlacedField => ({ field, system: undefined }));
  return name === undefined ? others : [name, ...others];
};
