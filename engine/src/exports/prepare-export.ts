import type { Writable } from "node:stream";
import {
  isSystemField,
  type JsonValue,
  type ListView,
  localize,
  usableTimeZone,
  type ValueFormat,
} from "@tessera/metadata";
import { badRequest, EngineError, type ProblemDetail } from "../errors/engine-error.js";
import { type ListParams, parseListParams } from "../query/list-params.js";
import type { RecordContext } from "../records/record-context.js";
import { resolveObject } from "../records/resolve-object.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import { cellFormatter, type ExportCell } from "./export-cells.js";
import { type ExportColumn, exportColumns } from "./export-columns.js";
import { attachmentDisposition, localDate } from "./export-file-name.js";
import { EXPORT_CONTENT_TYPES, type ExportFormat, isExportFormat } from "./export-format.js";
import { type ExportPage, type ExportPageReader, exportPageReader } from "./export-pages.js";
import { writeCsv } from "./write-csv.js";
import { sheetNameOf, writeXlsx } from "./write-xlsx.js";

/** The query of `GET /records/{object}/export`, as strings (the HTTP layer never passes arrays). */
export interface ExportRequest {
  format?: string;
  view?: string;
  filter?: string;
  sort?: string;
  q?: string;
  fields?: string;
  scope?: string;
}

export interface PreparedExport {
  object: string;
  format: ExportFormat;
  contentType: string;
  contentDisposition: string;
  /** Rows written so far (also after a failure: what left the server). */
  readonly rows: number;
  /** Writes the whole file to `out` page by page, ending it; rejects (with `out` destroyed) on failure. */
  writeTo(out: Writable): Promise<void>;
}

const given = (value: string | undefined): value is string => value !== undefined && value !== "";

const ownListParams = (request: ExportRequest): ListParams => {
  const params: ListParams = {};
  for (const key of ["filter", "sort", "q", "fields", "scope"] as const)
    if (request[key] !== undefined) params[key] = request[key];
  return params;
};

/**
 * Checks the request up front, so every problem is answered as problem+json before a byte of the
 * file: format and view here, the list parameters by the list API's own parser (the same codes
 * and pointers, a hidden field refused exactly like an unknown one).
 */
const checkRequest = (
  ctx: RecordContext,
  object: CompiledObject,
  readable: ReadonlySet<string>,
  request: ExportRequest,
): { format: ExportFormat; view?: ListView } => {
  const errors: ProblemDetail[] = [];
  const format = given(request.format) ? request.format : "csv";
  if (!isExportFormat(format))
    errors.push({ path: "/format", code: "format.unknown", message: 'format is "csv" or "xlsx".' });
  let view: ListView | undefined;
  if (given(request.view)) {
    view = ctx.metadata.listViews.find((v) => v.name === request.view && v.object === object.name);
    if (view === undefined)
      errors.push({
        path: "/view",
        code: "view.unknown",
        message: `"${object.name}" has no list view "${request.view}".`,
      });
  }
  try {
    parseListParams(object, readable, ownListParams(request));
  } catch (error) {
    if (!(error instanceof EngineError) || error.status !== 400) throw error;
    errors.push(...error.errors);
  }
  if (errors.length > 0 || !isExportFormat(format))
    throw badRequest("The export request is not valid", errors);
  return { format, ...(view !== undefined && { view }) };
};

/**
 * What each page asks the list API, as the runtime asks it for a list view: the view's filter
 * ANDed with the caller's, the caller's sort or else the view's (keys the caller cannot read left
 * out), the caller's scope or else the view's, and the columns to fetch.
 */
const pageParams = (
  request: ExportRequest,
  view: ListView | undefined,
  readable: ReadonlySet<string>,
  columns: readonly ExportColumn[],
): ListParams => {
  const own = given(request.filter) ? (JSON.parse(request.filter) as JsonValue) : undefined;
  const filters = [view?.filter as JsonValue | undefined, own].filter((f) => f !== undefined);
  const viewSort = (view?.sort ?? [])
    .filter((k) => readable.has(k.field) || isSystemField(k.field))
    .map((k) => `${k.direction === "desc" ? "-" : ""}${k.field}`)
    .join(",");
  const sort = given(request.sort) ? request.sort : viewSort;
  const scope = given(request.scope) ? request.scope : view?.scope;
  const fields = columns.map((c) => c.name).filter((name) => readable.has(name));
  return {
    ...(filters.length === 1 && { filter: JSON.stringify(filters[0]) }),
    ...(filters.length > 1 && { filter: JSON.stringify({ and: filters }) }),
    ...(sort !== "" && { sort }),
    ...(given(request.q) && { q: request.q }),
    ...(scope !== undefined && { scope }),
    ...(fields.length > 0 && { fields: fields.join(",") }),
  };
};

const EMPTY_CELL: ExportCell = { text: "", value: null, untrusted: false };

async function* rowsOf(
  first: ExportPage | undefined,
  reader: ExportPageReader,
  columns: readonly ExportColumn[],
  format: ValueFormat,
  counted: { rows: number },
): AsyncGenerator<ExportCell[]> {
  const formatters = columns.map((c) => cellFormatter(c.field, format));
  for (let page = first; page !== undefined; page = await reader.next()) {
    for (const record of page.records) {
      counted.rows += 1;
      yield columns.map((column, i) => formatters[i]?.(record[column.name], page.userNames) ?? EMPTY_CELL);
    }
  }
}

/**
 * Prepares an export of the records the caller may see (engine/src/exports/README.md):
 * checks the request, resolves the columns, and reads the first page, so a request that cannot
 * be served fails before the response starts. The file is then written by `writeTo`.
 */
export const prepareExport = async (
  ctx: RecordContext,
  objectName: string,
  request: ExportRequest,
): Promise<PreparedExport> => {
  const object = resolveObject(ctx, objectName, "read");
  const readable = ctx.access.readableFields(object.name);
  const { format, view } = checkRequest(ctx, object, readable, request);
  const columns = exportColumns(object, readable, ctx.locale, {
    ...(given(request.fields) && { fields: request.fields.split(",").map((name) => name.trim()) }),
    ...(view !== undefined && { view }),
  });
  if (columns.length === 0)
    throw badRequest("The export request is not valid", [
      {
        path: given(request.fields) ? "/fields" : "/view",
        code: "export.noColumns",
        message: "None of the columns to export is a field you may read.",
      },
    ]);
  const userFields = columns
    .filter((c) => c.name === "ownerId" || c.name === "createdBy" || c.name === "updatedBy")
    .map((c) => c.name);
  const reader = exportPageReader(ctx, object.name, pageParams(request, view, readable, columns), userFields);
  const first = await reader.next();
  // The reader's own preference; reading it reveals nothing they could not read themselves.
  const me = await ctx.store.getRecord("user", ctx.actor.userId);
  const valueFormat: ValueFormat = { locale: ctx.locale, timeZone: usableTimeZone(me?.timeZone) };
  const label =
    localize(object.definition.pluralLabel, ctx.locale) ??
    localize(object.definition.label, ctx.locale) ??
    object.name;
  const counted = { rows: 0 };
  return {
    object: object.name,
    format,
    contentType: EXPORT_CONTENT_TYPES[format],
    contentDisposition: attachmentDisposition(
      label,
      object.name,
      localDate(ctx.now(), valueFormat.timeZone),
      format,
    ),
    get rows() {
      return counted.rows;
    },
    writeTo: (out) => {
      const rows = rowsOf(first, reader, columns, valueFormat, counted);
      return format === "csv"
        ? writeCsv(out, columns, rows)
        : writeXlsx(out, sheetNameOf(label, object.name), ctx.locale, columns, rows);
    },
  };
};
