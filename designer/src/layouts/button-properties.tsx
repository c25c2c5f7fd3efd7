import type { JsonValue, LayoutButton, ObjectDefinition, PackageManifest } from "@tessera/metadata";
import { Form, Input, Typography } from "antd";
import { ConditionEditor } from "../conditions/condition-editor.js";
import type { DocumentIssues } from "../editing/issues.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { useLayoutText } from "./layouts-texts.js";
import { PluginRouteProperties } from "./plugin-route-properties.js";

interface Props {
  button: LayoutButton;
  index: number;
  object: ObjectDefinition;
  /** The draft's packages: those a plugin button may call. */
  packages: readonly PackageManifest[];
  title: string;
  issues: DocumentIssues;
  onChange: (next: LayoutButton) => void;
}

/**
 * A button's label (the built-in one when empty, for standard actions), API name, plugin action or
 * route, and visibility.
 */
export const ButtonProperties = ({ button, index, object, packages, title, issues, onChange }: Props) => {
  const t = useLayoutText();
  const at = `/buttons/${index}`;
  const status = (pointer: string) => (issues.under(pointer) ? ("error" as const) : undefined);
  return (
    <Form layout="vertical" component="div" className="layout-properties-form">
      <Typography.Title level={5}>{title}</Typography.Title>
      <Form.Item
        label={t("buttons.label")}
        validateStatus={status(`${at}/label`)}
        help={issues.at(`${at}/label`) ?? issues.at(`${at}/label/en`) ?? issues.at(`${at}/label/zh-CN`)}
      >
        <LocalizedTextInput
          value={button.label}
          label={t("buttons.label")}
          {...(issues.under(`${at}/label`) && { status: "error" as const })}
          onChange={(label) => {
            if (button.action === "custom" || button.action === "plugin") onChange({ ...button, label });
            else {
              const { label: _old, ...rest } = button;
              onChange(label.en.trim() === "" && label["zh-CN"] === undefined ? rest : { ...rest, label });
            }
          }}
        />
      </Form.Item>
      <Form.Item
        label={t("buttons.name")}
        validateStatus={status(`${at}/name`)}
        help={issues.at(`${at}/name`)}
      >
        <Input
          aria-label={t("buttons.name")}
          value={button.name}
          onChange={(e) => onChange({ ...button, name: e.target.value })}
        />
      </Form.Item>
      {button.action === "custom" && (
        <Form.Item
          label={t("buttons.handler")}
          validateStatus={status(`${at}/handler`)}
          help={issues.at(`${at}/handler`)}
        >
          <Input
            aria-label={t("buttons.handler")}
            value={button.handler}
            onChange={(e) => onChange({ ...button, handler: e.target.value })}
          />
        </Form.Item>
      )}
      {button.action === "plugin" && (
        <PluginRouteProperties
          button={button}
          at={at}
          packages={packages}
          issues={issues}
          onChange={onChange}
        />
      )}
      <Form.Item
        label={t("buttons.visibleWhen")}
        validateStatus={status(`${at}/visibleWhen`)}
        help={issues.at(`${at}/visibleWhen`)}
      >
        <ConditionEditor
          key={`${index}:${button.name}`}
          value={button.visibleWhen as JsonValue | undefined}
          onChange={(next) => {
            const { visibleWhen: _old, ...rest } = button;
            onChange(
              next === undefined ? (rest as LayoutButton) : ({ ...rest, visibleWhen: next } as LayoutButton),
            );
          }}
          fields={object.fields}
          label={t("buttons.visibleWhen")}
          {...(issues.at(`${at}/visibleWhen`) !== undefined && { error: issues.at(`${at}/visibleWhen`) })}
        />
      </Form.Item>
    </Form>
  );
};
