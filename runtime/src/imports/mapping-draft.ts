import {
  descriptorOf,
  type FieldDefinition,
  findOptionValue,
  type ObjectDefinition,
} from "@tessera/metadata";
import type { ObjectPermissions } from "../api/types.js";
import {
  IMPORT_MODES,
  type ImportMode,
  type ImportSettings,
  type ImportView,
  type Mapping,
  type MappingEntry,
  type SavedMapping,
} from "./import-api.js";

/** The record id: a column may name it only to match records (update, upsert). */
export const ID_FIELD = "id";

/** Date formats the import reads besides ISO; none chosen means the server recognises them. */
export const DATE_FORMATS = ["YYYY-MM-DD", "YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY", "YYYY年M月D日"] as const;

/** One column of the file as the mapping step edits it. */
export interface MappingRow {
  column: string;
  field: string | null;
  trim: boolean;
  /** Input value -> option value, for a picklist column. */
  valueMap: Record<string, string>;
  /** For a lookup column: "name", "id" or an external id field of the referenced object. */
  lookupBy?: string;
}

/** Everything the mapping step decides, one row per column of the file in the file's order. */
export interface MappingDraft {
  rows: MappingRow[];
  mode: ImportMode;
  matchField?: string;
  automation: boolean;
  dateFormat?: string;
}

export const isReferenceField = (field: FieldDefinition | undefined): boolean =>
  field?.type === "lookup" || field?.type === "masterDetail" || field?.type === "user";

export const isChoiceField = (field: FieldDefinition | undefined): boolean =>
  field?.type === "picklist" || field?.type === "multiPicklist";

const fieldNamed = (object: ObjectDefinition, name: string | null) =>
  name === null ? undefined : object.fields.find((f) => f.name === name);

/**
 * Fields a column may fill: those the user may edit whose value comes from input (not formulas,
 * auto numbers or roll-ups), except files, which are attached on the record page.
 */
export const mappableFields = (object: ObjectDefinition, editable: readonly string[]): FieldDefinition[] => {
  const allowed = new Set(editable);
  return object.fields.filter(
    (f) => allowed.has(f.name) && f.type !== "file" && descriptorOf(f)?.source === "input",
  );
};

/** Fields an update or upsert may match records by: unique ones a column can hold. */
export const matchableFields = (object: ObjectDefinition, editable: readonly string[]): FieldDefinition[] =>
  mappableFields(object, editable).filter((f) => "unique" in f && f.unique === true);

const rowOf = (column: string, entry: MappingEntry | undefined): MappingRow => ({
  column,
  field: entry?.field ?? null,
  trim: entry?.transform?.trim ?? true,
  valueMap: { ...(entry?.transform?.valueMap ?? {}) },
  ...(entry?.transform?.lookupBy !== undefined && { lookupBy: entry.transform.lookupBy }),
});

const rowsOf = (headers: readonly string[], mapping: Mapping): MappingRow[] =>
  headers.map((column) =>
    rowOf(
      column,
      mapping.find((entry) => entry.column === column),
    ),
  );

/**
 * The draft of an import: its saved settings when it has them (the user comes back to it),
 * otherwise the server's suggestion with trimming on, automation on, inserting (updating when the
 * user may not create records).
 */
export const draftOf = (view: ImportView, mode: ImportMode = "insert"): MappingDraft => {
  const settings = view.settings;
  if (settings === undefined) {
    return { rows: rowsOf(view.headers, view.suggestedMapping), mode, automation: true };
  }
  return {
    rows: rowsOf(view.headers, settings.mapping),
    mode: settings.mode,
    ...(settings.matchField !== undefined && { matchField: settings.matchField }),
    automation: settings.automation,
    ...(settings.dateFormat !== undefined && { dateFormat: settings.dateFormat }),
  };
};

/** A saved mapping applied to this file: it decides the columns it names, the others keep theirs. */
export const applySavedMapping = (draft: MappingDraft, saved: SavedMapping): MappingDraft => {
  const rows = draft.rows.map((row) => {
    const entry = saved.mapping.find((e) => e.column === row.column);
    return entry === undefined ? row : rowOf(row.column, entry);
  });
  const mode = saved.mode ?? draft.mode;
  const matchField = mode === "insert" ? undefined : (saved.matchField ?? draft.matchField);
  const dateFormat = saved.dateFormat ?? draft.dateFormat;
  return {
    rows,
    mode,
    ...(matchField !== undefined && { matchField }),
    automation: saved.automation ?? draft.automation,
    ...(dateFormat !== undefined && { dateFormat }),
  };
};

/** A column now fills `field`: transforms of the previous field no longer apply. */
export const mapColumn = (
  draft: MappingDraft,
  object: ObjectDefinition,
  column: string,
  field: string | null,
): MappingDraft => ({
  ...draft,
  rows: draft.rows.map((row) => {
    if (row.column !== column) return row;
    const next: MappingRow = { column, field, trim: row.trim, valueMap: {} };
    return isReferenceField(fieldNamed(object, field)) ? { ...next, lookupBy: "name" } : next;
  }),
});

export const changeRow = (
  draft: MappingDraft,
  column: string,
  change: Partial<Omit<MappingRow, "column" | "field">>,
): MappingDraft => ({
  ...draft,
  rows: draft.rows.map((row) => (row.column === column ? { ...row, ...change } : row)),
});

/** Sets (or, with an empty option, removes) the option an input value stands for. */
export const mapValue = (draft: MappingDraft, column: string, input: string, option: string | undefined) =>
  changeRow(draft, column, {
    valueMap: Object.fromEntries(
      Object.entries(draft.rows.find((r) => r.column === column)?.valueMap ?? {})
        .filter(([key]) => key !== input)
        .concat(option === undefined ? [] : [[input, option]]),
    ),
  });

/** Modes the user's permissions allow: inserting creates, updating edits, upserting does both. */
export const allowedModes = (permissions: ObjectPermissions): ImportMode[] =>
  IMPORT_MODES.filter((mode) =>
    mode === "insert"
      ? permissions.create
      : mode === "update"
        ? permissions.edit
        : permissions.create && permissions.edit,
  );

/** Inserting matches nothing: no match field, and no column may fill the record id. */
export const changeMode = (draft: MappingDraft, mode: ImportMode): MappingDraft => {
  if (mode !== "insert") return { ...draft, mode };
  const { matchField: _dropped, ...rest } = draft;
  return {
    ...rest,
    mode,
    rows: draft.rows.map((row) => (row.field === ID_FIELD ? { ...row, field: null } : row)),
  };
};

const transformOf = (row: MappingRow): MappingEntry["transform"] => ({
  trim: row.trim,
  ...(Object.keys(row.valueMap).length > 0 && { valueMap: row.valueMap }),
  ...(row.lookupBy !== undefined && { lookupBy: row.lookupBy }),
});

/** The settings the server takes (PUT /imports/{id}/settings): every column, in the file's order. */
export const settingsOf = (draft: MappingDraft): ImportSettings => ({
  mapping: draft.rows.map((row) =>
    row.field === null
      ? { column: row.column, field: null }
      : { column: row.column, field: row.field, transform: transformOf(row) },
  ),
  mode: draft.mode,
  ...(draft.mode !== "insert" && draft.matchField !== undefined && { matchField: draft.matchField }),
  automation: draft.automation,
  ...(draft.dateFormat !== undefined && { dateFormat: draft.dateFormat }),
});

export type MappingProblem =
  | { code: "mappedTwice"; field: string; columns: string[] }
  | { code: "noMatchField" }
  | { code: "matchFieldNotMapped"; field: string }
  | { code: "nothingMapped" };

/** What stops the mapping from being sent: the server would refuse it, or it would import nothing. */
export const mappingProblems = (draft: MappingDraft): MappingProblem[] => {
  const problems: MappingProblem[] = [];
  const mapped = draft.rows.filter((row) => row.field !== null);
  if (mapped.length === 0) problems.push({ code: "nothingMapped" });
  const byField = new Map<string, string[]>();
  for (const row of mapped) {
    const field = row.field as string;
    byField.set(field, [...(byField.get(field) ?? []), row.column]);
  }
  for (const [field, columns] of byField) {
    if (columns.length > 1) problems.push({ code: "mappedTwice", field, columns });
  }
  if (draft.mode !== "insert") {
    if (draft.matchField === undefined) problems.push({ code: "noMatchField" });
    else if (!byField.has(draft.matchField))
      problems.push({ code: "matchFieldNotMapped", field: draft.matchField });
  }
  return problems;
};

/** Required fields no column fills: every inserted row would fail on them (a warning, not a stop). */
export const unmappedRequired = (
  draft: MappingDraft,
  fields: readonly FieldDefinition[],
): FieldDefinition[] => {
  const mapped = new Set(draft.rows.map((row) => row.field));
  return fields.filter((f) => "required" in f && f.required === true && !mapped.has(f.name));
};

/** The distinct non-empty values of a column in the preview rows, in order of first appearance. */
export const columnValues = (view: ImportView, column: string, trim = true): string[] => {
  const index = view.headers.indexOf(column);
  if (index < 0) return [];
  const values = view.preview
    .map((row) => row[index] ?? "")
    .map((value) => (trim ? value.trim() : value))
    .filter((value) => value !== "");
  return [...new Set(values)];
};

/**
 * Values of a picklist column in the preview that name no option (by value, or by label in any
 * language); a multi-select picklist's cell lists several, separated by `;`.
 */
export const unmatchedValues = (view: ImportView, row: MappingRow, field: FieldDefinition | undefined) => {
  if (field === undefined || (field.type !== "picklist" && field.type !== "multiPicklist")) return [];
  const cells = columnValues(view, row.column, row.trim);
  const values =
    field.type === "multiPicklist"
      ? cells.flatMap((cell) => cell.split(";").map((part) => part.trim()))
      : cells;
  return [...new Set(values)].filter(
    (value) => value !== "" && findOptionValue(field.options, value) === undefined,
  );
};
