import type { FieldUpdateAction } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Select } from "antd";
import type { ActionEditorProps } from "./action-editor-props.js";
import { retargetFieldUpdate } from "./action-edits.js";
import { useActionText } from "./action-texts.js";
import { writableFields } from "./field-choices.js";
import { IssueItem } from "./issue-item.js";
import { ValueEditor } from "./value-editor.js";

/** Sets one field of the record: which field, and its fixed value or formula. */
export const FieldUpdateEditor = (props: ActionEditorProps<FieldUpdateAction>) => {
  const { action, onChange, setting, issues, pointer, scope } = props;
  const t = useActionText();
  const { label } = useLocale();
  const fields = writableFields(setting.object);
  const field = fields.find((f) => f.name === action.field);
  const name = (part: Parameters<typeof t>[0]) => t("control", { scope, control: t(part) });
  return (
    <div className="action-fields">
      <IssueItem issues={issues} pointer={`${pointer}/field`} label={t("label.field")}>
        <Select
          aria-label={name("part.field")}
          showSearch={{ optionFilterProp: "label" }}
          status={issues.at(`${pointer}/field`) === undefined ? undefined : "error"}
          value={action.field === "" ? undefined : action.field}
          onChange={(next: string) =>
            onChange(
              retargetFieldUpdate(
                action,
                fields.find((f) => f.name === next),
                next,
              ),
            )
          }
          options={fields.map((f) => ({ value: f.name, label: label(f.label, f.name) }))}
        />
      </IssueItem>
      <ValueEditor
        field={field}
        value={action.value}
        onChange={(value) => onChange({ ...action, value })}
        formulaFields={setting.object?.fields ?? []}
        users={setting.users}
        issues={issues}
        pointer={`${pointer}/value`}
        label={name("part.value")}
        kindLabel={name("part.valueKind")}
        fieldLabel={t("label.value")}
      />
    </div>
  );
};
