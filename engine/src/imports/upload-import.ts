import { mkdir } from "node:fs/promises";
import type { IncomingHttpHeaders } from "node:http";
import type { Readable } from "node:stream";
import type { JsonObject } from "@tessera/metadata";
import { EngineError } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { newRecordId } from "../records/record-id.js";
import { displayFileName } from "./file-format.js";
import { fileProblem } from "./file-problem.js";
import { importableObject } from "./import-access.js";
import { writeImport } from "./import-entries.js";
import { removeImportFiles, tenantImportsDir } from "./import-files.js";
import { emptyProgress, type ImportState } from "./import-state.js";
import { importView } from "./import-view.js";
import { mappableFields } from "./mappable-fields.js";
import { receiveUpload } from "./receive-upload.js";
import type { TextEncoding } from "./scan-csv-upload.js";
import { storeUpload } from "./store-upload.js";
import { suggestMapping } from "./suggest-mapping.js";

const encodingOf = (value: string | undefined): TextEncoding => {
  const name = (value ?? "utf-8").trim().toLowerCase();
  if (name === "utf-8" || name === "utf8") return "utf-8";
  // GB18030 is a superset of GBK and GB2312: one decoder reads all three.
  if (name === "gb18030" || name === "gbk" || name === "gb2312") return "gb18030";
  throw new EngineError(422, "invalid", "The encoding is not supported", [
    {
      path: "/encoding",
      code: "import.encoding",
      message: 'encoding is "utf-8" (the default) or "gb18030".',
    },
  ]);
};

/**
 * Takes an uploaded file for an import into `object` (multipart fields `object`, `file` and,
 * before the file, optionally `encoding`): streams it to disk under `root`, reads its headers, row
 * count and first rows on the way, and records the import (status "uploaded") with a suggested
 * mapping. Anything refused leaves no file and no import behind.
 */
export const uploadImport = async (
  ctx: RecordContext,
  root: string,
  headers: IncomingHttpHeaders,
  body: Readable,
): Promise<JsonObject> => {
  const id = newRecordId(ctx.now());
  const tenant = ctx.actor.tenant;
  await mkdir(tenantImportsDir(root, tenant), { recursive: true });
  let fileName = "";
  try {
    const { fields, result } = await receiveUpload(headers, body, async (file) => {
      // Sent first, the object is checked before a byte of the file is stored.
      if (file.fieldsBefore.object !== undefined) importableObject(ctx, file.fieldsBefore.object);
      fileName = file.fileName;
      return storeUpload(file.stream, file.fileName, encodingOf(file.fieldsBefore.encoding), {
        root,
        tenant,
        id,
      });
    });
    const object = importableObject(ctx, fields.object);
    if (result === undefined)
      throw fileProblem("import.noFile", 'Attach the file to import as the field "file".');
    const state: ImportState = {
      object: object.name,
      fileName: displayFileName(fileName, result.format),
      format: result.format,
      createdAt: ctx.now().toISOString(),
      createdBy: ctx.actor.userId,
      status: "uploaded",
      headers: result.headers,
      totalRows: result.totalRows,
      preview: result.preview,
      suggestedMapping: suggestMapping(result.headers, mappableFields(ctx, object)),
      progress: emptyProgress(),
      source: { delimiter: result.delimiter, dataOffset: result.dataOffset },
      checkpoint: { offset: result.dataOffset, row: 0, activeMs: 0 },
    };
    await writeImport(ctx.store, id, state, 0);
    return importView(id, state);
  } catch (error) {
    await removeImportFiles(root, tenant, id, "xlsx");
    throw error;
  }
};
