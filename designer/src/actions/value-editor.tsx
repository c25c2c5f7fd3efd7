import { expressionOfValue, type FieldDefinition, type JsonValue } from "@tessera/metadata";
import { Radio, Space } from "antd";
import { FormulaEditor } from "../conditions/formula-editor.js";
import type { DocumentIssues } from "../editing/issues.js";
import type { DirectoryUser } from "./action-defaults.js";
import { switchValueKind } from "./action-edits.js";
import { useActionText } from "./action-texts.js";
import { FieldValueInput } from "./field-value-input.js";
import { IssueItem } from "./issue-item.js";

interface Props {
  /** The field the value is for (undefined until one is chosen). */
  field: FieldDefinition | undefined;
  value: unknown;
  onChange: (next: JsonValue) => void;
  /** Fields a formula may read: those of the record the action runs on. */
  formulaFields: readonly FieldDefinition[];
  users: readonly DirectoryUser[];
  issues: DocumentIssues;
  /** Pointer of the value (`/actions/0/value`). */
  pointer: string;
  /** Accessible name of the value's controls ("Action 1: value"). */
  label: string;
  kindLabel: string;
  fieldLabel?: string;
}

/** An action value: a fixed value typed for the field, or a formula computed when the action runs. */
export const ValueEditor = (props: Props) => {
  const { field, value, onChange, formulaFields, users, issues, pointer, label, kindLabel } = props;
  const t = useActionText();
  const computed = expressionOfValue(value);
  return (
    <IssueItem issues={issues} pointer={pointer} label={props.fieldLabel}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Radio.Group
          aria-label={kindLabel}
          optionType="button"
          size="small"
          value={computed === undefined ? "fixed" : "formula"}
          onChange={(e) => onChange(switchValueKind(value, e.target.value === "formula", field))}
          options={[
            { value: "fixed", label: t("value.fixed") },
            { value: "formula", label: t("value.formula") },
          ]}
        />
        {computed === undefined ? (
          <FieldValueInput
            field={field}
            value={value}
            onChange={onChange}
            label={label}
            users={users}
            status={issues.at(pointer) === undefined ? undefined : "error"}
          />
        ) : (
          <IssueItem issues={issues} pointer={`${pointer}/expression`} help={t("value.formulaHelp")}>
            <FormulaEditor
              value={computed.expression as JsonValue}
              onChange={(expression) => onChange({ expression: expression ?? null })}
              fields={formulaFields}
              returnType={field?.type}
              error={issues.at(`${pointer}/expression`)}
              label={label}
            />
          </IssueItem>
        )}
      </Space>
    </IssueItem>
  );
};
