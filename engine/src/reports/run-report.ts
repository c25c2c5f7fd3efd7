import type { DateBucket, JsonValue, Report } from "@tessera/metadata";
import { localize } from "@tessera/metadata";
import { scopeFilter } from "../query/scope-filter.js";
import { and } from "../records/filter-helpers.js";
import type { RecordContext } from "../records/record-context.js";
import { resolveObject } from "../records/resolve-object.js";
import type { AggregateQuery, AggregateRow } from "../store/store-port.js";
import { groupLabels, keyId } from "./group-labels.js";
import { type GroupRow, keyOrder, orderGroups, type ReportValue } from "./order-groups.js";
import { reportFieldsFor } from "./report-access.js";
import { findReport } from "./report-documents.js";
import { fieldLabel } from "./report-fields.js";
import { type MeasureFormat, measureFormat, measureLabel, measureValue } from "./report-measures.js";

/**
 * Most groups a report computes. Beyond it the answer is cut (and says so): a chart or table of
 * more groups than this is read by nobody, and every row would travel to the browser.
 */
export const MAX_REPORT_ROWS = 5000;

export interface ReportResult {
  name: string;
  label: string;
  object: string;
  groupings: Array<{ field: string; label: string; dateBucket?: DateBucket }>;
  measures: Array<{ operation: string; field?: string; label: string; format: MeasureFormat }>;
  rows: Array<{ keys: JsonValue[]; labels: string[]; values: ReportValue[] }>;
  /** Over every matching record, not only the rows shown. */
  totals: ReportValue[];
  /** More groups of the first grouping than the report's limit (or than MAX_REPORT_ROWS). */
  truncated: boolean;
}

const distinctKeys = (rows: readonly GroupRow[], level: number): JsonValue[] => [
  ...new Map(rows.map((r) => [keyId(r.keys[level] ?? null), r.keys[level] ?? null])).values(),
];

/**
 * Runs a report for the caller: within their record access (the sharing filter lists apply, inside
 * the store's aggregate, so a figure never counts a record they could not list), their field-level
 * security (403 naming a hidden field it uses) and the report's own filter and scope.
 */
export const runReport = async (ctx: RecordContext, name: string): Promise<ReportResult> => {
  const report: Report = findReport(ctx.metadata, name);
  const object = resolveObject(ctx, report.object, "read");
  const fields = reportFieldsFor(ctx, object, report);
  const filter = and(
    fields.filter,
    await scopeFilter(ctx, report.scope ?? "all"),
    await ctx.access.recordFilter(object.name, "read"),
  );
  const measures = fields.measures.map(({ measure }) => ({
    operation: measure.operation,
    ...(measure.field !== undefined && { field: measure.field }),
  }));
  const aggregate = (groupBy: AggregateQuery["groupBy"], limit: number): Promise<AggregateRow[]> =>
    ctx.store.aggregate(object.name, { ...(filter !== undefined && { filter }), groupBy, measures, limit });
  const valuesOf = (row: AggregateRow | undefined): ReportValue[] =>
    fields.measures.map(({ measure, field }, i) => measureValue(measure.operation, field, row?.values[i]));

  const [totalsRow] = await aggregate([], 1);
  const totals = valuesOf(totalsRow);
  const result: ReportResult = {
    name: report.name,
    label: localize(report.label, ctx.locale) ?? report.name,
    object: object.name,
    groupings: fields.groupings.map(({ field, bucket }) => ({
      field: field.name,
      label: fieldLabel(field, ctx.locale),
      ...(bucket !== undefined && { dateBucket: bucket }),
    })),
    measures: fields.measures.map(({ measure, field }) => ({
      operation: measure.operation,
      ...(field !== undefined && { field: field.name }),
      label: measureLabel(measure, field, ctx.locale),
      format: measureFormat(measure.operation, field),
    })),
    // Without groupings the report is one row: its totals.
    rows: [{ keys: [], labels: [], values: totals }],
    totals,
    truncated: false,
  };
  if (fields.groupings.length === 0) return result;

  const groupBy = fields.groupings.map(({ field, bucket }) => ({
    field: field.name,
    ...(bucket !== undefined && { bucket }),
  }));
  const fetched = await aggregate(groupBy, MAX_REPORT_ROWS + 1);
  const rows: GroupRow[] = fetched
    .slice(0, MAX_REPORT_ROWS)
    .map((row) => ({ keys: row.keys, values: valuesOf(row) }));
  const labels = await Promise.all(
    fields.groupings.map(({ field, bucket }, level) =>
      groupLabels(ctx, field, bucket, distinctKeys(rows, level)),
    ),
  );
  // Two groupings sorted by a measure: the first grouping's groups are ranked by their own figures
  // (the average of a group is not the sum of its subgroups' averages).
  const firstLevel =
    groupBy.length === 2 && report.sort?.by === "measure"
      ? new Map(
          (await aggregate(groupBy.slice(0, 1), MAX_REPORT_ROWS + 1)).map((row) => [
            keyId(row.keys[0] ?? null),
            valuesOf(row),
          ]),
        )
      : undefined;
  const ordered = orderGroups(rows, {
    orders: fields.groupings.map(({ field, bucket }, level) =>
      keyOrder(field, bucket !== undefined, labels[level] ?? new Map(), ctx.locale),
    ),
    ...(report.sort !== undefined && { sort: report.sort }),
    ...(report.limit !== undefined && { limit: report.limit }),
    ...(firstLevel !== undefined && { firstLevel }),
  });
  result.rows = ordered.rows.map((row) => ({
    keys: row.keys,
    labels: row.keys.map((key, level) => labels[level]?.get(keyId(key)) ?? String(key)),
    values: row.values,
  }));
  result.truncated = fetched.length > MAX_REPORT_ROWS || ordered.truncated;
  return result;
};
