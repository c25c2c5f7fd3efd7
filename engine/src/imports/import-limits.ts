/** An uploaded file may be at most this large (HTTP 413 beyond). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Data rows a file may have: Excel's own sheet limit, so no spreadsheet is refused for its length. */
export const MAX_IMPORT_ROWS = 1_048_576;
export const MAX_IMPORT_COLUMNS = 500;
/** Data rows kept, as text, to show before mapping. */
export const PREVIEW_ROWS = 20;
/** Preview cells and error-report values are cut to this many characters. */
export const MAX_PREVIEW_CELL = 500;
/** A header longer than this is cut: it names a column, it is not data. */
export const MAX_HEADER_LENGTH = 255;
/** A CSV record (all its cells) may hold at most this many characters: a runaway quote stops here. */
export const MAX_RECORD_CHARS = 1_000_000;
/** The CSV an XLSX sheet is converted to may be at most this large (a workbook compresses well). */
export const MAX_CONVERTED_BYTES = 1024 * 1024 * 1024;
/** Rows written (or checked) per batch: lookups and matches are resolved once per batch. */
export const BATCH_ROWS = 500;
/**
 * One job run processes batches for about this long, then checkpoints and queues its continuation:
 * a graceful stop waits at most this long, and other jobs of the tenant get their turn.
 */
export const IMPORT_SLICE_MS = 5_000;
/** Errors a dry run keeps for the answer (the counts cover every row). */
export const MAX_DRY_RUN_ERRORS = 100;
