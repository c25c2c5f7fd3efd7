import { type FieldDefinition, formatFieldValue, type JsonValue, usableTimeZone } from "@tessera/metadata";
import { Link } from "react-router-dom";
import type { ReferenceValue } from "../api/types.js";
import { useLocale } from "../i18n/locale-context.js";

const SAFE_URL = /^https?:\/\//i;
const browserTimeZone = usableTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);

const isReference = (value: unknown): value is ReferenceValue =>
  typeof value === "object" && value !== null && typeof (value as ReferenceValue).id === "string";

/** The object a lookup, master-detail or user field points to. */
export const referencedObject = (field: FieldDefinition): string | undefined =>
  field.type === "user"
    ? "user"
    : field.type === "lookup" || field.type === "masterDetail"
      ? field.reference
      : undefined;

/**
 * A field value as the user reads it: formatted in their locale (currency, percent, dates,
 * picklist labels), lookups as links to the record (by name when they may see it), URLs and
 * e-mail addresses as links. Text is always rendered as text, never as HTML.
 */
export const FieldValue = ({ field, value }: { field: FieldDefinition; value: unknown }) => {
  const { locale } = useLocale();
  if (value === undefined || value === null || value === "") return <span className="field-empty">—</span>;
  const target = referencedObject(field);
  if (target !== undefined && isReference(value)) {
    return <Link to={`/o/${target}/${encodeURIComponent(value.id)}`}>{value.name ?? value.id}</Link>;
  }
  const text = formatFieldValue(field, value as JsonValue, { locale, timeZone: browserTimeZone });
  if (field.type === "url" && typeof value === "string" && SAFE_URL.test(value)) {
    return (
      <a href={value} target="_blank" rel="noopener noreferrer">
        {text}
      </a>
    );
  }
  if (field.type === "email" && typeof value === "string") return <a href={`mailto:${value}`}>{text}</a>;
  if (field.type === "phone" && typeof value === "string")
    return <a href={`tel:${value.replace(/[^+\d]/g, "")}`}>{text}</a>;
  return <span style={field.type === "textarea" ? { whiteSpace: "pre-wrap" } : undefined}>{text}</span>;
};
