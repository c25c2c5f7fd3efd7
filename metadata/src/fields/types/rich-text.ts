import { type Static, Type } from "@sinclair/typebox";
import sanitizeHtml from "sanitize-html";
import { accepted } from "../coercion.js";
import { defineFieldSchema, requiredProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { RICH_TEXT_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import { exceedsLength, notText, tooLong } from "../text-coercion.js";

export const RICH_TEXT_DEFAULT_MAX_LENGTH = 131_072;

const richTextOptions = {
  ...requiredProperty,
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: RICH_TEXT_DEFAULT_MAX_LENGTH })),
};

export const richTextFieldSchema = defineFieldSchema("richText", richTextOptions);
export type RichTextField = Static<typeof richTextFieldSchema>;

const maxLengthOf = (field: RichTextField): number => field.maxLength ?? RICH_TEXT_DEFAULT_MAX_LENGTH;

const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

/**
 * An allow-list: formatting and links only. No attributes but `href`, so no event handlers and no
 * styles; scripts and styles are dropped with their content. Relative and protocol-relative links
 * are dropped too: stored HTML is shown in other places (e-mails, exports) where they would resolve
 * somewhere unexpected.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "u",
    "s",
    "a",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "code",
    "pre",
  ],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  allowedClasses: {},
  allowedStyles: {},
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href?.trim();
      const kept: sanitizeHtml.Attributes = href !== undefined && SAFE_HREF.test(href) ? { href } : {};
      return { tagName, attribs: kept };
    },
  },
};

/** The allow-listed HTML of `html`; everything else is removed. */
export const sanitizeRichText = (html: string): string => sanitizeHtml(html, SANITIZE_OPTIONS);

/** Formatted text (HTML), sanitised on every write. */
export const richTextField: FieldTypeDescriptor<RichTextField> = {
  type: "richText",
  label: { en: "Rich text", "zh-CN": "富文本" },
  category: "text",
  source: "input",
  schema: richTextFieldSchema,
  optionsSchema: defineOptionsSchema(richTextOptions),
  toJsonSchema: (field) => ({ type: "string", maxLength: maxLengthOf(field), contentMediaType: "text/html" }),
  toUiSchema: () => ({ "ui:widget": "richText" }),
  coerce: (value, field) => {
    if (typeof value !== "string") return notText();
    const maxLength = maxLengthOf(field);
    // Checked before parsing too, so oversized input costs no parser time.
    if (exceedsLength(value, maxLength)) return tooLong(maxLength);
    const html = sanitizeRichText(value);
    if (exceedsLength(html, maxLength)) return tooLong(maxLength);
    return accepted(html === "" ? null : html);
  },
  operators: RICH_TEXT_OPERATORS,
  indexHint: "none",
};
