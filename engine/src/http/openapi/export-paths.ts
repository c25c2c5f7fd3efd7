import type { JsonSchema } from "@tessera/metadata";
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS } from "../../exports/export-format.js";
import { LIST_SCOPES } from "../../query/list-params.js";
import { problem, queryParam } from "./openapi-parts.js";

/** The media type without its parameters (the CSV is always UTF-8). */
const mediaType = (contentType: string): string => contentType.split(";")[0]?.trim() ?? contentType;

const STRING = { type: "string" };

/** The export route of one object the caller may read. */
export const exportPaths = (object: string, name: string): Record<string, JsonSchema> => ({
  [`/api/v1/records/${object}/export`]: {
    get: {
      operationId: `export${name}`,
      tags: [object],
      description:
        "The records the caller may see as a file (as the list API finds them), with the fields they may read: columns are fields= in its order, else the list view's columns, else every readable field; the header row has the field labels in the caller's language; values are shown as the runtime shows them. The CSV is UTF-8 with a BOM.",
      parameters: [
        queryParam("format", { enum: [...EXPORT_FORMATS], default: "csv" }, "The file's format"),
        queryParam(
          "view",
          STRING,
          "A list view of the object: its filter (ANDed with filter=), sort and scope apply unless given, its columns unless fields= is",
        ),
        queryParam("filter", STRING, "A filter, as the list API takes it (JSON)"),
        queryParam("sort", STRING, "Sort keys, as the list API takes them (-field for descending)"),
        queryParam("q", STRING, "Search text"),
        queryParam("fields", STRING, "Comma-separated fields to export, in column order"),
        queryParam("scope", { enum: [...LIST_SCOPES] }, "Whose records: all (default), mine or team"),
      ],
      responses: {
        "200": {
          description: "The file, streamed",
          headers: {
            "Content-Disposition": {
              schema: STRING,
              description: 'attachment; filename="<object>.<ext>" and filename* with the label and date',
            },
          },
          content: {
            [mediaType(EXPORT_CONTENT_TYPES.csv)]: {
              schema: { type: "string", description: "UTF-8 with BOM, CRLF line ends" },
            },
            [mediaType(EXPORT_CONTENT_TYPES.xlsx)]: { schema: { type: "string", format: "binary" } },
          },
        },
        "400": problem(
          "Bad format, view, filter, sort, fields or scope (pointers /format, /view, /filter/..., /sort/i, /fields/i, /scope), or no readable column",
        ),
        "404": problem("No such object, or not readable"),
      },
    },
  },
});
