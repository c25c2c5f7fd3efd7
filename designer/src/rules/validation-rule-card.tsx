import { DeleteOutlined } from "@ant-design/icons";
import type { FieldDefinition, JsonValue, ValidationRule } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Alert, Button, Form, Input, Select, Switch } from "antd";
import { ConditionEditor } from "../conditions/condition-editor.js";
import type { DocumentIssues } from "../editing/issues.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { useRulesText } from "./rules-texts.js";

interface Props {
  rule: ValidationRule;
  /** The rule's JSON pointer in the object (`/validationRules/2`). */
  at: string;
  fields: readonly FieldDefinition[];
  issues: DocumentIssues;
  onChange: (patch: Partial<ValidationRule>) => void;
  onMessage: (message: ValidationRule["message"]) => void;
  onRemove: () => void;
}

/** Every problem at or under `pointer`, as one text. */
const problemsUnder = (issues: DocumentIssues, pointer: string): string | undefined => {
  const messages = issues.all
    .filter((p) => p.path === pointer || p.path.startsWith(`${pointer}/`))
    .map((p) => p.message);
  return messages.length === 0 ? undefined : messages.join(" ");
};

const itemStatus = (message: string | undefined) => ({
  validateStatus: message === undefined ? undefined : ("error" as const),
  help: message,
});

/** One validation rule: when it fails, what the user is told and where, its name and whether it is on. */
export const ValidationRuleCard = ({ rule, at, fields, issues, onChange, onMessage, onRemove }: Props) => {
  const t = useRulesText();
  const { label } = useLocale();
  const own = issues.at(at);
  return (
    <fieldset aria-label={t("rule.label", { name: rule.name })} className="validation-rule">
      {own !== undefined && <Alert type="error" showIcon title={own} />}
      <Form layout="vertical" component="div">
        <Form.Item label={t("rule.errorWhen")}>
          <ConditionEditor
            label={t("rule.errorWhen")}
            value={rule.errorWhen as JsonValue | undefined}
            fields={fields}
            error={problemsUnder(issues, `${at}/errorWhen`)}
            onChange={(errorWhen) => onChange({ errorWhen })}
          />
        </Form.Item>
        <Form.Item label={t("rule.message")} {...itemStatus(problemsUnder(issues, `${at}/message`))}>
          <LocalizedTextInput
            label={t("rule.message")}
            value={rule.message}
            status={problemsUnder(issues, `${at}/message`) === undefined ? undefined : "error"}
            onChange={onMessage}
          />
        </Form.Item>
        <div className="validation-rule-row">
          <Form.Item label={t("rule.field")} {...itemStatus(issues.at(`${at}/field`))}>
            <Select<string>
              aria-label={t("rule.field")}
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              placeholder={t("rule.wholeRecord")}
              value={rule.field}
              options={fields.map((f) => ({ value: f.name, label: label(f.label, f.name) }))}
              onChange={(field) => onChange({ field: field ?? undefined })}
              style={{ minWidth: 200 }}
            />
          </Form.Item>
          <Form.Item label={t("rule.name")} {...itemStatus(issues.at(`${at}/name`))}>
            <Input
              aria-label={t("rule.name")}
              value={rule.name}
              onChange={(e) => onChange({ name: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t("rule.active")} {...itemStatus(issues.at(`${at}/active`))}>
            <Switch
              aria-label={t("rule.active")}
              checked={rule.active !== false}
              onChange={(active) => onChange({ active: active ? undefined : false })}
            />
          </Form.Item>
        </div>
        <Form.Item label={t("rule.description")} {...itemStatus(issues.at(`${at}/description`))}>
          <Input.TextArea
            aria-label={t("rule.description")}
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={rule.description ?? ""}
            onChange={(e) => onChange({ description: e.target.value === "" ? undefined : e.target.value })}
          />
        </Form.Item>
      </Form>
      <Button danger aria-label={t("rules.remove")} icon={<DeleteOutlined />} onClick={onRemove}>
        {t("rules.remove")}
      </Button>
    </fieldset>
  );
};
