export const IMPORT_MODES = ["insert", "update", "upsert"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_STATUSES = ["uploaded", "mapped", "running", "completed", "failed", "cancelled"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * How day-month-year values are read. Year-first values (2026-11-26, 2026/11/26, 2026年11月26日) are
 * unambiguous and always read; the format decides what "03/04/2026" means. Without one, such a
 * value is read only when it is unambiguous (a part above 12).
 */
export const DATE_FORMATS = ["YYYY-MM-DD", "YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY", "YYYY年M月D日"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export type ImportFormat = "csv" | "xlsx";

/** One pair of a column's value map: a cell value (after trimming) and what is written instead. */
export interface ValueMapping {
  from: string;
  to: string;
}

export interface ColumnTransform {
  /** Trim spaces around the cell (default true). */
  trim?: boolean;
  /** Stored as pairs: cell values are data and may hold dots or `$`, which keys of a document may not. */
  valueMap?: ValueMapping[];
  /** How a lookup column names its record: "name" (default), "id" or a unique field of the target. */
  lookupBy?: string;
}

export interface MappingEntry {
  column: string;
  field: string | null;
  transform?: ColumnTransform;
}

export interface ImportSettings {
  mapping: MappingEntry[];
  mode: ImportMode;
  /** update and upsert: "id" (update only) or a unique field, which the mapping fills. */
  matchField?: string;
  /** false: the object's automation rules do not run for the imported rows. */
  automation: boolean;
  dateFormat?: DateFormat;
}

export interface ImportProgress {
  processed: number;
  created: number;
  updated: number;
  failed: number;
  skipped: number;
  rowsPerSecond: number;
  startedAt?: string;
  finishedAt?: string;
}

/** One problem of one row: `row` is the 1-based data row (the header row excluded). */
export interface ImportError {
  row: number;
  column: string | null;
  message: string;
}

export interface DryRunSummary {
  wouldCreate: number;
  wouldUpdate: number;
  wouldFail: number;
  errors: ImportError[];
}

/**
 * Where the next run slice starts: the byte offset just after the last row done in the stored
 * CSV, that row's number, and the processing time spent so far.
 */
export interface ImportCheckpoint {
  offset: number;
  row: number;
  activeMs: number;
}

/** The body of an import's entry (collection `imports`, id = the import's ULID). */
export interface ImportState {
  object: string;
  fileName: string;
  format: ImportFormat;
  createdAt: string;
  createdBy: string;
  status: ImportStatus;
  headers: string[];
  totalRows: number;
  preview: string[][];
  suggestedMapping: MappingEntry[];
  settings?: ImportSettings;
  progress: ImportProgress;
  dryRun?: DryRunSummary;
  /** The stored rows file: its delimiter and the byte offset of its first data row. */
  source: { delimiter: string; dataOffset: number };
  checkpoint: ImportCheckpoint;
  /** Why a failed import stopped. */
  error?: string;
}

export const emptyProgress = (): ImportProgress => ({
  processed: 0,
  created: 0,
  updated: 0,
  failed: 0,
  skipped: 0,
  rowsPerSecond: 0,
});

export const isFinished = (status: ImportStatus): boolean =>
  status === "completed" || status === "failed" || status === "cancelled";
