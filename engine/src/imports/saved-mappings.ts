import { isPlainObject, type JsonObject } from "@tessera/metadata";
import { invalid, notFound, type ProblemDetail } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { checkMapping } from "./check-mapping.js";
import { isDateFormat } from "./check-settings.js";
import { hasControlCharacter } from "./control-characters.js";
import { importableObject } from "./import-access.js";
import { IMPORT_MAPPINGS } from "./import-entries.js";
import { IMPORT_MODES, type ImportMode, type MappingEntry } from "./import-state.js";
import { presentMapping } from "./import-view.js";

/** A mapping saved for files of the same shape: entry `<object>:<name>` of `importMappings`. */
interface SavedMapping {
  name: string;
  object: string;
  mapping: MappingEntry[];
  mode?: ImportMode;
  matchField?: string;
  automation?: boolean;
  dateFormat?: string;
  updatedAt: string;
  updatedBy: string;
}

const KEYS: ReadonlySet<string> = new Set([
  "object",
  "mapping",
  "mode",
  "matchField",
  "automation",
  "dateFormat",
]);
const MAX_SAVED = 500;

const checkName = (name: string): string => {
  const trimmed = name.trim();
  if (trimmed === "" || trimmed.length > 80 || trimmed.includes("/") || hasControlCharacter(trimmed))
    throw invalid("The mapping name is not valid", [
      {
        path: "/name",
        code: "import.mappingName",
        message: "A mapping name has 1 to 80 characters, without / or control characters.",
      },
    ]);
  return trimmed;
};

const view = (saved: SavedMapping): JsonObject => ({
  ...(saved as unknown as JsonObject),
  mapping: presentMapping(saved.mapping),
});

/** The mappings saved for `object`, by name. */
export const listSavedMappings = async (ctx: RecordContext, object: unknown): Promise<JsonObject[]> => {
  const target = importableObject(ctx, object);
  const entries = await ctx.store.listEntries(IMPORT_MAPPINGS, {
    prefix: `${target.name}:`,
    order: "asc",
    limit: MAX_SAVED,
  });
  return entries.map((entry) => view(entry.body as unknown as SavedMapping));
};

/**
 * Saves (or replaces) a named mapping for an object, for anyone who imports into it. Its fields
 * are checked as for an import by the saving user; its columns are checked when an import uses it.
 */
export const saveMapping = async (
  ctx: RecordContext,
  rawName: string,
  body: unknown,
): Promise<JsonObject> => {
  const name = checkName(rawName);
  if (!isPlainObject(body))
    throw invalid("The mapping is not valid", [
      { path: "", code: "body.notAnObject", message: "Send {object, mapping}." },
    ]);
  const object = importableObject(ctx, body.object);
  const problems: ProblemDetail[] = [];
  for (const key of Object.keys(body))
    if (!KEYS.has(key))
      problems.push({ path: `/${key}`, code: "import.unknownKey", message: `Unknown key "${key}".` });
  const mode = body.mode;
  const isMode = (IMPORT_MODES as readonly unknown[]).includes(mode);
  if (mode !== undefined && !isMode)
    problems.push({
      path: "/mode",
      code: "import.mode",
      message: `mode is one of ${IMPORT_MODES.join(", ")}.`,
    });
  const { matchField, automation, dateFormat } = body;
  if (
    matchField !== undefined &&
    (typeof matchField !== "string" || (matchField !== "id" && !object.fields.has(matchField)))
  )
    problems.push({
      path: "/matchField",
      code: "import.matchField",
      message: "matchField is id or a field of the object.",
    });
  if (automation !== undefined && typeof automation !== "boolean")
    problems.push({
      path: "/automation",
      code: "import.automation",
      message: "automation is true or false.",
    });
  if (dateFormat !== undefined && !isDateFormat(dateFormat))
    problems.push({
      path: "/dateFormat",
      code: "import.dateFormat",
      message: "dateFormat is not one Tessera reads.",
    });
  const checked = checkMapping(ctx, object, body.mapping, {
    mode: isMode ? (mode as ImportMode) : undefined,
  });
  problems.push(...checked.problems);
  if (problems.length > 0) throw invalid("The mapping is not valid", problems);
  const saved: SavedMapping = {
    name,
    object: object.name,
    mapping: checked.mapping,
    ...(isMode && { mode: mode as ImportMode }),
    ...(typeof matchField === "string" && { matchField }),
    ...(typeof automation === "boolean" && { automation }),
    ...(typeof dateFormat === "string" && { dateFormat }),
    updatedAt: ctx.now().toISOString(),
    updatedBy: ctx.actor.userId,
  };
  await ctx.store.putEntry(IMPORT_MAPPINGS, `${object.name}:${name}`, saved as unknown as JsonObject);
  return view(saved);
};

export const deleteMapping = async (ctx: RecordContext, rawName: string, object: unknown): Promise<void> => {
  const target = importableObject(ctx, object);
  const name = checkName(rawName);
  if (!(await ctx.store.deleteEntry(IMPORT_MAPPINGS, `${target.name}:${name}`)))
    throw notFound(`No saved mapping "${name}"`);
};
