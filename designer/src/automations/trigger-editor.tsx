import type { Automation, Duration, JsonValue, Trigger } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Checkbox, InputNumber, Select, Space } from "antd";
import type { ActionSetting } from "../actions/action-defaults.js";
import { dateFields, definitionOf, watchableFields } from "../actions/field-choices.js";
import { FieldValueInput } from "../actions/field-value-input.js";
import { IssueItem } from "../actions/issue-item.js";
import { ConditionEditor } from "../conditions/condition-editor.js";
import type { DocumentIssues } from "../editing/issues.js";
import {
  startingBound,
  TRIGGER_TYPES,
  type TriggerType,
  triggerOfType,
  watchField,
  withChangeBound,
  withSlaFrom,
  withSlaUnless,
} from "./automation-model.js";
import { useAutomationText } from "./automation-texts.js";
import { TRIGGER_LABELS } from "./trigger-labels.js";

interface Props {
  automation: Automation;
  onChange: (trigger: Trigger) => void;
  setting: ActionSetting;
  issues: DocumentIssues;
}

/** When the automation fires: its kind, and the field, values and times the kind needs. */
export const TriggerEditor = ({ automation, onChange, setting, issues }: Props) => {
  const t = useAutomationText();
  const { trigger } = automation;
  const errorAt = (pointer: string) => (issues.at(pointer) === undefined ? undefined : ("error" as const));
  return (
    <div className="trigger-editor">
      <IssueItem issues={issues} pointer="/trigger/type" label={t("trigger.type")}>
        <Select
          aria-label={t("trigger.type")}
          status={errorAt("/trigger/type")}
          value={trigger.type}
          onChange={(type: TriggerType) => onChange(triggerOfType(type, setting.object))}
          options={TRIGGER_TYPES.map((type) => ({ value: type, label: t(TRIGGER_LABELS[type]) }))}
        />
      </IssueItem>
      <TriggerDetails trigger={trigger} onChange={onChange} setting={setting} issues={issues} />
    </div>
  );
};

interface DetailsProps {
  trigger: Trigger;
  onChange: (trigger: Trigger) => void;
  setting: ActionSetting;
  issues: DocumentIssues;
}

const TriggerDetails = ({ trigger, onChange, setting, issues }: DetailsProps) => {
  const t = useAutomationText();
  const { label } = useLocale();
  const errorAt = (pointer: string) => (issues.at(pointer) === undefined ? undefined : ("error" as const));
  switch (trigger.type) {
    case "create":
    case "update":
    case "createOrUpdate":
      return null;
    case "fieldChange": {
      const field = definitionOf(setting.object, trigger.field);
      return (
        <div className="trigger-grid">
          <IssueItem issues={issues} pointer="/trigger/field" label={t("trigger.field")}>
            <Select
              aria-label={t("trigger.field")}
              showSearch={{ optionFilterProp: "label" }}
              status={errorAt("/trigger/field")}
              value={trigger.field}
              onChange={(name: string) => onChange(watchField(name))}
              options={watchableFields(setting.object).map((f) => ({
                value: f.name,
                label: label(f.label, f.name),
              }))}
            />
          </IssueItem>
          {(["from", "to"] as const).map((bound) => {
            const on = Object.hasOwn(trigger, bound);
            return (
              <IssueItem key={bound} issues={issues} pointer={`/trigger/${bound}`}>
                <Space orientation="vertical" style={{ width: "100%" }}>
                  <Checkbox
                    checked={on}
                    onChange={(e) =>
                      onChange(
                        withChangeBound(trigger, bound, e.target.checked ? startingBound(field) : undefined),
                      )
                    }
                  >
                    {t(bound === "from" ? "trigger.fromOn" : "trigger.toOn")}
                  </Checkbox>
                  {on && (
                    <FieldValueInput
                      field={field}
                      value={trigger[bound]}
                      onChange={(value: JsonValue) => onChange(withChangeBound(trigger, bound, value))}
                      label={t(bound === "from" ? "trigger.from" : "trigger.to")}
                      users={setting.users}
                      status={errorAt(`/trigger/${bound}`)}
                    />
                  )}
                </Space>
              </IssueItem>
            );
          })}
        </div>
      );
    }
    case "scheduled":
      return (
        <div className="trigger-grid">
          <DurationInput
            value={trigger.offset}
            onChange={(offset) => onChange({ ...trigger, offset })}
            pointer="/trigger/offset"
            issues={issues}
            amountLabel={t("trigger.offsetAmount")}
            unitLabel={t("trigger.offsetUnit")}
          />
          <IssueItem issues={issues} pointer="/trigger/direction" label={t("trigger.direction")}>
            <Select
              aria-label={t("trigger.direction")}
              value={trigger.direction}
              onChange={(direction: "before" | "after") => onChange({ ...trigger, direction })}
              options={[
                { value: "before", label: t("trigger.before") },
                { value: "after", label: t("trigger.after") },
              ]}
            />
          </IssueItem>
          <IssueItem
            issues={issues}
            pointer="/trigger/field"
            label={t("trigger.dateField")}
            help={t("trigger.scheduledHelp")}
          >
            <Select
              aria-label={t("trigger.dateField")}
              status={errorAt("/trigger/field")}
              value={trigger.field}
              onChange={(field: string) => onChange({ ...trigger, field })}
              options={dateFields(setting.object).map((f) => ({
                value: f.name,
                label: label(f.label, f.name),
              }))}
            />
          </IssueItem>
        </div>
      );
    case "sla":
      return (
        <>
          <div className="trigger-grid">
            <DurationInput
              value={trigger.after}
              onChange={(after) => onChange({ ...trigger, after })}
              pointer="/trigger/after"
              issues={issues}
              amountLabel={t("trigger.slaAmount")}
              unitLabel={t("trigger.slaUnit")}
            />
            <IssueItem issues={issues} pointer="/trigger/from" label={t("trigger.slaFrom")}>
              <Select
                aria-label={t("trigger.slaFrom")}
                allowClear
                placeholder={t("trigger.slaFromPlaceholder")}
                status={errorAt("/trigger/from")}
                value={trigger.from}
                onChange={(from: string | undefined) => onChange(withSlaFrom(trigger, from))}
                options={dateFields(setting.object).map((f) => ({
                  value: f.name,
                  label: label(f.label, f.name),
                }))}
              />
            </IssueItem>
          </div>
          <IssueItem
            issues={issues}
            pointer="/trigger/unless"
            label={t("trigger.slaUnless")}
            help={t("trigger.slaUnlessHelp")}
          >
            <ConditionEditor
              value={trigger.unless as JsonValue | undefined}
              onChange={(unless) => onChange(withSlaUnless(trigger, unless))}
              fields={setting.object?.fields ?? []}
              error={issues.at("/trigger/unless")}
              label={t("trigger.slaUnless")}
            />
          </IssueItem>
        </>
      );
  }
};

interface DurationProps {
  value: Duration;
  onChange: (next: Duration) => void;
  pointer: string;
  issues: DocumentIssues;
  amountLabel: string;
  unitLabel: string;
}

const DurationInput = ({ value, onChange, pointer, issues, amountLabel, unitLabel }: DurationProps) => {
  const t = useAutomationText();
  return (
    <IssueItem issues={issues} pointer={`${pointer}/amount`} label={amountLabel}>
      <Space.Compact>
        <InputNumber
          aria-label={amountLabel}
          min={0}
          max={100_000}
          precision={0}
          status={issues.at(`${pointer}/amount`) === undefined ? undefined : "error"}
          value={value.amount}
          onChange={(amount) => {
            if (typeof amount === "number") onChange({ ...value, amount });
          }}
        />
        <Select
          aria-label={unitLabel}
          style={{ minWidth: 110 }}
          value={value.unit}
          onChange={(unit: Duration["unit"]) => onChange({ ...value, unit })}
          options={(["minutes", "hours", "days"] as const).map((unit) => ({
            value: unit,
            label: t(`unit.${unit}`),
          }))}
        />
      </Space.Compact>
    </IssueItem>
  );
};
