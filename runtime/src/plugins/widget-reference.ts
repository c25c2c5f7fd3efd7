import { descriptorOf, type FieldDefinition, type Locale, WIDGET_REFERENCE_PATTERN } from "@tessera/metadata";

// `<package>.<widget>`; rjsf's own widget names never have a dot.
const REFERENCE = new RegExp(WIDGET_REFERENCE_PATTERN);

/** Whether a uiSchema `ui:widget` value names a package's widget. */
export const isWidgetReference = (value: unknown): value is string =>
  typeof value === "string" && REFERENCE.test(value);

/** The package widget a field's input is drawn with (a custom field type's uiSchema), if any. */
export const widgetReferenceOf = (field: FieldDefinition, locale: Locale): string | undefined => {
  const widget = descriptorOf(field).toUiSchema(field, locale)["ui:widget"];
  return isWidgetReference(widget) ? widget : undefined;
};
