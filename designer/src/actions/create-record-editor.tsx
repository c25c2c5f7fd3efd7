import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { CreateRecordAction, JsonValue } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button, Select, Space } from "antd";
import { startingValue } from "./action-defaults.js";
import type { ActionEditorProps } from "./action-editor-props.js";
import { renameValue, retargetCreateRecord, withoutValue } from "./action-edits.js";
import { useActionText } from "./action-texts.js";
import { writableFields } from "./field-choices.js";
import { IssueItem } from "./issue-item.js";
import { ValueEditor } from "./value-editor.js";

/** Creates a record: of which object, and a fixed value or formula per field. */
export const CreateRecordEditor = (props: ActionEditorProps<CreateRecordAction>) => {
  const { action, onChange, setting, issues, pointer, scope } = props;
  const t = useActionText();
  const { label } = useLocale();
  const target = setting.objects.find((o) => o.name === action.object);
  const fields = writableFields(target);
  const used = new Set(Object.keys(action.values));
  const free = fields.filter((f) => !used.has(f.name));
  const setValues = (values: Record<string, unknown>) => onChange({ ...action, values });
  return (
    <div className="action-fields">
      <IssueItem issues={issues} pointer={`${pointer}/object`} label={t("label.object")}>
        <Select
          aria-label={t("control", { scope, control: t("part.object") })}
          showSearch={{ optionFilterProp: "label" }}
          status={issues.at(`${pointer}/object`) === undefined ? undefined : "error"}
          value={action.object === "" ? undefined : action.object}
          onChange={(name: string) =>
            onChange(
              retargetCreateRecord(
                action,
                setting.objects.find((o) => o.name === name),
                name,
              ),
            )
          }
          options={setting.objects.map((o) => ({ value: o.name, label: label(o.label, o.name) }))}
        />
      </IssueItem>
      <IssueItem
        issues={issues}
        pointer={`${pointer}/values`}
        label={t("label.values")}
        help={t("create.help")}
      >
        <div className="create-record-values">
          {Object.entries(action.values).map(([name, value], v) => {
            const rowScope = `${scope}, ${t("create.value", { n: v + 1 })}`;
            const field = fields.find((f) => f.name === name);
            return (
              <Space key={name} align="start" wrap className="value-row">
                <Select
                  aria-label={t("control", { scope: rowScope, control: t("part.field") })}
                  style={{ minWidth: 200 }}
                  showSearch={{ optionFilterProp: "label" }}
                  value={name}
                  onChange={(next: string) =>
                    setValues(
                      renameValue(
                        action.values,
                        name,
                        next,
                        fields.find((f) => f.name === next),
                      ),
                    )
                  }
                  options={[...(field === undefined ? [] : [field]), ...free].map((f) => ({
                    value: f.name,
                    label: label(f.label, f.name),
                  }))}
                />
                <div style={{ minWidth: 260 }}>
                  <ValueEditor
                    field={field}
                    value={value}
                    onChange={(next: JsonValue) => setValues({ ...action.values, [name]: next })}
                    formulaFields={setting.object?.fields ?? []}
                    users={setting.users}
                    issues={issues}
                    pointer={`${pointer}/values/${name}`}
                    label={t("control", { scope: rowScope, control: t("part.value") })}
                    kindLabel={t("control", { scope: rowScope, control: t("part.valueKind") })}
                  />
                </div>
                <Button
                  aria-label={t("list.remove", { scope: rowScope })}
                  icon={<DeleteOutlined />}
                  onClick={() => setValues(withoutValue(action.values, name))}
                />
              </Space>
            );
          })}
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={free.length === 0}
            aria-label={`${t("create.addValue")} (${scope})`}
            onClick={() => {
              const field = free[0];
              if (field !== undefined) setValues({ ...action.values, [field.name]: startingValue(field) });
            }}
          >
            {t("create.addValue")}
          </Button>
        </div>
      </IssueItem>
    </div>
  );
};
