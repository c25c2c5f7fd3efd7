import type { JsonObject } from "@tessera/metadata";
import type { ImportState, MappingEntry } from "./import-state.js";

/** A mapping as the API shows it: a value map as an object of cell value -> written value. */
export const presentMapping = (mapping: readonly MappingEntry[]): JsonObject[] =>
  mapping.map(({ column, field, transform }): JsonObject => {
    if (transform === undefined) return { column, field };
    const { valueMap, ...rest } = transform;
    const shown: JsonObject = { ...rest };
    // fromEntries defines own properties, so a cell value "__proto__" stays a plain key.
    if (valueMap !== undefined) shown.valueMap = Object.fromEntries(valueMap.map((p) => [p.from, p.to]));
    return { column, field, transform: shown };
  });

const percentOf = (state: ImportState): number => {
  if (state.status === "completed") return 100;
  if (state.totalRows === 0) return 0;
  return Math.min(100, Math.floor((state.progress.processed / state.totalRows) * 100));
};

/** An import as its owner sees it (ImportView of the API contract). */
export const importView = (id: string, state: ImportState): JsonObject => ({
  id,
  object: state.object,
  fileName: state.fileName,
  format: state.format,
  createdAt: state.createdAt,
  createdBy: state.createdBy,
  status: state.status,
  headers: state.headers,
  totalRows: state.totalRows,
  preview: state.preview,
  suggestedMapping: presentMapping(state.suggestedMapping),
  ...(state.settings !== undefined && {
    settings: {
      mapping: presentMapping(state.settings.mapping),
      mode: state.settings.mode,
      ...(state.settings.matchField !== undefined && { matchField: state.settings.matchField }),
      automation: state.settings.automation,
      ...(state.settings.dateFormat !== undefined && { dateFormat: state.settings.dateFormat }),
    },
  }),
  progress: { ...state.progress, percent: percentOf(state) } as unknown as JsonObject,
  ...(state.dryRun !== undefined && { dryRun: state.dryRun as unknown as JsonObject }),
  ...(state.error !== undefined && { error: state.error }),
});
