import { htmlToText, type JsonObject } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import type { StoredRecord } from "../store/store-port.js";
import type { CompiledTemplateDocument } from "./compile-template-documents.js";
import { recordTemplateData } from "./record-template-data.js";
import { TemplateError } from "./template-error.js";

/** A template rendered for one reader. */
export interface RenderedTemplate {
  /** One line (CR and LF removed), when the template has a subject. */
  subject?: string;
  /** HTML for email and print templates (values escaped), plain text otherwise. */
  body: string;
  /** The body as plain text: an HTML body without tags and with entities decoded; a text body as is. */
  text: string;
}

/**
 * Renders `template` for `input.record` as `reader` may see it, in the reader's language: the
 * data holds only what their object, field and record access allows (see RecordTemplateData).
 * Whether the reader may see the record at all is the caller's decision, as it is the caller who
 * chose to send it to them. Throws TemplateError when the template is for another object or
 * cannot be rendered.
 */
export const renderRecordTemplate = async (
  reader: RecordContext,
  template: CompiledTemplateDocument,
  input: { object: string; record: StoredRecord; extra?: JsonObject },
): Promise<RenderedTemplate> => {
  if (template.object !== undefined && template.object !== input.object) {
    throw new TemplateError(
      "template.wrongObject",
      `Template "${template.name}" renders ${template.object} records, not ${input.object} records.`,
    );
  }
  const data = await recordTemplateData(reader, input);
  const locale = reader.locale;
  const body = template.body[locale](data, locale);
  return {
    ...(template.subject !== undefined && { subject: template.subject[locale](data, locale) }),
    body,
    text: template.output === "html" ? htmlToText(body) : body,
  };
};
