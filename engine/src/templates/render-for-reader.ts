import type { JsonObject } from "@tessera/metadata";
import { notFound } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { resolveObject } from "../records/resolve-object.js";
import { loadAccessible } from "../records/update-record.js";
import type { CompiledTemplateDocument } from "./compile-template-documents.js";
import { type RenderedTemplate, renderRecordTemplate } from "./render-record-template.js";

export interface ReaderRendering extends RenderedTemplate {
  template: CompiledTemplateDocument;
}

/**
 * A template rendered for the caller on one record they may read (print pages, record titles, a
 * preview of an e-mail): their locale, their field-level security. A template of another object,
 * or one that does not exist, is a 404 like a record they cannot see.
 */
export const renderForReader = async (
  ctx: RecordContext,
  objectName: string,
  id: string,
  templateName: string,
): Promise<ReaderRendering> => {
  const object = resolveObject(ctx, objectName, "read");
  const record = await loadAccessible(ctx, object.name, id, "read");
  const template = ctx.metadata.templates.get(templateName);
  if (template === undefined || (template.object !== undefined && template.object !== object.name)) {
    throw notFound(`No template "${templateName}" for ${object.name} records`);
  }
  return { template, ...(await renderRecordTemplate(ctx, template, { object: object.name, record })) };
};

/** The templates of an object (and those for any object), as the runtime lists them. */
export const templatesOf = (ctx: RecordContext, object: string): JsonObject[] =>
  [...ctx.metadata.templates.values()]
    .filter((t) => t.object === undefined || t.object === object)
    .map((t) => ({ name: t.name, label: t.label, purpose: t.purpose }) as unknown as JsonObject);
