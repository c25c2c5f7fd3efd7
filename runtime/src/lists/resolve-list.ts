import { type FieldDefinition, isSystemField, type JsonValue, type ListView } from "@tessera/metadata";
import type { ObjectUi } from "../api/types.js";
import { allOf, jsonLogicToConditions, type ParsedConditions } from "./filter-conditions.js";
import { defaultColumns, nameFieldOf, viewColumns } from "./list-columns.js";
import { DEFAULT_PAGE_SIZE, type ListQuery } from "./list-query.js";
import { formatSort } from "./list-sort.js";

/** A list as it is to be shown and asked of the records API. */
export interface ResolvedList {
  view: ListView | undefined;
  nameField: FieldDefinition | undefined;
  columns: FieldDefinition[];
  /** The API's `sort` (the URL's, else the view's). */
  sort: string | undefined;
  pageSize: number;
  /** The filter bar's filter read back into rows (or why it cannot be). */
  conditions: ParsedConditions;
  /** Everything the records must match: the view's filter and scope, and the filter bar's. */
  filter: JsonValue | undefined;
  /** The fields to fetch: the columns and the record name. */
  fields: string[];
  /** The view's owner scope, applied by the server (which knows the role tree for "team"). */
  scope: "all" | "mine" | "team";
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol("not JSON");
  }
};

/**
 * Resolves a list from the object's UI metadata and the URL query. A filter in the URL that does
 * not pass the filter parser is left out of the request (the filter bar says why) rather than
 * failing the whole list.
 */
export const resolveList = (ui: ObjectUi, query: ListQuery): ResolvedList => {
  const { object } = ui;
  const view = ui.listViews.find((v) => v.name === query.view);
  const nameField = nameFieldOf(object);
  const columns = view === undefined ? defaultColumns(object) : viewColumns(object, view);
  const readable = (name: string) => isSystemField(name) || object.fields.some((f) => f.name === name);
  const viewSort = formatSort((view?.sort ?? []).filter((k) => readable(k.field)));
  const userFilter = query.filter === undefined ? undefined : parseJson(query.filter);
  const conditions: ParsedConditions =
    query.filter === undefined ? { ok: true, conditions: [] } : jsonLogicToConditions(object, userFilter);
  const usable = conditions.ok || conditions.reason === "custom";
  const fields = [
    ...new Set([...(nameField === undefined ? [] : [nameField.name]), ...columns.map((c) => c.name)]),
  ];
  return {
    view,
    nameField,
    columns,
    sort: query.sort ?? viewSort,
    pageSize: query.size ?? view?.pageSize ?? DEFAULT_PAGE_SIZE,
    conditions,
    filter: allOf(view?.filter as JsonValue | undefined, usable ? (userFilter as JsonValue) : undefined),
    fields,
    scope: view?.scope ?? "all",
  };
};
