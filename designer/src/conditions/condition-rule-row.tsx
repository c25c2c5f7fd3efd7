import { DeleteOutlined } from "@ant-design/icons";
import type { FieldDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button, Select } from "antd";
import { chooseField, chooseOperator } from "./condition-edits.js";
import type { ConditionRule } from "./condition-tree.js";
import { isCompleteRule } from "./condition-tree.js";
import { ConditionValueInput } from "./condition-value-input.js";
import { useConditionText } from "./conditions-texts.js";
import { operatorTextKey } from "./operator-labels.js";
import { type ConditionOperator, operatorsFor, valueShapeOf } from "./operators-by-type.js";

interface Props {
  rule: ConditionRule;
  /** The fields a row may choose from (those a condition can test). */
  fields: readonly FieldDefinition[];
  /** The row's accessible name ("Condition 2"). */
  label: string;
  onChange: (next: ConditionRule) => void;
  onRemove: () => void;
}

/** One "field operator value" row: the operators are the field type's, the value input its type's. */
export const ConditionRuleRow = ({ rule, fields, label, onChange, onRemove }: Props) => {
  const t = useConditionText();
  const { label: localize } = useLocale();
  const field = fields.find((f) => f.name === rule.field);
  const operators = field === undefined ? [] : operatorsFor(field);
  const incomplete = field !== undefined && !isCompleteRule(rule, fields);
  return (
    <fieldset aria-label={label} className="condition-row">
      <Select<string>
        aria-label={t("field")}
        className="condition-field"
        placeholder={t("field.placeholder")}
        showSearch={{ optionFilterProp: "label" }}
        value={rule.field === "" ? undefined : rule.field}
        options={fields.map((f) => ({ value: f.name, label: localize(f.label, f.name) }))}
        onChange={(name) => {
          const chosen = fields.find((f) => f.name === name);
          if (chosen !== undefined) onChange(chooseField(chosen));
        }}
      />
      <Select<ConditionOperator>
        aria-label={t("operator")}
        className="condition-operator"
        disabled={field === undefined}
        virtual={false}
        value={field === undefined ? undefined : rule.operator}
        options={operators.map((operator) => ({
          value: operator,
          label: t(operatorTextKey(field, operator)),
        }))}
        onChange={(operator) => onChange(chooseOperator(rule, operator, field))}
      />
      {field !== undefined && (
        <ConditionValueInput
          field={field}
          shape={valueShapeOf(rule.operator)}
          value={rule.value}
          incomplete={incomplete && rule.value !== undefined}
          onChange={(value) =>
            onChange(value === undefined ? { ...rule, value: undefined } : { ...rule, value })
          }
        />
      )}
      <Button
        aria-label={t("remove.condition")}
        title={t("remove.condition")}
        type="text"
        icon={<DeleteOutlined />}
        onClick={onRemove}
      />
    </fieldset>
  );
};
