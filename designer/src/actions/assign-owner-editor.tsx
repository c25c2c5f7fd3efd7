import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { AssignOwnerAction, JsonValue } from "@tessera/metadata";
import { AutoComplete, Button, Radio } from "antd";
import { ConditionEditor } from "../conditions/condition-editor.js";
import type { ActionEditorProps } from "./action-editor-props.js";
import { removeAt, replaceAt } from "./action-edits.js";
import { useActionText } from "./action-texts.js";
import { IssueItem } from "./issue-item.js";
import { UserSelect } from "./user-select.js";

type Rules = Extract<AssignOwnerAction, { strategy: "rules" }>["rules"];

/** Assigns the owner: by the first matching rule, or round robin among a group's members. */
export const AssignOwnerEditor = (props: ActionEditorProps<AssignOwnerAction>) => {
  const { action, onChange, setting, issues, pointer, scope } = props;
  const t = useActionText();
  const name = (control: string) => t("control", { scope, control });
  const setRules = (rules: Rules) => onChange({ type: "assignOwner", strategy: "rules", rules });
  return (
    <div className="action-fields">
      <IssueItem issues={issues} pointer={`${pointer}/strategy`} label={t("label.strategy")}>
        <Radio.Group
          aria-label={name(t("part.strategy"))}
          value={action.strategy}
          onChange={(e) =>
            onChange(
              e.target.value === "roundRobin"
                ? { type: "assignOwner", strategy: "roundRobin", group: setting.groups[0] ?? "" }
                : {
                    type: "assignOwner",
                    strategy: "rules",
                    rules: [{ when: true, owner: setting.users[0]?.username ?? "" }],
                  },
            )
          }
          options={[
            { value: "rules", label: t("assign.rules") },
            { value: "roundRobin", label: t("assign.roundRobin") },
          ]}
        />
      </IssueItem>
      {action.strategy === "roundRobin" ? (
        <IssueItem issues={issues} pointer={`${pointer}/group`} label={t("label.group")}>
          <AutoComplete
            aria-label={name(t("part.group"))}
            status={issues.at(`${pointer}/group`) === undefined ? undefined : "error"}
            value={action.group}
            onChange={(group: string) => onChange({ ...action, group })}
            options={setting.groups.map((group) => ({ value: group }))}
          />
        </IssueItem>
      ) : (
        <IssueItem issues={issues} pointer={`${pointer}/rules`} help={t("assign.rulesHelp")}>
          <div className="assignment-rules">
            {action.rules.map((rule, r) => {
              const rowScope = `${scope}, ${t("assign.rule", { n: r + 1 })}`;
              const at = `${pointer}/rules/${r}`;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rules are edited in place, never reordered
                <div key={r} className="assignment-rule">
                  <IssueItem issues={issues} pointer={`${at}/when`}>
                    <ConditionEditor
                      value={rule.when as JsonValue}
                      onChange={(when) =>
                        setRules(replaceAt(action.rules, r, { ...rule, when: when ?? true }))
                      }
                      fields={setting.object?.fields ?? []}
                      error={issues.at(`${at}/when`)}
                      label={t("control", { scope: rowScope, control: t("part.when") })}
                    />
                  </IssueItem>
                  <IssueItem issues={issues} pointer={`${at}/owner`}>
                    <UserSelect
                      label={t("control", { scope: rowScope, control: t("part.owner") })}
                      by="username"
                      users={setting.users}
                      status={issues.at(`${at}/owner`) === undefined ? undefined : "error"}
                      value={rule.owner}
                      onChange={(owner) =>
                        setRules(replaceAt(action.rules, r, { ...rule, owner: owner ?? "" }))
                      }
                    />
                  </IssueItem>
                  <Button
                    aria-label={t("list.remove", { scope: rowScope })}
                    icon={<DeleteOutlined />}
                    disabled={action.rules.length <= 1}
                    onClick={() => setRules(removeAt(action.rules, r))}
                  />
                </div>
              );
            })}
            <Button
              size="small"
              icon={<PlusOutlined />}
              aria-label={`${t("assign.addRule")} (${scope})`}
              onClick={() =>
                setRules([...action.rules, { when: true, owner: setting.users[0]?.username ?? "" }])
              }
            >
              {t("assign.addRule")}
            </Button>
          </div>
        </IssueItem>
      )}
    </div>
  );
};
