import type { Locale, ObjectDefinition } from "@tessera/metadata";
import { Alert, Spin } from "antd";
import type { RecordData } from "../api/types.js";
import { useLocale } from "../i18n/locale-context.js";
import { type PanelApi, panelApi } from "./panel-api.js";
import { usePluginText } from "./plugin-texts.js";
import { WidgetBoundary } from "./widget-boundary.js";
import { usePluginWidget } from "./widget-modules.js";

/** What a package's panel widget is given on the record page. */
export interface PanelWidgetProps {
  record: RecordData;
  object: ObjectDefinition;
  locale: Locale;
  api: PanelApi;
  /** Loads the record again (after the panel changed it). */
  refresh: () => void;
}

interface Props {
  /** `<package>.<widget>` */
  widget: string;
  record: RecordData;
  object: ObjectDefinition;
  refresh: () => void;
}

/** A panel section of the record page, drawn by a package's widget. */
export const PluginPanel = ({ widget: reference, record, object, refresh }: Props) => {
  const widget = usePluginWidget<PanelWidgetProps>(reference, "panel");
  const { locale } = useLocale();
  const t = usePluginText();
  const unavailable = (
    <Alert type="warning" showIcon title={t("plugin.panelUnavailable", { widget: reference })} />
  );
  if (widget.status === "loading") return <Spin description={t("plugin.panelLoading")} />;
  if (widget.status === "failed") return unavailable;
  const { Component } = widget;
  return (
    <div className="plugin-panel" data-widget={reference}>
      <WidgetBoundary fallback={unavailable}>
        <Component record={record} object={object} locale={locale} api={panelApi} refresh={refresh} />
      </WidgetBoundary>
    </div>
  );
};
