import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { FieldDefinition } from "@tessera/metadata";
import { Button, Radio, Space, Typography } from "antd";
import { appendChild, emptyGroup, emptyRule, replaceChild } from "./condition-edits.js";
import { ConditionRuleRow } from "./condition-rule-row.js";
import type { ConditionGroup, Junction } from "./condition-tree.js";
import { useConditionText } from "./conditions-texts.js";
import { RawConditionRow } from "./raw-condition-row.js";

interface Props {
  group: ConditionGroup;
  fields: readonly FieldDefinition[];
  onChange: (next: ConditionGroup) => void;
  /** A nested group's name and removal; the top group has neither (the editor names it). */
  label?: string;
  onRemove?: () => void;
}

/** A group of conditions joined by "match all" (and) or "match any" (or); groups nest. */
export const ConditionGroupEditor = ({ group, fields, onChange, label, onRemove }: Props) => {
  const t = useConditionText();
  let groups = 0;
  let rows = 0;
  const body = (
    <>
      <div className="condition-group-header">
        <Radio.Group
          aria-label={t("match.label")}
          optionType="button"
          size="small"
          value={group.junction}
          options={[
            { value: "and", label: t("match.all") },
            { value: "or", label: t("match.any") },
          ]}
          onChange={(e) => onChange({ ...group, junction: e.target.value as Junction })}
        />
        {onRemove !== undefined && (
          <Button
            size="small"
            type="text"
            aria-label={t("remove.group")}
            icon={<DeleteOutlined />}
            onClick={onRemove}
          >
            {t("remove.group")}
          </Button>
        )}
      </div>
      {group.children.length === 0 && (
        <Typography.Text type="secondary" className="condition-empty">
          {t("empty")}
        </Typography.Text>
      )}
      {group.children.map((child, i) => {
        const change = (next: typeof child | undefined) => onChange(replaceChild(group, i, next));
        const remove = () => change(undefined);
        if (child.kind === "group") {
          groups += 1;
          return (
            <ConditionGroupEditor
              // Rows have no identity of their own; the position is theirs while they stay.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={i}
              group={child}
              fields={fields}
              label={t("group.label", { n: groups })}
              onChange={change}
              onRemove={remove}
            />
          );
        }
        rows += 1;
        return child.kind === "rule" ? (
          <ConditionRuleRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are known by their position
            key={i}
            rule={child}
            fields={fields}
            label={t("rule.label", { n: rows })}
            onChange={change}
            onRemove={remove}
          />
        ) : (
          <RawConditionRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are known by their position
            key={i}
            node={child}
            label={t("rule.label", { n: rows })}
            onChange={change}
            onRemove={remove}
          />
        );
      })}
      <Space size="small" className="condition-group-actions">
        <Button
          size="small"
          aria-label={t("add.condition")}
          icon={<PlusOutlined />}
          onClick={() => onChange(appendChild(group, emptyRule()))}
        >
          {t("add.condition")}
        </Button>
        <Button
          size="small"
          aria-label={t("add.group")}
          icon={<PlusOutlined />}
          onClick={() => onChange(appendChild(group, emptyGroup()))}
        >
          {t("add.group")}
        </Button>
      </Space>
    </>
  );
  return label === undefined ? (
    <div className="condition-group">{body}</div>
  ) : (
    <fieldset aria-label={label} className="condition-group condition-group-nested">
      {body}
    </fieldset>
  );
};
