import { api, get } from "../api/http.js";
import { postForm } from "./file-transfer.js";

export const IMPORT_MODES = ["insert", "update", "upsert"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const FINAL_IMPORT_STATUSES = ["completed", "failed", "cancelled"] as const;
export type ImportStatus = "uploaded" | "mapped" | "running" | (typeof FINAL_IMPORT_STATUSES)[number];

export interface MappingTransform {
  trim?: boolean;
  /** Input value -> picklist option value, for values that name no option. */
  valueMap?: Record<string, string>;
  /** How a lookup column names its record: "name", "id" or an external id (unique) field. */
  lookupBy?: string;
}

/** One column of the file and the field it fills (null: left out). */
export interface MappingEntry {
  column: string;
  field: string | null;
  transform?: MappingTransform;
}
export type Mapping = MappingEntry[];

/** PUT /api/v1/imports/{id}/settings */
export interface ImportSettings {
  mapping: Mapping;
  mode: ImportMode;
  matchField?: string;
  automation: boolean;
  dateFormat?: string;
}

export interface ImportError {
  /** 1-based data row (the header row excluded). */
  row: number;
  column: string | null;
  message: string;
}

export interface ImportProgress {
  processed: number;
  created: number;
  updated: number;
  failed: number;
  skipped: number;
  percent: number;
  rowsPerSecond: number;
  startedAt?: string;
  finishedAt?: string;
}

export interface DryRun {
  wouldCreate: number;
  wouldUpdate: number;
  wouldFail: number;
  errors: ImportError[];
}

/** An import as the API shows it to its owner. */
export interface ImportView {
  id: string;
  object: string;
  fileName: string;
  format: "csv" | "xlsx";
  createdAt: string;
  createdBy: string;
  status: ImportStatus;
  headers: string[];
  totalRows: number;
  /** The first data rows, as text. */
  preview: string[][];
  suggestedMapping: Mapping;
  settings?: ImportSettings;
  progress: ImportProgress;
  dryRun?: DryRun;
}

/** A mapping saved for reuse with files of the same shape. */
export interface SavedMapping {
  name: string;
  object: string;
  mapping: Mapping;
  mode?: ImportMode;
  matchField?: string;
  automation?: boolean;
  dateFormat?: string;
}

export const isFinalStatus = (status: ImportStatus): boolean =>
  (FINAL_IMPORT_STATUSES as readonly string[]).includes(status);

const importPath = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}`;

/** Uploads a CSV or XLSX file for `object`; the object goes first, so the server knows it before the file. */
export const uploadImport = (object: string, file: File): Promise<ImportView> => {
  const form = new FormData();
  form.append("object", object);
  form.append("file", file, file.name);
  return postForm<ImportView>("/api/v1/imports", form);
};

export const loadImport = (id: string, signal?: AbortSignal) => get<ImportView>(importPath(id), signal);

export const listImports = async (object: string, signal?: AbortSignal): Promise<ImportView[]> =>
  (await get<{ imports: ImportView[] }>(`/api/v1/imports?${new URLSearchParams({ object })}`, signal))
    .imports;

export const saveImportSettings = (id: string, settings: ImportSettings) =>
  api<ImportView>("PUT", `${importPath(id)}/settings`, { body: settings });

export const dryRunImport = (id: string) =>
  api<ImportView>("POST", `${importPath(id)}/dry-run`, { body: {} });

export const runImport = (id: string) => api<ImportView>("POST", `${importPath(id)}/run`, { body: {} });

export const cancelImport = (id: string) => api<ImportView>("POST", `${importPath(id)}/cancel`, { body: {} });

export const errorReportPath = (id: string) => `${importPath(id)}/errors.csv`;

export const loadSavedMappings = async (object: string, signal?: AbortSignal): Promise<SavedMapping[]> =>
  (
    await get<{ mappings: SavedMapping[] }>(
      `/api/v1/import-mappings?${new URLSearchParams({ object })}`,
      signal,
    )
  ).mappings;

export const saveMapping = (mapping: SavedMapping) => {
  const { name, ...body } = mapping;
  return api<SavedMapping>("PUT", `/api/v1/import-mappings/${encodeURIComponent(name)}`, { body });
};

export const deleteMapping = (object: string, name: string) =>
  api<void>(
    "DELETE",
    `/api/v1/import-mappings/${encodeURIComponent(name)}?${new URLSearchParams({ object })}`,
  );
