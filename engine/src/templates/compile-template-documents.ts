import {
  documentId,
  type Locale,
  type LocalizedText,
  type MetadataDocument,
  type MetadataIssue,
  pointer,
  SUPPORTED_LOCALES,
  type Template,
  type TemplatePurpose,
} from "@tessera/metadata";
import { type CompiledTemplate, compileTemplate, type TemplateOutput } from "./compile-template.js";
import { TemplateError } from "./template-error.js";

/** One template per locale; a locale without its own source has the English one. */
export type LocalizedTemplate = Readonly<Record<Locale, CompiledTemplate>>;

/** A `template` document compiled once per metadata version. */
export interface CompiledTemplateDocument {
  readonly name: string;
  readonly label: LocalizedText;
  readonly purpose: TemplatePurpose;
  /** The object whose records it renders; any record when absent. */
  readonly object?: string;
  /** What the body is: HTML (email, print) or plain text (notification, record title). */
  readonly output: "html" | "text";
  /** One line with CR and LF removed, when the document has a subject. */
  readonly subject?: LocalizedTemplate;
  readonly body: LocalizedTemplate;
}

const isTemplate = (doc: MetadataDocument): doc is Template => doc.kind === "template";

/** E-mails and print pages are HTML; notifications and record titles are plain text. */
export const bodyOutputOf = (purpose: TemplatePurpose): "html" | "text" =>
  purpose === "email" || purpose === "print" ? "html" : "text";

interface Source {
  /** Reference tokens of the source inside the document: ["body", "zh-CN"]. */
  tokens: [string, Locale];
  source: string;
  output: TemplateOutput;
}

// Read defensively: a draft may reach the check before its schema has been validated.
const sourcesOf = (doc: Template): Source[] => {
  const sources: Source[] = [];
  const body = bodyOutputOf(doc.purpose);
  const subjects: Partial<Record<Locale, unknown>> = doc.subject ?? {};
  const bodies: Partial<Record<Locale, unknown>> = doc.body ?? {};
  for (const locale of SUPPORTED_LOCALES) {
    const source = subjects[locale];
    if (typeof source === "string") sources.push({ tokens: ["subject", locale], source, output: "header" });
  }
  for (const locale of SUPPORTED_LOCALES) {
    const source = bodies[locale];
    if (typeof source === "string") sources.push({ tokens: ["body", locale], source, output: body });
  }
  return sources;
};

const withFallback = (compiled: Map<string, CompiledTemplate>, part: "subject" | "body") => {
  const en = compiled.get(`${part}/en`);
  if (en === undefined) return undefined;
  return Object.fromEntries(
    SUPPORTED_LOCALES.map((locale) => [locale, compiled.get(`${part}/${locale}`) ?? en]),
  ) as Record<Locale, CompiledTemplate>;
};

const compileDocument = (doc: Template): CompiledTemplateDocument | undefined => {
  const compiled = new Map<string, CompiledTemplate>();
  for (const { tokens, source, output } of sourcesOf(doc)) {
    try {
      compiled.set(tokens.join("/"), compileTemplate(source, output));
    } catch (error) {
      if (error instanceof TemplateError) return undefined;
      throw error;
    }
  }
  const body = withFallback(compiled, "body");
  if (body === undefined) return undefined;
  const subject = withFallback(compiled, "subject");
  return {
    name: doc.name,
    label: doc.label,
    purpose: doc.purpose,
    ...(doc.object !== undefined && { object: doc.object }),
    output: bodyOutputOf(doc.purpose),
    ...(subject !== undefined && { subject }),
    body,
  };
};

/**
 * Compiles every `template` document of a metadata version, by template name: the subject as a
 * header line, the body as HTML (email, print) or text (notification, record title), once per
 * locale, English standing in for a missing zh-CN. A document that does not compile (publish
 * refuses those, see checkTemplateDocuments; an older published version may hold one) is left out,
 * so it cannot be rendered rather than rendered wrongly.
 */
export const compileTemplateDocuments = (
  documents: readonly MetadataDocument[],
): ReadonlyMap<string, CompiledTemplateDocument> => {
  const templates = new Map<string, CompiledTemplateDocument>();
  for (const doc of documents) {
    if (!isTemplate(doc)) continue;
    const compiled = compileDocument(doc);
    if (compiled !== undefined) templates.set(doc.name, compiled);
  }
  return templates;
};

/**
 * Every template source that cannot be compiled (syntax, unknown helper, partial, decorator,
 * prototype path, nesting, size), with the JSON pointer of that source (`/subject/en`,
 * `/body/zh-CN`): what publish refuses.
 */
export const checkTemplateDocuments = (documents: readonly MetadataDocument[]): MetadataIssue[] => {
  const issues: MetadataIssue[] = [];
  for (const doc of documents) {
    if (!isTemplate(doc)) continue;
    for (const { tokens, source, output } of sourcesOf(doc)) {
      try {
        compileTemplate(source, output);
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        issues.push({
          document: documentId(doc),
          path: pointer(...tokens),
          code: error.code,
          message: error.message,
        });
      }
    }
  }
  return issues;
};
