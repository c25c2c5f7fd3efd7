import type { JsonSchema } from "@tessera/metadata";
import { EXPORT_CONTENT_TYPES } from "../../exports/export-format.js";
import { MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS, PREVIEW_ROWS } from "../../imports/import-limits.js";
import { DATE_FORMATS, IMPORT_MODES } from "../../imports/import-state.js";
import type { ImportStatus } from "../../imports/index.js";
import { closed, json, jsonBody, pathParam, problem, queryParam, ref } from "./openapi-parts.js";

const tags = ["imports"];
const mappingTags = ["importMappings"];
const XLSX = EXPORT_CONTENT_TYPES.xlsx;
const TEXT = { type: "string" };
// Every status, each once: the compiler checks the keys against ImportStatus both ways.
const STATUSES: Record<ImportStatus, true> = {
  uploaded: true,
  mapped: true,
  running: true,
  completed: true,
  failed: true,
  cancelled: true,
};
const COUNT = { type: "integer", minimum: 0 };
const TIME = { type: "string", format: "date-time" };
const FIELD = { type: ["string", "null"], description: "The field the column fills; null: not imported" };
const LOOKUP_BY = {
  type: "string",
  description: "How a lookup column names its record: name (default), id or a unique field of the target",
};

/** A mapping entry as Tessera answers it: a value map is {cell value: written value}. */
const mappingEntry: JsonSchema = {
  type: "object",
  required: ["column", "field"],
  properties: {
    column: TEXT,
    field: FIELD,
    transform: {
      type: "object",
      properties: {
        trim: { type: "boolean" },
        valueMap: { type: "object", additionalProperties: TEXT },
        lookupBy: LOOKUP_BY,
      },
    },
  },
};

/** A mapping entry as sent; a value map may be pairs, for cell values JSON keys cannot carry. */
const mappingEntryInput: JsonSchema = closed(
  {
    column: TEXT,
    field: FIELD,
    transform: closed({
      trim: { type: "boolean", default: true },
      valueMap: {
        anyOf: [
          { type: "object", additionalProperties: TEXT },
          { type: "array", items: closed({ from: TEXT, to: TEXT }, ["from", "to"]) },
        ],
      },
      lookupBy: LOOKUP_BY,
    }),
  },
  ["column", "field"],
);

const MODE = {
  enum: [...IMPORT_MODES],
  description: "insert needs create permission, update edit permission, upsert both",
};
const MATCH_FIELD = {
  type: "string",
  description: "update and upsert: id (update only) or a unique field the mapping fills",
};
const AUTOMATION = { type: "boolean", description: "false: the object's automation rules do not run" };
const DATE_FORMAT = {
  enum: [...DATE_FORMATS],
  description: "How day-month-year values are read (year-first values always are)",
};

/** Schemas of the import routes. */
export const IMPORT_SCHEMAS: Record<string, JsonSchema> = {
  ImportMappingEntry: mappingEntry,
  ImportMappingEntryInput: mappingEntryInput,
  ImportError: {
    type: "object",
    required: ["row", "column", "message"],
    properties: {
      row: { type: "integer", minimum: 1, description: "1-based data row (the header row excluded)" },
      column: { type: ["string", "null"] },
      message: TEXT,
    },
  },
  ImportSettingsInput: closed(
    {
      mapping: { type: "array", maxItems: MAX_IMPORT_COLUMNS, items: ref("ImportMappingEntryInput") },
      mode: MODE,
      matchField: MATCH_FIELD,
      automation: { ...AUTOMATION, default: true },
      dateFormat: DATE_FORMAT,
    },
    ["mapping", "mode"],
  ),
  ImportView: {
    type: "object",
    required: [
      "id",
      "object",
      "fileName",
      "format",
      "createdAt",
      "createdBy",
      "status",
      "headers",
      "totalRows",
      "preview",
      "suggestedMapping",
      "progress",
    ],
    properties: {
      id: TEXT,
      object: TEXT,
      fileName: TEXT,
      format: { enum: ["csv", "xlsx"] },
      createdAt: TIME,
      createdBy: TEXT,
      status: { enum: Object.keys(STATUSES) },
      headers: { type: "array", items: TEXT },
      totalRows: COUNT,
      preview: {
        type: "array",
        maxItems: PREVIEW_ROWS,
        description: `The first ${PREVIEW_ROWS} data rows as text`,
        items: { type: "array", items: TEXT },
      },
      suggestedMapping: { type: "array", items: ref("ImportMappingEntry") },
      settings: {
        type: "object",
        required: ["mapping", "mode", "automation"],
        properties: {
          mapping: { type: "array", items: ref("ImportMappingEntry") },
          mode: MODE,
          matchField: MATCH_FIELD,
          automation: AUTOMATION,
          dateFormat: DATE_FORMAT,
        },
      },
      progress: {
        type: "object",
        required: ["processed", "created", "updated", "failed", "skipped", "percent", "rowsPerSecond"],
        properties: {
          processed: COUNT,
          created: COUNT,
          updated: COUNT,
          failed: COUNT,
          skipped: COUNT,
          percent: { type: "number", minimum: 0, maximum: 100 },
          rowsPerSecond: { type: "number", minimum: 0 },
          startedAt: TIME,
          finishedAt: TIME,
        },
      },
      dryRun: {
        type: "object",
        required: ["wouldCreate", "wouldUpdate", "wouldFail", "errors"],
        properties: {
          wouldCreate: COUNT,
          wouldUpdate: COUNT,
          wouldFail: COUNT,
          errors: { type: "array", description: "The first problems", items: ref("ImportError") },
        },
      },
      error: { type: "string", description: "Why a failed import stopped" },
    },
  },
  SavedImportMapping: {
    type: "object",
    required: ["name", "object", "mapping", "updatedAt", "updatedBy"],
    properties: {
      name: TEXT,
      object: TEXT,
      mapping: { type: "array", items: ref("ImportMappingEntry") },
      mode: MODE,
      matchField: TEXT,
      automation: { type: "boolean" },
      dateFormat: TEXT,
      updatedAt: TIME,
      updatedBy: TEXT,
    },
  },
  SavedImportMappingInput: closed(
    {
      object: TEXT,
      mapping: { type: "array", items: ref("ImportMappingEntryInput") },
      mode: MODE,
      matchField: TEXT,
      automation: { type: "boolean" },
      dateFormat: DATE_FORMAT,
    },
    ["object", "mapping"],
  ),
};

const importId = pathParam("id", "The import's id");
const view = (description: string) => json(ref("ImportView"), description);
const NOT_FOUND = problem("No such import of the caller (or its object is no longer readable)");
const STATUS_CONFLICT = (codes: string) => problem(`The import's status does not allow it (${codes})`);
const RECHECKED = {
  "403": problem("The caller may no longer write what the settings map"),
  "422": problem("The settings no longer fit the object (with pointers)"),
};
const mappingName = pathParam("name", "The mapping's name (1 to 80 characters, no /)");
const mappingObject = (required: boolean) => ({
  name: "object",
  in: "query",
  required,
  schema: TEXT,
  description: "The object the mappings are for",
});
const MAPPING_OBJECT_REFUSED = {
  "403": problem("The caller may not import into the object"),
  "404": problem("No such object, or not readable"),
};

/** Upload, mapping, dry run, run, cancel and error report of imports; saved mappings. */
export const IMPORT_PATHS: Record<string, JsonSchema> = {
  "/api/v1/imports": {
    post: {
      operationId: "uploadImport",
      tags,
      description:
        "Uploads a CSV or XLSX file to import into an object. The file is stored while it arrives, its headers, row count and first rows read on the way; the answer suggests a mapping from the fields' labels and names. Send object (and encoding) before file to be refused before the file is stored.",
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["object", "file"],
              properties: {
                object: { type: "string", description: "The object to import into" },
                encoding: {
                  enum: ["utf-8", "gb18030"],
                  default: "utf-8",
                  description: "A CSV file's text encoding (gbk and gb2312 are read as gb18030)",
                },
                file: {
                  type: "string",
                  format: "binary",
                  description: `A CSV file, or an XLSX workbook (its first sheet); at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB`,
                },
              },
            },
            encoding: { file: { contentType: `text/csv, ${XLSX}, application/octet-stream` } },
          },
        },
      },
      responses: {
        "201": {
          ...view("Uploaded (status uploaded), with a suggested mapping"),
          headers: { Location: { schema: TEXT, description: "The import's URL" } },
        },
        "400": problem("The multipart body is malformed"),
        "403": problem("The caller may neither create nor change the object's records"),
        "404": problem("No such object, or not readable"),
        "413": problem("The file is too large"),
        "415": problem("Not multipart/form-data, or not a CSV or XLSX file"),
        "422": problem("No object or file, an empty file, a bad encoding, too many rows or columns"),
      },
    },
    get: {
      operationId: "browseImports",
      tags,
      parameters: [
        queryParam("object", TEXT, "Only imports into this object"),
        queryParam("limit", { type: "integer", minimum: 1, maximum: 200, default: 50 }, "Imports per page"),
        queryParam("cursor", TEXT, "nextCursor of the previous page"),
      ],
      responses: {
        "200": json(
          {
            type: "object",
            required: ["imports", "nextCursor"],
            properties: {
              imports: { type: "array", items: ref("ImportView") },
              nextCursor: { type: ["string", "null"] },
            },
          },
          "The caller's imports, newest first",
        ),
        "400": problem("Bad limit or cursor"),
      },
    },
  },
  "/api/v1/imports/{id}": {
    get: {
      operationId: "readImport",
      tags,
      parameters: [importId],
      responses: { "200": view("The import and its progress"), "404": NOT_FOUND },
    },
    delete: {
      operationId: "removeImport",
      tags,
      description: "Forgets an import that is not running: its file and error report. Records it wrote stay.",
      parameters: [importId],
      responses: {
        "204": { description: "Deleted" },
        "404": NOT_FOUND,
        "409": problem("The import is running; cancel it first (import.running)"),
      },
    },
  },
  "/api/v1/imports/{id}/settings": {
    put: {
      operationId: "saveImportSettings",
      tags,
      description: "Saves the mapping and options (status mapped); a previous dry run no longer applies.",
      parameters: [importId],
      requestBody: jsonBody(ref("ImportSettingsInput")),
      responses: {
        "200": view("Mapped"),
        "403": problem("The caller may not write records the way the mode needs"),
        "404": NOT_FOUND,
        "409": STATUS_CONFLICT("import.notEditable, import.changed"),
        "422": problem("Invalid settings (with pointers)"),
      },
    },
  },
  "/api/v1/imports/{id}/dry-run": {
    post: {
      operationId: "dryRunImport",
      tags,
      description: "Checks every row as the run would, writing nothing.",
      parameters: [importId],
      responses: {
        "200": view("With dryRun: what would be created, updated or refused"),
        ...RECHECKED,
        "404": NOT_FOUND,
        "409": STATUS_CONFLICT("import.notMapped"),
      },
    },
  },
  "/api/v1/imports/{id}/run": {
    post: {
      operationId: "runImport",
      tags,
      description: "Starts the import as a job in batches; GET the import to follow its progress.",
      parameters: [importId],
      responses: {
        "202": view("Started (status running)"),
        ...RECHECKED,
        "404": NOT_FOUND,
        "409": STATUS_CONFLICT("import.notStartable, import.changed"),
      },
    },
  },
  "/api/v1/imports/{id}/cancel": {
    post: {
      operationId: "cancelImport",
      tags,
      description: "Stops the import at its next batch; rows written until then stay and are counted.",
      parameters: [importId],
      responses: {
        "200": view("Cancelled"),
        "404": NOT_FOUND,
        "409": STATUS_CONFLICT("import.finished"),
      },
    },
  },
  "/api/v1/imports/{id}/errors.csv": {
    get: {
      operationId: "readImportErrors",
      tags,
      parameters: [importId],
      responses: {
        "200": {
          description:
            "One line per problem: row, column, message, then the row's original values (UTF-8 with BOM)",
          headers: { "Content-Disposition": { schema: TEXT, description: "attachment" } },
          content: { "text/csv": { schema: TEXT } },
        },
        "404": NOT_FOUND,
      },
    },
  },
  "/api/v1/import-mappings": {
    get: {
      operationId: "browseImportMappings",
      tags: mappingTags,
      parameters: [mappingObject(true)],
      responses: {
        "200": json(
          {
            type: "object",
            required: ["mappings"],
            properties: { mappings: { type: "array", items: ref("SavedImportMapping") } },
          },
          "The mappings saved for the object, by name",
        ),
        ...MAPPING_OBJECT_REFUSED,
        "422": problem("No object named"),
      },
    },
  },
  "/api/v1/import-mappings/{name}": {
    put: {
      operationId: "saveImportMapping",
      tags: mappingTags,
      description: "Saves (or replaces) a named mapping of an object, for anyone who imports into it.",
      parameters: [mappingName],
      requestBody: jsonBody(ref("SavedImportMappingInput")),
      responses: {
        "200": json(ref("SavedImportMapping"), "Saved"),
        ...MAPPING_OBJECT_REFUSED,
        "422": problem("Invalid name or mapping (with pointers)"),
      },
    },
    delete: {
      operationId: "removeImportMapping",
      tags: mappingTags,
      parameters: [mappingName, mappingObject(true)],
      responses: {
        "204": { description: "Deleted" },
        "403": problem("The caller may not import into the object"),
        "404": problem("No such mapping, or no such object"),
        "422": problem("No object named, or an invalid name"),
      },
    },
  },
};
