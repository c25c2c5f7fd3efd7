import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ImportFormat } from "./import-state.js";

/**
 * `<dataDir>/imports`: where uploaded files live, per tenant. The server passes its data dir; an
 * app embedding the engine without one gets the directory `configFromEnv` would choose.
 */
export const importsRoot = (dataDir: string | undefined): string =>
  join(resolve(dataDir ?? process.env.TESSERA_DATA_DIR ?? ".tessera"), "imports");

/** Uploaded files of one tenant (tenant names are checked names: no path separators). */
export const tenantImportsDir = (root: string, tenant: string): string => join(root, tenant);

/**
 * The rows every later step reads: the CSV as UTF-8 without BOM (transcoded when it came in
 * GB18030), or the first sheet of an XLSX file converted to CSV.
 */
export const rowsFileOf = (root: string, tenant: string, id: string): string =>
  join(root, tenant, `${id}.csv`);

/** The uploaded workbook itself (CSV uploads are stored as their rows file only). */
export const workbookFileOf = (root: string, tenant: string, id: string): string =>
  join(root, tenant, `${id}.xlsx`);

export const removeImportFiles = async (
  root: string,
  tenant: string,
  id: string,
  format: ImportFormat,
): Promise<void> => {
  await rm(rowsFileOf(root, tenant, id), { force: true });
  if (format === "xlsx") await rm(workbookFileOf(root, tenant, id), { force: true });
};
