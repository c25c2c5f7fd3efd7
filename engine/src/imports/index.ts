/**
 * Imports (issue 9): CSV and XLSX files into any object, through the record pipeline, as a
 * durable job in batches. The HTTP routes and the job worker use what is exported here.
 */
export { cancelImport } from "./cancel-import.js";
export { deleteImport } from "./delete-import.js";
export { dryRunImport } from "./dry-run-import.js";
export { loadOwnImport } from "./import-access.js";
export { importsRoot } from "./import-files.js";
export type { ImportState, ImportStatus } from "./import-state.js";
export { importView } from "./import-view.js";
export { listImports } from "./list-imports.js";
export { errorReportLines } from "./row-errors.js";
export { IMPORT_JOB_KIND, type ImportJobOptions, runImportJob } from "./run-import-job.js";
export { saveImportSettings } from "./save-import-settings.js";
export { deleteMapping, listSavedMappings, saveMapping } from "./saved-mappings.js";
export { startImport } from "./start-import.js";
export { uploadImport } from "./upload-import.js";
