import type { JsonSchema } from "@tessera/metadata";
import { MAX_PREVIEW_DOCUMENTS } from "../../registry/preview-draft.js";

const PROBLEM = { $ref: "#/components/schemas/Problem" };
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: PROBLEM } },
});
const json = (schema: JsonSchema, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const tags = ["metadata"];
const FORBIDDEN = problem("The caller lacks the manageMetadata permission");

/** Schemas of the draft and publish routes (for callers who may manage metadata). */
export const METADATA_SCHEMAS: Record<string, JsonSchema> = {
  MetadataDocument: {
    type: "object",
    required: ["kind", "name"],
    properties: { kind: { type: "string" }, name: { type: "string" } },
    additionalProperties: true,
  },
  DraftDocument: {
    type: "object",
    required: ["kind", "name", "document", "updatedAt", "updatedBy"],
    properties: {
      kind: { type: "string" },
      name: { type: "string" },
      document: ref("MetadataDocument"),
      updatedAt: { type: "string", format: "date-time" },
      updatedBy: { type: "string", description: "Id of the user who wrote it" },
    },
  },
  DocumentChange: {
    type: "object",
    required: ["kind", "name", "change"],
    properties: {
      kind: { type: "string" },
      name: { type: "string" },
      change: { enum: ["added", "removed", "changed"] },
      fields: {
        type: "array",
        description: "For a changed object: what happened to each field",
        items: {
          type: "object",
          required: ["field", "change"],
          properties: {
            field: { type: "string" },
            change: {
              enum: [
                "added",
                "removed",
                "changed",
                "typeChanged",
                "requiredAdded",
                "uniqueAdded",
                "referenceChanged",
                "maxLengthReduced",
                "optionsRemoved",
              ],
            },
            from: { type: "string" },
            to: { type: "string" },
            options: { type: "array", items: { type: "string" } },
          },
        },
      },
    },
  },
  Impact: {
    type: "object",
    required: ["object", "severity", "code", "records", "message"],
    properties: {
      object: { type: "string" },
      field: { type: "string" },
      severity: {
        enum: ["destructive", "blocking"],
        description: "destructive: publishing needs force; blocking: cannot be published at all",
      },
      code: { type: "string" },
      records: { type: "integer", minimum: 1 },
      message: { type: "string" },
    },
  },
  DraftPreview: {
    type: "object",
    required: ["changes", "impact", "issues"],
    properties: {
      changes: { type: "array", items: ref("DocumentChange") },
      impact: { type: "array", items: ref("Impact") },
      issues: {
        type: "array",
        description:
          "Problems publishing would refuse, path /<kind>/<name><pointer>. A document with problems of its own counts as unchanged in changes and impact.",
        items: {
          type: "object",
          required: ["path", "code", "message"],
          properties: { path: { type: "string" }, code: { type: "string" }, message: { type: "string" } },
        },
      },
    },
  },
  VersionSummary: {
    type: "object",
    required: ["version", "publishedAt", "publishedBy"],
    properties: {
      version: { type: "integer", minimum: 1 },
      publishedAt: { type: "string", format: "date-time" },
      publishedBy: { type: "string" },
    },
  },
};

const versionParam = {
  name: "version",
  in: "path",
  required: true,
  schema: { type: "integer", minimum: 1 },
};

/** The draft, preview, discard, publish and version routes under /api/v1/metadata. */
export const METADATA_PATHS: Record<string, JsonSchema> = {
  "/api/v1/metadata/draft/documents": {
    get: {
      operationId: "listDraftDocuments",
      tags,
      responses: {
        "200": json(
          {
            type: "object",
            required: ["documents"],
            properties: { documents: { type: "array", items: ref("DraftDocument") } },
          },
          "Every document of the draft, whole",
        ),
        "403": FORBIDDEN,
      },
    },
  },
  "/api/v1/metadata/draft/preview": {
    post: {
      operationId: "previewDraft",
      tags,
      description:
        "What publishing the draft would do, without publishing. Documents sent replace the draft's documents of the same kind and name, or join them, for this assessment only: nothing is stored.",
      requestBody: {
        required: false,
        content: {
          "application/json": {
            schema: {
              type: "object",
              additionalProperties: false,
              properties: {
                documents: {
                  type: "array",
                  maxItems: MAX_PREVIEW_DOCUMENTS,
                  items: ref("MetadataDocument"),
                },
              },
            },
          },
        },
      },
      responses: {
        "200": json(ref("DraftPreview"), "Changes, data impact and problems of the draft"),
        "400": problem("Not {} or {documents: [...]}; a document without kind or name; too many"),
        "403": FORBIDDEN,
      },
    },
  },
  "/api/v1/metadata/draft/discard": {
    post: {
      operationId: "discardDraft",
      tags,
      description: "The draft becomes the published version's documents again (audited).",
      responses: {
        "204": { description: "Discarded" },
        "400": problem("A body other than {}"),
        "403": FORBIDDEN,
        "409": problem("Nothing is published yet (code discard.nothingPublished)"),
      },
    },
  },
  "/api/v1/metadata/publish": {
    post: {
      operationId: "publishDraft",
      tags,
      requestBody: {
        required: false,
        content: {
          "application/json": {
            schema: {
              type: "object",
              additionalProperties: false,
              properties: { force: { type: "boolean" } },
            },
          },
        },
      },
      responses: {
        "200": json(
          {
            type: "object",
            required: ["version", "changes", "impact", "migratedRecords"],
            properties: {
              version: { type: "integer" },
              changes: { type: "array", items: ref("DocumentChange") },
              impact: { type: "array", items: ref("Impact") },
              migratedRecords: { type: "integer" },
            },
          },
          "Published",
        ),
        "400": problem("A body other than {} or {force: boolean}"),
        "403": FORBIDDEN,
        "409": problem(
          "publish.noChanges, publish.destructive (impact), publish.blocked or publish.concurrent",
        ),
        "422": problem("The draft has problems, path /<kind>/<name><pointer>"),
      },
    },
  },
  "/api/v1/metadata/versions": {
    get: {
      operationId: "listMetadataVersions",
      tags,
      responses: {
        "200": json(
          {
            type: "object",
            required: ["versions"],
            properties: { versions: { type: "array", items: ref("VersionSummary") } },
          },
          "Published versions, newest first",
        ),
        "403": FORBIDDEN,
      },
    },
  },
  "/api/v1/metadata/versions/{version}": {
    get: {
      operationId: "readMetadataVersion",
      tags,
      parameters: [versionParam],
      responses: {
        "200": json(
          {
            allOf: [
              ref("VersionSummary"),
              {
                type: "object",
                required: ["changes", "documents"],
                properties: {
                  changes: {
                    type: "array",
                    description: "Against the previous version",
                    items: ref("DocumentChange"),
                  },
                  documents: { type: "array", items: ref("MetadataDocument") },
                },
              },
            ],
          },
          "One published version with its documents",
        ),
        "400": problem("version is not a positive whole number"),
        "403": FORBIDDEN,
        "404": problem("No such version"),
      },
    },
  },
};
