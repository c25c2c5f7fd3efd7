// Exports: the records a user may see, as a CSV or XLSX file streamed page by page.
export { EXPORT_FORMATS, type ExportFormat } from "./export-format.js";
export { type ExportRequest, type PreparedExport, prepareExport } from "./prepare-export.js";
