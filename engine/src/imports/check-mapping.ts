import { descriptorOf, type FieldDefinition, isPlainObject } from "@tessera/metadata";
import type { ProblemDetail } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { ColumnTransform, ImportMode, MappingEntry, ValueMapping } from "./import-state.js";
import { isUniqueKeyField, mappableFields, referenceTarget } from "./mappable-fields.js";

const MAX_VALUE_MAP = 1000;
const MAX_VALUE_LENGTH = 1000;
const ENTRY_KEYS: ReadonlySet<string> = new Set(["column", "field", "transform"]);
const TRANSFORM_KEYS: ReadonlySet<string> = new Set(["trim", "valueMap", "lookupBy"]);

export interface MappingCheck {
  mapping: MappingEntry[];
  problems: ProblemDetail[];
}

const optionValues = (field: FieldDefinition): ReadonlySet<string> | undefined =>
  field.type === "picklist" || field.type === "multiPicklist"
    ? new Set(field.options.map((option) => option.value))
    : undefined;

/** `{from: to}` or `[{from, to}]` (cell values with a dot or `$` cannot be keys of a request body). */
const readValueMap = (raw: unknown, path: string, problems: ProblemDetail[]): ValueMapping[] | undefined => {
  const pairs: unknown[] = Array.isArray(raw)
    ? raw
    : isPlainObject(raw)
      ? Object.entries(raw).map(([from, to]) => ({ from, to }))
      : [];
  const valid =
    (Array.isArray(raw) || isPlainObject(raw)) &&
    pairs.length <= MAX_VALUE_MAP &&
    pairs.every(
      (p) =>
        isPlainObject(p) &&
        typeof p.from === "string" &&
        typeof p.to === "string" &&
        p.from.length <= MAX_VALUE_LENGTH &&
        p.to.length <= MAX_VALUE_LENGTH,
    );
  if (!valid) {
    problems.push({
      path,
      code: "import.valueMap",
      message: `valueMap maps cell values to values to write (at most ${MAX_VALUE_MAP} texts of up to ${MAX_VALUE_LENGTH} characters).`,
    });
    return undefined;
  }
  return pairs.map((p) => {
    const { from, to } = p as ValueMapping;
    return { from, to };
  });
};

const checkLookupBy = (
  ctx: RecordContext,
  field: FieldDefinition,
  lookupBy: unknown,
  path: string,
  problems: ProblemDetail[],
): string | undefined => {
  const target = referenceTarget(field);
  if (target === undefined) {
    problems.push({
      path,
      code: "import.notALookup",
      message: `"${field.name}" does not reference records.`,
    });
    return undefined;
  }
  const compiled = ctx.metadata.objects.get(target);
  const readable = ctx.access.readableFields(target);
  const by = lookupBy ?? "name";
  if (by === "id") return "id";
  if (compiled === undefined || !ctx.access.can("read", target)) {
    problems.push({ path, code: "import.lookupBy", message: `You may only name ${target} records by id.` });
    return undefined;
  }
  if (by === "name") {
    if (readable.has(compiled.recordName)) return "name";
    problems.push({
      path,
      code: "import.lookupBy",
      message: `You may not read the names of ${target} records.`,
    });
    return undefined;
  }
  const keyField = typeof by === "string" ? compiled.fields.get(by) : undefined;
  if (keyField !== undefined && readable.has(keyField.name) && isUniqueKeyField(keyField))
    return keyField.name;
  problems.push({
    path,
    code: "import.lookupBy",
    message: `lookupBy is "name", "id" or a unique text, e-mail, phone or number field of ${target}.`,
  });
  return undefined;
};

const checkTransform = (
  ctx: RecordContext,
  field: FieldDefinition | undefined,
  raw: unknown,
  path: string,
  problems: ProblemDetail[],
): ColumnTransform | undefined => {
  if (raw === undefined) return undefined;
  if (!isPlainObject(raw)) {
    problems.push({ path, code: "import.transform", message: "transform is an object." });
    return undefined;
  }
  const transform: ColumnTransform = {};
  for (const key of Object.keys(raw))
    if (!TRANSFORM_KEYS.has(key))
      problems.push({
        path: `${path}/${key}`,
        code: "import.unknownKey",
        message: `Unknown transform "${key}".`,
      });
  if (raw.trim !== undefined) {
    if (typeof raw.trim === "boolean") transform.trim = raw.trim;
    else problems.push({ path: `${path}/trim`, code: "import.trim", message: "trim is true or false." });
  }
  if (raw.valueMap !== undefined) {
    const pairs = readValueMap(raw.valueMap, `${path}/valueMap`, problems);
    const options = field === undefined ? undefined : optionValues(field);
    const stray = pairs?.find((p) => options !== undefined && !options.has(p.to));
    if (stray !== undefined)
      problems.push({
        path: `${path}/valueMap`,
        code: "import.notAnOption",
        message: `"${stray.to.slice(0, 80)}" is not an option of "${field?.name}".`,
      });
    else if (pairs !== undefined) transform.valueMap = pairs;
  }
  if (field !== undefined && (raw.lookupBy !== undefined || referenceTarget(field) !== undefined)) {
    const by = checkLookupBy(ctx, field, raw.lookupBy, `${path}/lookupBy`, problems);
    if (by !== undefined && raw.lookupBy !== undefined) transform.lookupBy = by;
  }
  return transform;
};

/**
 * Checks a mapping for this user: each column (one of `headers`, when known) at most once; each
 * field one they may read and change and that users enter (computed fields, system fields and
 * fields hidden from them are refused, the hidden ones as unknown), at most once; "id" only to
 * match records (update and upsert); transforms that fit their field.
 */
export const checkMapping = (
  ctx: RecordContext,
  object: CompiledObject,
  raw: unknown,
  options: { headers?: readonly string[]; mode: ImportMode | undefined },
): MappingCheck => {
  const problems: ProblemDetail[] = [];
  if (!Array.isArray(raw)) {
    problems.push({
      path: "/mapping",
      code: "import.mapping",
      message: "mapping is a list of {column, field}.",
    });
    return { mapping: [], problems };
  }
  const fields = mappableFields(ctx, object);
  const readable = ctx.access.readableFields(object.name);
  const columns = new Set<string>();
  const mapped = new Set<string>();
  const mapping: MappingEntry[] = [];
  raw.forEach((entry: unknown, index) => {
    const path = `/mapping/${index}`;
    if (!isPlainObject(entry)) {
      problems.push({ path, code: "import.mapping", message: "Each mapping entry is {column, field}." });
      return;
    }
    for (const key of Object.keys(entry))
      if (!ENTRY_KEYS.has(key))
        problems.push({
          path: `${path}/${key}`,
          code: "import.unknownKey",
          message: `Unknown key "${key}".`,
        });
    const { column, field } = entry;
    if (typeof column !== "string" || column === "") {
      problems.push({
        path: `${path}/column`,
        code: "import.column",
        message: "column names a column of the file.",
      });
      return;
    }
    if (options.headers !== undefined && !options.headers.includes(column))
      problems.push({
        path: `${path}/column`,
        code: "import.unknownColumn",
        message: `The file has no column "${column.slice(0, 100)}".`,
      });
    if (columns.has(column))
      problems.push({
        path: `${path}/column`,
        code: "import.columnTwice",
        message: `"${column}" is mapped twice.`,
      });
    columns.add(column);
    if (field !== null && typeof field !== "string") {
      problems.push({
        path: `${path}/field`,
        code: "import.field",
        message: "field is a field name or null.",
      });
      return;
    }
    const definition = field === null || field === "id" ? undefined : fields.get(field);
    if (field === "id") {
      if (options.mode === "insert")
        problems.push({
          path: `${path}/field`,
          code: "import.idNotWritable",
          message: "Tessera assigns ids: map a column to id only to match records when updating.",
        });
    } else if (field !== null && definition === undefined) {
      const known = object.fields.get(field);
      problems.push(
        known === undefined || !readable.has(field)
          ? {
              path: `${path}/field`,
              code: "field.unknown",
              message: `"${object.name}" has no field "${field}".`,
            }
          : descriptorOf(known).source !== "input" || known.type === "file"
            ? { path: `${path}/field`, code: "field.readOnly", message: `"${field}" cannot be imported.` }
            : { path: `${path}/field`, code: "field.notEditable", message: `You may not change "${field}".` },
      );
    }
    if (field !== null && mapped.has(field))
      problems.push({
        path: `${path}/field`,
        code: "import.fieldTwice",
        message: `"${field}" is filled by two columns.`,
      });
    if (field !== null) mapped.add(field);
    const transform = checkTransform(ctx, definition, entry.transform, `${path}/transform`, problems);
    // A lookup column without a transform names records by name: the user must be able to read names.
    if (
      entry.transform === undefined &&
      definition !== undefined &&
      referenceTarget(definition) !== undefined
    )
      checkLookupBy(ctx, definition, undefined, `${path}/transform/lookupBy`, problems);
    const kept = transform !== undefined && Object.keys(transform).length > 0;
    mapping.push({ column, field, ...(kept && { transform }) });
  });
  return { mapping, problems };
};
