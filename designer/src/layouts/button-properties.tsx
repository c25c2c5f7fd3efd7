import type { JsonValue, LayoutButton, ObjectDefinition } from "@tessera/metadata";
import { Form, Input, Typography } from "antd";
import { ConditionEditor } from "../conditions/condition-editor.js";
import type { DocumentIssues } from "../editing/issues.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { useLayoutText } from "./layouts-texts.js";

interface Props {
  button: LayoutButton;
  index: number;
  object: ObjectDefinition;
  title: string;
  issues: DocumentIssues;
  onChange: (next: LayoutButton) => void;
}

/** A button's label (the built-in one when empty, for standard actions), API name, plugin action and visibility. */
export const ButtonProperties = ({ button, index, object, title, issues, onChange }: Props) => {
  const t = useLayoutText();
  const at = `/buttons/${index}`;
  const status = (pointer: string) => (issues.under(pointer) ? ("error" as const) : undefined);
  return (
    <Form layout="vertical" component="div" className="layout-properties-form">
      <Typography.Title level={5}>{title}</Typography.Title>
      <Form.Item
        label={t("buttons.label")}
        validateStatus={status(`${at}/label`)}
        help={issues.at(`${at}/label`)}
      >
        <LocalizedTextInput
          value={button.label}
          label={t("buttons.label")}
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
