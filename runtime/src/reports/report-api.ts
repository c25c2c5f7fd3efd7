import type { DateBucket, JsonValue, LocalizedText } from "@tessera/metadata";
import { get } from "../api/http.js";

/** How a measure's figures are written (the engine decides from the measured field). */
export type MeasureFormat = "number" | "currency" | "percent" | "date" | "datetime" | "integer";

export interface ResultMeasure {
  operation: string;
  field?: string;
  label: string;
  format: MeasureFormat;
  /** ISO 4217 code of a currency measure; the tenant default (CNY) when absent. */
  currencyCode?: string;
}

export interface ResultGrouping {
  field: string;
  label: string;
  dateBucket?: DateBucket;
}

export interface ResultRow {
  /** One per grouping: the stored value or date bucket key; null for records without one. */
  keys: JsonValue[];
  /** The keys as the caller reads them (picklist labels, record names, "(empty)"), in their locale. */
  labels: string[];
  /** One per measure. */
  values: Array<number | string | null>;
}

/** GET /api/v1/reports/{name}/results: a report run for the caller, with their access applied. */
export interface ReportResult {
  name: string;
  label: string;
  object: string;
  groupings: ResultGrouping[];
  measures: ResultMeasure[];
  rows: ResultRow[];
  /** Over every matching record, not only the rows shown. */
  totals: Array<number | string | null>;
  /** More groups matched than the report's limit shows. */
  truncated: boolean;
}

/** One entry of GET /api/v1/reports (only reports on objects the caller may read). */
export interface ReportSummary {
  name: string;
  label: string | LocalizedText;
  object: string;
  description?: string | LocalizedText;
}

export const loadReports = async (signal?: AbortSignal): Promise<ReportSummary[]> =>
  (await get<{ reports: ReportSummary[] }>("/api/v1/reports", signal)).reports;

export const loadReportResult = (name: string, signal?: AbortSignal): Promise<ReportResult> =>
  get<ReportResult>(`/api/v1/reports/${encodeURIComponent(name)}/results`, signal);
