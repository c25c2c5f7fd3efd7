import type { FieldDefinition } from "@tessera/metadata";
import type { ReactNode } from "react";
import { useLocale } from "../i18n/locale-context.js";
import type { FieldWidgetProps } from "./plugin-field-widget.js";
import { WidgetBoundary } from "./widget-boundary.js";
import { usePluginWidget } from "./widget-modules.js";

const NO_CHANGE = () => {};

interface Props {
  /** `<package>.<widget>` of the field's type. */
  widget: string;
  field: FieldDefinition;
  label: string;
  value: unknown;
  /** The value as text, while the widget loads or when it cannot be shown. */
  fallback: ReactNode;
}

/** A field's value on the record page, drawn read-only by the package widget its form uses. */
export const PluginFieldValue = ({ widget: reference, field, label, value, fallback }: Props) => {
  const widget = usePluginWidget<FieldWidgetProps>(reference, "field");
  const { locale } = useLocale();
  if (widget.status !== "ready") return fallback;
  const { Component } = widget;
  return (
    <WidgetBoundary fallback={fallback}>
      <Component
        id={`value-${field.name}`}
        value={value}
        onChange={NO_CHANGE}
        disabled={false}
        readOnly
        label={label}
        locale={locale}
      />
    </WidgetBoundary>
  );
};
