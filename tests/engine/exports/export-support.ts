import {
  type FieldDefinition,
  formatFieldValue,
  type JsonValue,
  type ObjectDefinition,
  type ValueFormat,
} from "@tessera/metadata";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { expect } from "vitest";
import type { ApiClient } from "../support/api-client.js";

type Json = Record<string, unknown>;

/** An answer read as bytes (the files are binary or must keep their byte order mark). */
export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

export const download = async (client: ApiClient, path: string): Promise<Download> => {
  const response = await fetch(`${client.baseUrl}${path}`, {
    headers: client.token === undefined ? {} : { authorization: `Bearer ${client.token}` },
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
};

/** A download as the API client would have answered it, for problem assertions. */
export const asResponse = (file: Download) => ({
  status: file.status,
  headers: file.headers,
  body: JSON.parse(file.bytes.toString("utf8")) as unknown,
});

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The rows of a CSV export (header first), after checking it starts with the UTF-8 BOM. */
export const csvRows = (file: Download): string[][] => {
  expect(file.status, file.bytes.toString("utf8")).toBe(200);
  expect(file.bytes.subarray(0, 3)).toEqual(UTF8_BOM);
  return parse(file.bytes, { bom: true, relax_column_count: false }) as string[][];
};

export const xlsxSheet = async (file: Download): Promise<ExcelJS.Worksheet> => {
  expect(file.status, file.bytes.toString("utf8")).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0] as ExcelJS.Worksheet;
};

/** The cell values of a worksheet's rows (header first), as exceljs reads them back. */
export const xlsxRows = (sheet: ExcelJS.Worksheet): unknown[][] => {
  const rows: unknown[][] = [];
  // columnCount walks every row: read it once.
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: unknown[] = [];
    for (let c = 1; c <= columns; c += 1) values.push(row.getCell(c).value ?? null);
    rows.push(values);
  });
  return rows;
};

/** Every record the list API returns for `query`, following its cursors. */
export const listAll = async (client: ApiClient, object: string, query: string): Promise<Json[]> => {
  const records: Json[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { records: Json[]; nextCursor: string | null } } = await client.get(
      `/api/v1/records/${object}?limit=200&${query}${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`,
    );
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    records.push(...page.body.records);
    cursor = page.body.nextCursor;
  } while (cursor !== null);
  return records;
};

/**
 * A list API record's value as the runtime's table shows it, in the CSV's guarded form: picklist
 * labels, amounts and dates by the shared formatter, references by name (else id).
 */
export const shownAs = (
  object: ObjectDefinition,
  record: Json,
  column: string,
  format: ValueFormat,
  userNames: ReadonlyMap<string, string> = new Map(),
): string => {
  const value = record[column];
  if (value === undefined || value === null) return "";
  const field = object.fields.find((f) => f.name === column) as FieldDefinition | undefined;
  let text: string;
  if (column === "ownerId") text = userNames.get(String(value)) ?? String(value);
  else if (field === undefined) text = String(value);
  else if (typeof value === "object" && "id" in value)
    text = String((value as { name?: string }).name ?? (value as { id: string }).id);
  else text = formatFieldValue(field, value as JsonValue, format);
  const numeric = field !== undefined && ["currency", "number", "percent"].includes(field.type);
  return !numeric && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};
