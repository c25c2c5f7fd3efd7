import type { JsonSchema } from "@tessera/metadata";

/** Pieces the path descriptions share: responses, references and path parameters. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

export const problem = (description: string): JsonSchema => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});

export const json = (schema: JsonSchema, description: string): JsonSchema => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = (schema: JsonSchema, required = true): JsonSchema => ({
  required,
  content: { "application/json": { schema } },
});

export const pathParam = (name: string, description?: string): JsonSchema => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string" },
  ...(description !== undefined && { description }),
});

export const queryParam = (name: string, schema: JsonSchema, description: string): JsonSchema => ({
  name,
  in: "query",
  required: false,
  schema,
  description,
});

/** An object whose members are listed (and no others). */
export const closed = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: "object",
  ...(required.length > 0 && { required }),
  properties,
  additionalProperties: false,
});
