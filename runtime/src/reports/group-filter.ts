import { type FilterNode, filterToJsonLogic, type JsonValue } from "@tessera/metadata";
import type { ReportResult } from "./report-api.js";

const conditionOf = (field: string, key: JsonValue): FilterNode | undefined => {
  if (key === null) return { op: "missing", field };
  if (typeof key === "string" || typeof key === "number" || typeof key === "boolean")
    return { op: "compare", field, operator: "==", value: key };
  return undefined;
};

/**
 * The list filter (JsonLogic) of the records behind one group of a report, or undefined when a
 * group cannot be expressed as one (a date bucket). The report's own filter is not added: the list
 * shows the group among all the records the user may see.
 */
export const groupFilter = (result: ReportResult, keys: readonly JsonValue[]): JsonValue | undefined => {
  if (keys.length === 0 || keys.length > result.groupings.length) return undefined;
  const conditions: FilterNode[] = [];
  for (const [index, key] of keys.entries()) {
    const grouping = result.groupings[index];
    if (grouping === undefined || grouping.dateBucket !== undefined) return undefined;
    const condition = conditionOf(grouping.field, key);
    if (condition === undefined) return undefined;
    conditions.push(condition);
  }
  const [only] = conditions;
  return filterToJsonLogic(
    conditions.length === 1 && only !== undefined ? only : { op: "and", children: conditions },
  );
};

/** Where a group's records are listed: the object's list page with the group's filter. */
export const groupListPath = (result: ReportResult, keys: readonly JsonValue[]): string | undefined => {
  const filter = groupFilter(result, keys);
  return filter === undefined
    ? undefined
    : `/o/${encodeURIComponent(result.object)}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
};
