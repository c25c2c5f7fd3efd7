import { isPlainObject, type JsonValue } from "@tessera/metadata";
import { invalid, type ProblemDetail } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import { checkMapping } from "./check-mapping.js";
import { checkModeAccess } from "./import-access.js";
import {
  DATE_FORMATS,
  type DateFormat,
  IMPORT_MODES,
  type ImportMode,
  type ImportSettings,
} from "./import-state.js";
import { isUniqueKeyField, mappableFields } from "./mappable-fields.js";

const SETTINGS_KEYS: ReadonlySet<string> = new Set([
  "mapping",
  "mode",
  "matchField",
  "automation",
  "dateFormat",
]);

const isMode = (value: unknown): value is ImportMode => (IMPORT_MODES as readonly unknown[]).includes(value);
export const isDateFormat = (value: unknown): value is DateFormat =>
  (DATE_FORMATS as readonly unknown[]).includes(value);

const checkMatchField = (
  ctx: RecordContext,
  object: CompiledObject,
  settings: { mode: ImportMode; matchField: unknown; mapped: ReadonlySet<string> },
  problems: ProblemDetail[],
): string | undefined => {
  const { mode, matchField, mapped } = settings;
  const path = "/matchField";
  if (matchField === undefined) {
    problems.push({
      path,
      code: "field.required",
      message: `${mode === "update" ? "Updating" : "Upserting"} matches rows to records: name the field to match by.`,
    });
    return undefined;
  }
  if (matchField === "id" && mode === "upsert") {
    problems.push({
      path,
      code: "import.matchField",
      message: "Upserting matches by a unique field (rows not found are created, and Tessera assigns ids).",
    });
    return undefined;
  }
  const field = typeof matchField === "string" ? mappableFields(ctx, object).get(matchField) : undefined;
  if (matchField !== "id" && (field === undefined || !isUniqueKeyField(field))) {
    problems.push({
      path,
      code: "import.matchField",
      message: "matchField is id or a unique text, e-mail, phone or number field you may change.",
    });
    return undefined;
  }
  if (!mapped.has(matchField as string))
    problems.push({
      path,
      code: "import.matchNotMapped",
      message: `Map a column to "${matchField}" to match by it.`,
    });
  return matchField as string;
};

/**
 * Checks import settings for this user and file (`PUT /imports/{id}/settings`): the mode needs its
 * permission (403); everything else is collected into one 422 with pointers. A matchField sent
 * with an insert is ignored (an insert matches nothing).
 */
export const checkSettings = (
  ctx: RecordContext,
  object: CompiledObject,
  headers: readonly string[],
  body: unknown,
): ImportSettings => {
  if (!isPlainObject(body))
    throw invalid("The settings are not valid", [
      {
        path: "",
        code: "body.notAnObject",
        message: "Send {mapping, mode, matchField?, automation, dateFormat?}.",
      },
    ]);
  const problems: ProblemDetail[] = [];
  for (const key of Object.keys(body))
    if (!SETTINGS_KEYS.has(key))
      problems.push({ path: `/${key}`, code: "import.unknownKey", message: `Unknown setting "${key}".` });
  const mode = body.mode;
  if (!isMode(mode))
    problems.push({
      path: "/mode",
      code: "import.mode",
      message: `mode is one of ${IMPORT_MODES.join(", ")}.`,
    });
  else checkModeAccess(ctx, object.name, mode);
  const automation = body.automation ?? true;
  if (typeof automation !== "boolean")
    problems.push({
      path: "/automation",
      code: "import.automation",
      message: "automation is true or false.",
    });
  const dateFormat: JsonValue | undefined = body.dateFormat as JsonValue | undefined;
  if (dateFormat !== undefined && !isDateFormat(dateFormat))
    problems.push({
      path: "/dateFormat",
      code: "import.dateFormat",
      message: `dateFormat is one of ${DATE_FORMATS.join(", ")}.`,
    });
  const { mapping, problems: mappingProblems } = checkMapping(ctx, object, body.mapping, {
    headers,
    mode: isMode(mode) ? mode : undefined,
  });
  problems.push(...mappingProblems);
  const mapped = new Set(mapping.flatMap((entry) => (entry.field === null ? [] : [entry.field])));
  if (mapped.size === 0 && mappingProblems.length === 0)
    problems.push({
      path: "/mapping",
      code: "import.nothingMapped",
      message: "Map at least one column to a field.",
    });
  const matchField =
    isMode(mode) && mode !== "insert"
      ? checkMatchField(ctx, object, { mode, matchField: body.matchField, mapped }, problems)
      : undefined;
  const idEntry = mapping.findIndex((entry) => entry.field === "id");
  if (idEntry >= 0 && isMode(mode) && mode !== "insert" && matchField !== "id")
    problems.push({
      path: `/mapping/${idEntry}/field`,
      code: "import.idNotWritable",
      message: 'Tessera assigns ids: map a column to id only to match records by it (matchField "id").',
    });
  if (problems.length > 0 || !isMode(mode)) throw invalid("The import settings are not valid", problems);
  return {
    mapping,
    mode,
    ...(matchField !== undefined && { matchField }),
    automation: automation === true,
    ...(isDateFormat(dateFormat) && { dateFormat }),
  };
};
