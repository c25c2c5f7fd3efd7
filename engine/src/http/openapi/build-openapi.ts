import { descriptorOf, type JsonSchema, localize } from "@tessera/metadata";
import type { RecordContext } from "../../records/record-context.js";
import { DUPLICATE_PATHS, DUPLICATE_SCHEMAS, mergePaths } from "./duplicate-paths.js";
import { exportPaths } from "./export-paths.js";
import { IMPORT_PATHS, IMPORT_SCHEMAS } from "./import-paths.js";
import { METADATA_PATHS, METADATA_SCHEMAS } from "./metadata-paths.js";
import { REPORT_PATHS, REPORT_SCHEMAS } from "./report-paths.js";
import { approvalPaths, WORKFLOW_PATHS, WORKFLOW_SCHEMAS } from "./workflow-paths.js";

const REFERENCE_TYPES = new Set(["lookup", "masterDetail", "user"]);
const SYSTEM_PROPERTIES: Record<string, JsonSchema> = {
  id: { type: "string", readOnly: true },
  version: { type: "integer", minimum: 1, readOnly: true },
  ownerId: { type: "string", readOnly: true },
  createdAt: { type: "string", format: "date-time", readOnly: true },
  createdBy: { type: "string", readOnly: true },
  updatedAt: { type: "string", format: "date-time", readOnly: true },
  updatedBy: { type: "string", readOnly: true },
};
const PROBLEM = { $ref: "#/components/schemas/Problem" };
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: PROBLEM } },
});
const json = (schema: JsonSchema, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const typeName = (object: string) => object.charAt(0).toUpperCase() + object.slice(1);

/**
 * OpenAPI 3.1 for the caller's view of the tenant: one schema per object they may read, with only
 * the fields they may read (hidden fields are not described), input schemas of the fields they may
 * edit, and the record routes. JSON Schema 2020-12 is OpenAPI 3.1's schema dialect, so field
 * schemas come straight from the field-type registry.
 */
export const buildOpenApi = (ctx: RecordContext, serverUrl: string): JsonSchema => {
  const schemas: Record<string, JsonSchema> = {
    Problem: {
      type: "object",
      required: ["title", "status"],
      properties: {
        type: { type: "string" },
        title: { type: "string" },
        status: { type: "integer" },
        code: { type: "string" },
        errors: {
          type: "array",
          items: {
            type: "object",
            required: ["path", "code", "message"],
            properties: { path: { type: "string" }, code: { type: "string" }, message: { type: "string" } },
          },
        },
      },
    },
    Reference: {
      type: "object",
      required: ["id"],
      properties: { id: { type: "string" }, name: { type: "string" } },
    },
    ...WORKFLOW_SCHEMAS,
    ...REPORT_SCHEMAS,
    ...DUPLICATE_SCHEMAS,
    ...IMPORT_SCHEMAS,
    ...(ctx.access.manageMetadata && METADATA_SCHEMAS),
  };
  // The draft routes answer 403 to everyone else: they are described only to those who may use them.
  const paths: Record<string, JsonSchema> = {
    ...WORKFLOW_PATHS,
    ...REPORT_PATHS,
    ...DUPLICATE_PATHS,
    ...IMPORT_PATHS,
    ...(ctx.access.manageMetadata && METADATA_PATHS),
  };
  for (const object of ctx.metadata.objects.values()) {
    if (!ctx.access.can("read", object.name)) continue;
    const name = typeName(object.name);
    const readable = ctx.access.readableFields(object.name);
    const editable = ctx.access.editableFields(object.name);
    const output: Record<string, JsonSchema> = { ...SYSTEM_PROPERTIES };
    const input: Record<string, JsonSchema> = {};
    const requiredOnCreate: string[] = [];
    for (const field of object.fields.values()) {
      if (!readable.has(field.name)) continue;
      const value = { ...descriptorOf(field).toJsonSchema(field), title: localize(field.label, ctx.locale) };
      output[field.name] = REFERENCE_TYPES.has(field.type)
        ? { $ref: "#/components/schemas/Reference" }
        : value;
      if (editable.has(field.name) && descriptorOf(field).source === "input") {
        input[field.name] = { anyOf: [value, { type: "null" }] };
        const required = field.type === "masterDetail" || ("required" in field && field.required === true);
        if (required && !("default" in field && field.default !== undefined))
          requiredOnCreate.push(field.name);
      }
    }
    schemas[name] = {
      type: "object",
      title: localize(object.definition.label, ctx.locale),
      required: Object.keys(SYSTEM_PROPERTIES),
      properties: output,
    };
    schemas[`${name}Input`] = { type: "object", properties: input, additionalProperties: false };
    // A create must carry the required fields (with values); an update may send any subset.
    const createProperties = Object.fromEntries(
      Object.entries(input).map(([k, v]) => [
        k,
        requiredOnCreate.includes(k) ? ((v.anyOf as JsonSchema[])[0] ?? v) : v,
      ]),
    );
    schemas[`${name}Create`] = {
      type: "object",
      properties: createProperties,
      required: requiredOnCreate,
      additionalProperties: false,
    };
    schemas[`${name}List`] = {
      type: "object",
      required: ["records", "nextCursor"],
      properties: {
        records: { type: "array", items: { $ref: `#/components/schemas/${name}` } },
        nextCursor: { type: ["string", "null"] },
        total: { type: "integer" },
      },
    };
    const ref = { $ref: `#/components/schemas/${name}` };
    const inputRef = { $ref: `#/components/schemas/${name}Input` };
    const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
    const tags = [object.name];
    paths[`/api/v1/records/${object.name}`] = {
      get: {
        operationId: `list${name}`,
        tags,
        parameters: ["filter", "sort", "cursor", "q", "fields", "count"]
          .map((p) => ({ name: p, in: "query", required: false, schema: { type: "string" } }))
          .concat([
            {
              name: "limit",
              in: "query",
              required: false,
              schema: { type: "integer", minimum: 1, maximum: 200 },
            } as never,
          ]),
        responses: {
          "200": json({ $ref: `#/components/schemas/${name}List` }, "A page of records"),
          "400": problem("Bad filter, sort or cursor"),
        },
      },
      post: {
        operationId: `create${name}`,
        tags,
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: `#/components/schemas/${name}Create` } } },
        },
        responses: {
          "201": json(ref, "Created"),
          "403": problem("Not allowed"),
          "422": problem("Invalid record"),
        },
      },
    };
    paths[`/api/v1/records/${object.name}/{id}`] = {
      get: {
        operationId: `get${name}`,
        tags,
        parameters: [idParam],
        responses: { "200": json(ref, "The record"), "404": problem("Not found") },
      },
      patch: {
        operationId: `update${name}`,
        tags,
        parameters: [idParam, { name: "If-Match", in: "header", required: true, schema: { type: "string" } }],
        requestBody: { required: true, content: { "application/json": { schema: inputRef } } },
        responses: {
          "200": json(ref, "Updated"),
          "404": problem("Not found"),
          "409": problem("Stale version"),
          "422": problem("Invalid record"),
          "423": problem("Locked while it waits for approval"),
        },
      },
      delete: {
        operationId: `delete${name}`,
        tags,
        parameters: [idParam],
        responses: {
          "204": { description: "Deleted" },
          "404": problem("Not found"),
          "423": problem("Locked while it waits for approval"),
        },
      },
    };
    Object.assign(paths, exportPaths(object.name, name));
    // A merge edits the survivor and deletes the others; users are deactivated, never merged.
    if (
      ctx.access.can("edit", object.name) &&
      ctx.access.can("delete", object.name) &&
      object.name !== "user"
    )
      Object.assign(paths, mergePaths(object.name, name));
    if (ctx.metadata.approvalProcesses.has(object.name))
      Object.assign(paths, approvalPaths(object.name, name));
  }
  return {
    openapi: "3.1.0",
    info: { title: `Tessera API (${ctx.actor.tenant})`, version: String(ctx.metadata.version) },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: { schemas, securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
  };
};
