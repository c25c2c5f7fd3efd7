import type { ObjectDefinition, RelatedList } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Form, Select, Typography } from "antd";
import type { DocumentIssues } from "../editing/issues.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { useLayoutText } from "./layouts-texts.js";

interface Props {
  list: RelatedList;
  index: number;
  child: ObjectDefinition | undefined;
  title: string;
  issues: DocumentIssues;
  onChange: (next: RelatedList) => void;
}

/** A related list's title (the child's plural label when empty) and its columns, in order. */
export const RelatedListProperties = ({ list, index, child, title, issues, onChange }: Props) => {
  const t = useLayoutText();
  const { label } = useLocale();
  const at = `/relatedLists/${index}`;
  const columnProblem = list.columns
    .map((_, c) => issues.at(`${at}/columns/${c}`))
    .find((message) => message !== undefined);
  return (
    <Form layout="vertical" component="div" className="layout-properties-form">
      <Typography.Title level={5}>{title}</Typography.Title>
      <Form.Item
        label={t("related.label")}
        validateStatus={issues.under(`${at}/label`) ? "error" : undefined}
        help={issues.at(`${at}/label`)}
      >
        <LocalizedTextInput
          value={list.label}
          label={t("related.label")}
          onChange={(next) => {
            const { label: _old, ...rest } = list;
            onChange(next.en.trim() === "" && next["zh-CN"] === undefined ? rest : { ...rest, label: next });
          }}
        />
      </Form.Item>
      <Form.Item
        label={t("related.columns")}
        validateStatus={issues.under(`${at}/columns`) ? "error" : undefined}
        help={issues.at(`${at}/columns`) ?? columnProblem}
      >
        <Select
          mode="multiple"
          aria-label={t("related.columns")}
          value={list.columns}
          options={(child?.fields ?? []).map((f) => ({ value: f.name, label: label(f.label, f.name) }))}
          onChange={(columns: string[]) => {
            if (columns.length > 0) onChange({ ...list, columns: columns.slice(0, 10) });
          }}
        />
      </Form.Item>
    </Form>
  );
};
