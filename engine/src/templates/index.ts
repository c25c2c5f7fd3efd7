// Templates (handlebars): e-mail, print and notification texts rendered from records.
export {
  type CompiledTemplate,
  compileTemplate,
  MAX_BLOCK_DEPTH,
  MAX_OUTPUT_CHARS,
  MAX_TEMPLATE_CHARS,
  type TemplateOutput,
} from "./compile-template.js";
export {
  bodyOutputOf,
  type CompiledTemplateDocument,
  checkTemplateDocuments,
  compileTemplateDocuments,
  type LocalizedTemplate,
} from "./compile-template-documents.js";
export { type RecordTemplateData, recordTemplateData } from "./record-template-data.js";
export { type RenderedTemplate, renderRecordTemplate } from "./render-record-template.js";
export { TemplateError } from "./template-error.js";
