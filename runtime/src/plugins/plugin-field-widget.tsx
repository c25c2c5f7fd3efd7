import {
  getWidget,
  type RegistryWidgetsType,
  type RJSFSchema,
  type UiSchema,
  type WidgetProps,
} from "@rjsf/utils";
import type { Locale } from "@tessera/metadata";
import type { ReactNode } from "react";
import type { RecordFormContext } from "../form/form-context.js";
import type { FormValues } from "../form/record-values.js";
import { useLocale } from "../i18n/locale-context.js";
import { usePluginText } from "./plugin-texts.js";
import { WidgetBoundary } from "./widget-boundary.js";
import { usePluginWidget } from "./widget-modules.js";
import { isWidgetReference } from "./widget-reference.js";

type Props = WidgetProps<FormValues, RJSFSchema, RecordFormContext>;

/** What a package's field widget is given, in a form and (read-only) on the record page. */
export interface FieldWidgetProps {
  /** The input's element id, for the field's label (`<label for>`). */
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  disabled: boolean;
  readOnly: boolean;
  label: string;
  locale: Locale;
}

/** The input the field would have without the package: its base type's (text, number, checkbox). */
const BaseInput = (props: Props) => {
  const { schema, registry } = props;
  const name = Array.isArray(schema.enum)
    ? "select"
    : schema.type === "boolean"
      ? "checkbox"
      : schema.type === "number" || schema.type === "integer"
        ? "updown"
        : "text";
  const Input = getWidget<FormValues, RJSFSchema, RecordFormContext>(schema, name, registry.widgets);
  // The field template already labels the field: a checkbox does not repeat it.
  return <Input {...props} hideLabel={name === "checkbox" ? true : props.hideLabel} />;
};

const Fallback = ({ props, reference }: { props: Props; reference: string }) => {
  const t = usePluginText();
  return (
    <>
      <BaseInput {...props} />
      <div className="plugin-widget-notice" role="note">
        {t("plugin.fieldFallback", { widget: reference })}
      </div>
    </>
  );
};

const PluginFieldInput = ({ props, reference }: { props: Props; reference: string }): ReactNode => {
  const widget = usePluginWidget<FieldWidgetProps>(reference, "field");
  const { locale } = useLocale();
  if (widget.status === "loading") return <BaseInput {...props} />;
  if (widget.status === "failed") return <Fallback props={props} reference={reference} />;
  const { Component } = widget;
  return (
    <WidgetBoundary fallback={<Fallback props={props} reference={reference} />}>
      <Component
        id={props.id}
        value={props.value}
        onChange={(value) => props.onChange(value)}
        disabled={props.disabled === true}
        readOnly={props.readonly === true}
        label={props.label}
        locale={locale}
      />
    </WidgetBoundary>
  );
};

/** The one rjsf widget of every package field widget: the uiSchema it is given says which. */
const PluginFieldWidget = (props: Props) => {
  const reference = props.uiSchema?.["ui:widget"];
  return isWidgetReference(reference) ? (
    <PluginFieldInput props={props} reference={reference} />
  ) : (
    <BaseInput {...props} />
  );
};

/**
 * rjsf widgets for the package widgets a form's uiSchema names (`"ui:widget": "<package>.<widget>"`,
 * from custom field types), registered under those names. A widget the tenant does not have still
 * gets an entry: it shows the base input with a notice rather than rjsf's "unsupported" error.
 */
export const pluginFieldWidgets = (
  uiSchema: UiSchema<FormValues, RJSFSchema, RecordFormContext>,
): RegistryWidgetsType<FormValues, RJSFSchema, RecordFormContext> => {
  const widgets: RegistryWidgetsType<FormValues, RJSFSchema, RecordFormContext> = {};
  for (const [key, ui] of Object.entries(uiSchema)) {
    if (key.startsWith("ui:") || typeof ui !== "object" || ui === null) continue;
    const name: unknown = (ui as UiSchema)["ui:widget"];
    if (isWidgetReference(name)) widgets[name] = PluginFieldWidget;
  }
  return widgets;
};
