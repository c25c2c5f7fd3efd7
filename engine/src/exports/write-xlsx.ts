import { once } from "node:events";
import type { Writable } from "node:stream";
import type { FieldDefinition, Locale } from "@tessera/metadata";
import { CURRENCY_DEFAULT_SCALE, DEFAULT_CURRENCY, PERCENT_DEFAULT_SCALE } from "@tessera/metadata";
import ExcelJS from "exceljs";
import { cellKindOf, type ExportCell } from "./export-cells.js";
import type { ExportColumn } from "./export-columns.js";

const MAX_SHEET_NAME = 31;
const MAX_WIDTH = 60;

const decimals = (scale: number): string => (scale > 0 ? `.${"0".repeat(scale)}` : "");

const currencySymbol = (code: string, locale: Locale): string => {
  try {
    const parts = new Intl.NumberFormat(locale, { style: "currency", currency: code }).formatToParts(0);
    return parts.find((p) => p.type === "currency")?.value ?? code;
  } catch {
    return code;
  }
};

/** The number format of a column's cells: the field's scale, currency symbol, percent sign. */
export const numberFormatOf = (field: FieldDefinition, locale: Locale): string | undefined => {
  const kind = cellKindOf(field);
  if (kind === "date") return "yyyy-mm-dd";
  if (kind === "datetime") return "yyyy-mm-dd hh:mm";
  if (kind !== "number") return undefined;
  const type = field.type === "formula" ? field.returnType : field.type;
  const scale = "scale" in field && typeof field.scale === "number" ? field.scale : undefined;
  if (type === "currency") {
    const code =
      "currencyCode" in field && typeof field.currencyCode === "string" ? field.currencyCode : undefined;
    const symbol = currencySymbol(code ?? DEFAULT_CURRENCY, locale).replaceAll('"', "");
    return `"${symbol}"#,##0${decimals(scale ?? CURRENCY_DEFAULT_SCALE)}`;
  }
  // A percent field stores the figure (12.5 means 12.5 %): the cell keeps it and shows the sign.
  if (type === "percent") return `0${decimals(scale ?? PERCENT_DEFAULT_SCALE)}"%"`;
  return scale === undefined ? "General" : `#,##0${decimals(scale)}`;
};

// Wide characters (CJK) take about two columns of Excel's width unit.
const displayWidth = (text: string): number =>
  [...text].reduce((sum, c) => sum + ((c.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);

const widthOf = (column: ExportColumn): number => {
  const kind = cellKindOf(column.field);
  const base =
    kind === "date"
      ? 12
      : kind === "datetime"
        ? 18
        : kind === "number"
          ? 14
          : column.field.type === "boolean"
            ? 8
            : column.field.type === "textarea" || column.field.type === "richText"
              ? 40
              : 20;
  return Math.min(MAX_WIDTH, Math.max(base, displayWidth(column.label) + 2));
};

/** A worksheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export const sheetNameOf = (label: string, fallback: string): string => {
  const name = [...label.replace(/[:\\/?*[\]]/g, " ").trim()].slice(0, MAX_SHEET_NAME).join("").trim();
  return name === "" ? fallback : name;
};

const drained = async (out: Writable): Promise<void> => {
  if (out.writableNeedDrain && !out.destroyed) await Promise.race([once(out, "drain"), once(out, "close")]);
  if (out.destroyed) throw new Error("The export's receiver went away");
};

/**
 * Writes an XLSX workbook to `out` with exceljs' streaming writer: each row is committed (and
 * leaves memory) as it is added. One sheet: a bold, frozen header row of column labels, column
 * widths by type and label, numbers and dates as typed cells with number formats, the rest as
 * text cells (which a spreadsheet never evaluates, so no formula guard is needed here).
 */
export const writeXlsx = async (
  out: Writable,
  sheetName: string,
  locale: Locale,
  columns: readonly ExportColumn[],
  rows: AsyncIterable<readonly ExportCell[]>,
): Promise<void> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Tessera";
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => {
    const numFmt = numberFormatOf(column.field, locale);
    return { key: column.name, width: widthOf(column), ...(numFmt !== undefined && { style: { numFmt } }) };
  });
  const header = sheet.addRow(columns.map((c) => c.label));
  header.eachCell((cell) => {
    cell.style = { font: { bold: true } };
  });
  header.commit();
  let written = 0;
  for await (const row of rows) {
    sheet.addRow(row.map((cell) => cell.value)).commit();
    written += 1;
    if (written % 200 === 0) await drained(out);
  }
  sheet.commit();
  await workbook.commit();
};
