import { DUPLICATE_ACTIONS, type JsonSchema } from "@tessera/metadata";
import { closed, json, jsonBody, pathParam, problem, queryParam, ref } from "./openapi-parts.js";

const tags = ["duplicates"];
const mergeTags = ["merges"];
const STRING_IDS: JsonSchema = { type: "array", items: { type: "string" } };
/** As many records as one merge takes into its survivor. */
const MAX_MERGED = 2;

/** Schemas of the duplicate search and merge routes. */
export const DUPLICATE_SCHEMAS: Record<string, JsonSchema> = {
  DuplicateJob: {
    type: "object",
    required: ["id", "object", "rules", "status", "progress", "pairs", "groups", "createdAt", "createdBy"],
    properties: {
      id: { type: "string" },
      object: { type: "string" },
      rules: { ...STRING_IDS, description: "The duplicate rules it applies, by name" },
      status: { enum: ["running", "completed", "failed"] },
      progress: {
        type: "object",
        required: ["processed", "total", "percent"],
        properties: {
          processed: { type: "integer", minimum: 0 },
          total: { type: "integer", minimum: 0 },
          percent: { type: "number", minimum: 0, maximum: 100 },
        },
      },
      pairs: { type: "integer", minimum: 0, description: "Matching pairs found" },
      groups: {
        type: "integer",
        minimum: 0,
        description: "Groups found (a reader sees those with two records they may see)",
      },
      createdAt: { type: "string", format: "date-time" },
      createdBy: { type: "string" },
      startedAt: { type: "string", format: "date-time" },
      finishedAt: { type: "string", format: "date-time" },
      error: { type: "string", description: "Why it failed" },
    },
  },
  DuplicateGroup: {
    type: "object",
    required: ["id", "rule", "score", "records"],
    properties: {
      id: { type: "string" },
      rule: { type: "string" },
      score: { type: "number", minimum: 0, maximum: 1 },
      records: {
        type: "array",
        minItems: 2,
        description: "Only records the caller may see, with only the fields they may read",
        items: {
          type: "object",
          required: ["id", "name", "values"],
          properties: {
            id: { type: "string" },
            name: { type: ["string", "null"] },
            values: { type: "object", description: "{field: value}; lookups as {id, name}" },
          },
        },
      },
    },
  },
  DuplicateMatch: {
    type: "object",
    required: ["rule", "label", "action", "score", "record"],
    properties: {
      rule: { type: "string" },
      label: { type: "string", description: "The rule's label in the caller's language" },
      action: { enum: [...DUPLICATE_ACTIONS] },
      score: { type: "number", minimum: 0, maximum: 1 },
      record: {
        type: "object",
        required: ["id", "name"],
        properties: { id: { type: "string" }, name: { type: ["string", "null"] } },
      },
    },
  },
  Merge: {
    type: "object",
    required: ["id", "object", "survivorId", "mergedIds", "at", "by", "state"],
    properties: {
      id: { type: "string" },
      object: { type: "string" },
      survivorId: { type: "string" },
      mergedIds: STRING_IDS,
      at: { type: "string", format: "date-time" },
      by: { type: "string", description: "Id of the user who merged" },
      state: {
        enum: ["moving", "done", "undone"],
        description: "moving: it did not finish (and cannot be undone)",
      },
      undoneAt: { type: "string", format: "date-time" },
    },
  },
};

const jobId = pathParam("id", "The duplicate job's id");
const objectQuery = {
  name: "object",
  in: "query",
  required: true,
  schema: { type: "string" },
  description: "The object's name",
};

/** Finding duplicates (jobs and their groups), checking a form's values, and the merge history. */
export const DUPLICATE_PATHS: Record<string, JsonSchema> = {
  "/api/v1/duplicates/jobs": {
    post: {
      operationId: "startDuplicateJob",
      tags,
      description:
        "Starts finding duplicates of an object with one of its duplicate rules, or all its active ones, as a job of the caller.",
      requestBody: jsonBody(closed({ object: { type: "string" }, rule: { type: "string" } }, ["object"])),
      responses: {
        "202": {
          ...json(ref("DuplicateJob"), "Started (status running)"),
          headers: { Location: { schema: { type: "string" }, description: "The job's URL" } },
        },
        "404": problem("No such object, or not readable"),
        "422": problem("No object named, an unknown rule, or no active rule (with pointers)"),
      },
    },
    get: {
      operationId: "browseDuplicateJobs",
      tags,
      parameters: [objectQuery],
      responses: {
        "200": json(
          {
            type: "object",
            required: ["jobs"],
            properties: { jobs: { type: "array", items: ref("DuplicateJob") } },
          },
          "The caller's latest jobs on the object, newest first",
        ),
        "400": problem("No object named"),
        "404": problem("No such object, or not readable"),
      },
    },
  },
  "/api/v1/duplicates/jobs/{id}": {
    get: {
      operationId: "readDuplicateJob",
      tags,
      parameters: [jobId],
      responses: {
        "200": json(ref("DuplicateJob"), "The job and its progress"),
        "404": problem("No such job of the caller"),
      },
    },
  },
  "/api/v1/duplicates/jobs/{id}/groups": {
    get: {
      operationId: "browseDuplicateGroups",
      tags,
      description:
        "The groups a job found, best score first, as the caller may see them: records they may not see are left out, and so are groups left with fewer than two.",
      parameters: [
        jobId,
        queryParam("limit", { type: "integer", minimum: 1, maximum: 100, default: 20 }, "Groups per page"),
        queryParam("cursor", { type: "string" }, "nextCursor of the previous page"),
      ],
      responses: {
        "200": json(
          {
            type: "object",
            required: ["groups", "nextCursor"],
            properties: {
              groups: { type: "array", items: ref("DuplicateGroup") },
              nextCursor: { type: ["string", "null"] },
            },
          },
          "A page of groups",
        ),
        "400": problem("Bad limit or cursor"),
        "404": problem("No such job of the caller"),
      },
    },
  },
  "/api/v1/duplicates/check/{object}": {
    post: {
      operationId: "checkDuplicates",
      tags,
      description:
        "Records the object's active duplicate rules find like a form's values, before it is saved. With id, the record being edited: its stored values fill what the form does not send.",
      parameters: [pathParam("object", "The object's name")],
      requestBody: jsonBody({
        type: "object",
        required: ["values"],
        properties: {
          values: { type: "object", description: "The form's values, {field: value}" },
          id: { type: "string" },
        },
      }),
      responses: {
        "200": json(
          {
            type: "object",
            required: ["matches"],
            properties: { matches: { type: "array", items: ref("DuplicateMatch") } },
          },
          "Matches the caller may see",
        ),
        "404": problem("No such object or record, or not readable"),
        "422": problem("Not {values, id?}"),
      },
    },
  },
  "/api/v1/merges": {
    get: {
      operationId: "browseMerges",
      tags: mergeTags,
      parameters: [objectQuery],
      responses: {
        "200": json(
          {
            type: "object",
            required: ["merges"],
            properties: { merges: { type: "array", items: ref("Merge") } },
          },
          "Merges of the object whose surviving record the caller may see, newest first",
        ),
        "400": problem("No object named"),
        "404": problem("No such object, or not readable"),
      },
    },
  },
  "/api/v1/merges/{id}/undo": {
    post: {
      operationId: "undoMerge",
      tags: mergeTags,
      description:
        "The survivor gets its values from before the merge back, the merged records come back with their ids and values, and related records the merge moved point at them again.",
      parameters: [pathParam("id", "The merge's id")],
      responses: {
        "200": json(
          {
            type: "object",
            required: ["mergeId", "survivor", "restoredIds"],
            properties: {
              mergeId: { type: "string" },
              survivor: { type: "object", description: "The surviving record as it is now" },
              restoredIds: STRING_IDS,
            },
          },
          "Undone",
        ),
        "403": problem("The caller may not edit, create or delete the object's records"),
        "404": problem("No such merge, or its survivor is not visible"),
        "409": problem(
          "merge.undone, merge.incomplete, merge.survivorChanged (the survivor changed since) or merge.recordsExist",
        ),
        "422": problem("A restored record's unique value is taken meanwhile"),
      },
    },
  },
};

/** The merge route of one object (the caller may edit and delete its records). */
export const mergePaths = (object: string, name: string): Record<string, JsonSchema> => ({
  [`/api/v1/records/${object}/merge`]: {
    post: {
      operationId: `merge${name}`,
      tags: [object],
      description:
        "Merges 1 or 2 records into a survivor: the survivor takes the chosen values, related records pointing at the merged records point at the survivor, then the merged records are deleted. Needs edit access to the survivor and delete access to the merged records.",
      requestBody: jsonBody(
        closed(
          {
            survivorId: { type: "string", minLength: 1 },
            mergedIds: {
              type: "array",
              items: { type: "string", minLength: 1 },
              minItems: 1,
              maxItems: MAX_MERGED,
              uniqueItems: true,
              description: "Records merged into the survivor (not the survivor itself)",
            },
            values: { ...ref(`${name}Input`), description: "The chosen value of each field to change" },
          },
          ["survivorId", "mergedIds"],
        ),
      ),
      responses: {
        "200": {
          ...json(
            {
              type: "object",
              required: ["survivor", "mergeId"],
              properties: { survivor: ref(name), mergeId: { type: "string" } },
            },
            "Merged",
          ),
          headers: { ETag: { schema: { type: "string" }, description: "The survivor's version" } },
        },
        "403": problem("The caller may not change the survivor or delete a merged record"),
        "404": problem("A record is not found or not visible"),
        "409": problem("The survivor changed meanwhile (record.stale)"),
        "422": problem("Invalid request or values (pointers under /values), or a duplicate rule blocks"),
        "423": problem("A record is locked while it waits for approval"),
      },
    },
  },
});
