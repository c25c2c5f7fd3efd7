import type { JsonValue } from "@tessera/metadata";
import { plottable } from "./measure-format.js";
import type { ReportResult, ResultMeasure } from "./report-api.js";

export interface ChartSeries {
  name: string;
  /** The second grouping's key the series stands for; absent with fewer than two groupings. */
  key?: JsonValue;
  /** One per category; null where a group has no figure. */
  values: Array<number | null>;
}

/**
 * One measure of a report result as a chart plots it: the first grouping's groups are the
 * categories, the second grouping's groups (if any) the series; without groupings one category
 * holds the total.
 */
export interface ChartModel {
  categories: string[];
  /** The first grouping's key of each category (drilling down needs it). */
  categoryKeys: JsonValue[];
  series: ChartSeries[];
  measure: ResultMeasure;
}

const sameKey = (a: JsonValue | undefined, b: JsonValue | undefined): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** Distinct keys with their label, in the order the result first shows them. */
const distinct = (pairs: ReadonlyArray<{ key: JsonValue; label: string }>) =>
  pairs.filter((pair, index) => pairs.findIndex((p) => sameKey(p.key, pair.key)) === index);

export const chartModel = (result: ReportResult, measureIndex: number): ChartModel => {
  const measure = result.measures[measureIndex] ?? result.measures[0];
  if (measure === undefined) throw new Error(`Report "${result.name}" has no measures`);
  const m = result.measures.indexOf(measure);
  if (result.groupings.length === 0) {
    return {
      categories: [measure.label],
      categoryKeys: [null],
      series: [{ name: measure.label, values: [plottable(result.totals[m])] }],
      measure,
    };
  }
  const categories = distinct(
    result.rows.map((row) => ({ key: row.keys[0] ?? null, label: row.labels[0] ?? "" })),
  );
  if (result.groupings.length === 1) {
    return {
      categories: categories.map((c) => c.label),
      categoryKeys: categories.map((c) => c.key),
      series: [{ name: measure.label, values: result.rows.map((row) => plottable(row.values[m])) }],
      measure,
    };
  }
  const splits = distinct(
    result.rows.map((row) => ({ key: row.keys[1] ?? null, label: row.labels[1] ?? "" })),
  );
  return {
    categories: categories.map((c) => c.label),
    categoryKeys: categories.map((c) => c.key),
    series: splits.map((split) => ({
      name: split.label,
      key: split.key,
      values: categories.map((category) => {
        const row = result.rows.find(
          (r) => sameKey(r.keys[0] ?? null, category.key) && sameKey(r.keys[1] ?? null, split.key),
        );
        return row === undefined ? null : plottable(row.values[m]);
      }),
    })),
    measure,
  };
};

/** The group keys of a clicked bar, point, slice or stage; undefined for the total of a KPI-like chart. */
export const groupKeysAt = (
  model: ChartModel,
  at: { seriesIndex: number; dataIndex: number },
  groupings: number,
): JsonValue[] | undefined => {
  if (groupings === 0 || at.dataIndex >= model.categoryKeys.length) return undefined;
  const first = model.categoryKeys[at.dataIndex] ?? null;
  if (groupings === 1) return [first];
  const series = model.series[at.seriesIndex];
  return series === undefined ? undefined : [first, series.key ?? null];
};
