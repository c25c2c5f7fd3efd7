import type { LayoutSection, LocalizedText } from "@tessera/metadata";
import { Checkbox, Form, Select, Typography } from "antd";
import type { DocumentIssues } from "../editing/issues.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { useLayoutText } from "./layouts-texts.js";
import type { PanelWidgetChoice } from "./panel-widgets.js";

interface Props {
  section: LayoutSection;
  index: number;
  title: string;
  /** The panel widgets of the draft's packages. */
  widgets: readonly PanelWidgetChoice[];
  issues: DocumentIssues;
  onChange: (patch: { label?: LocalizedText; widget?: string; collapsed?: boolean }) => void;
}

/** A panel section's label, the package widget that draws it, and whether it starts collapsed. */
export const PanelSectionProperties = ({ section, index, title, widgets, issues, onChange }: Props) => {
  const t = useLayoutText();
  const at = `/sections/${index}`;
  const options = widgets.map((choice) => ({ value: choice.reference, label: choice.reference }));
  // A widget no package of the draft declares (or a misspelt one) stays shown as written.
  if (section.widget !== undefined && !widgets.some((choice) => choice.reference === section.widget)) {
    options.push({ value: section.widget, label: section.widget });
  }
  const widgetProblem = issues.at(`${at}/widget`) ?? issues.at(`${at}/type`);
  return (
    <Form layout="vertical" component="div" className="layout-properties-form">
      <Typography.Title level={5}>{title}</Typography.Title>
      <Form.Item
        label={t("panel.label")}
        validateStatus={issues.under(`${at}/label`) ? "error" : undefined}
        help={issues.at(`${at}/label`) ?? issues.at(`${at}/label/en`) ?? issues.at(`${at}/label/zh-CN`)}
      >
        <LocalizedTextInput
          value={section.label}
          label={t("panel.label")}
          {...(issues.under(`${at}/label`) && { status: "error" as const })}
          onChange={(label) => onChange({ label })}
        />
      </Form.Item>
      <Form.Item
        label={t("panel.widgetLabel")}
        validateStatus={widgetProblem === undefined ? undefined : "error"}
        help={widgetProblem ?? t("panel.widgetHelp")}
      >
        <Select
          aria-label={t("panel.widgetLabel")}
          value={section.widget}
          options={options}
          placeholder={t("panel.noWidget")}
          {...(widgetProblem !== undefined && { status: "error" as const })}
          onChange={(widget: string) => onChange({ widget })}
        />
      </Form.Item>
      <Checkbox
        checked={section.collapsed === true}
        onChange={(e) => onChange({ collapsed: e.target.checked })}
      >
        {t("section.collapsed")}
      </Checkbox>
    </Form>
  );
};
