import { ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { PicklistOption } from "@tessera/metadata";
import { Button, Checkbox, Form, Input } from "antd";
import { moveItem } from "../dnd/move-item.js";
import type { DocumentIssues } from "../editing/issues.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { useFieldsText } from "./fields-texts.js";
import { addPicklistOption } from "./picklist-options.js";

interface Props {
  options: readonly PicklistOption[];
  onChange: (next: PicklistOption[]) => void;
  /** `/fields/<index>/options`: the engine's problems are found below it. */
  pointer: string;
  issues: DocumentIssues;
}

/** A picklist's options: a stored value and a label in both languages each, in display order. */
export const PicklistOptionsEditor = ({ options, onChange, pointer, issues }: Props) => {
  const t = useFieldsText();
  const change = (index: number, next: PicklistOption) =>
    onChange(options.map((option, i) => (i === index ? next : option)));
  const listProblem = issues.at(pointer);
  return (
    <Form.Item
      label={t("props.options")}
      validateStatus={listProblem === undefined ? undefined : "error"}
      help={listProblem}
    >
      <div className="picklist-options">
        <div className="picklist-option picklist-option-header" aria-hidden>
          <span>{t("option.valueHeader")}</span>
          <span>{t("option.labelHeader")}</span>
          <span>{t("option.activeHeader")}</span>
        </div>
        {options.map((option, index) => {
          const n = index + 1;
          const at = `${pointer}/${index}`;
          const valueProblem = issues.at(`${at}/value`);
          const labelProblem = issues.at(`${at}/label`) ?? issues.at(`${at}/label/en`);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place, values change as typed
            <div key={index} className="picklist-option">
              <Form.Item
                validateStatus={valueProblem === undefined ? undefined : "error"}
                help={valueProblem}
                noStyle={valueProblem === undefined}
              >
                <Input
                  aria-label={t("option.value", { n })}
                  value={option.value}
                  status={valueProblem === undefined ? undefined : "error"}
                  onChange={(e) => change(index, { ...option, value: e.target.value })}
                />
              </Form.Item>
              <Form.Item
                validateStatus={labelProblem === undefined ? undefined : "error"}
                help={labelProblem}
                noStyle={labelProblem === undefined}
              >
                <LocalizedTextInput
                  label={t("option.label", { n })}
                  value={option.label}
                  {...(labelProblem === undefined ? {} : { status: "error" as const })}
                  onChange={(label) => change(index, { ...option, label })}
                />
              </Form.Item>
              <Checkbox
                aria-label={t("option.active", { n })}
                checked={option.active !== false}
                onChange={(e) => {
                  const { active: _, ...rest } = option;
                  change(index, e.target.checked ? rest : { ...rest, active: false });
                }}
              />
              <Button
                type="text"
                icon={<ArrowUpOutlined />}
                aria-label={t("option.up", { n })}
                disabled={index === 0}
                onClick={() => onChange(moveItem(options, index, index - 1))}
              />
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("option.remove", { n })}
                disabled={options.length === 1}
                onClick={() => onChange(options.filter((_, i) => i !== index))}
              />
            </div>
          );
        })}
        <Button icon={<PlusOutlined />} onClick={() => onChange(addPicklistOption(options))}>
          {t("option.add")}
        </Button>
      </div>
    </Form.Item>
  );
};
