import { WarningFilled } from "@ant-design/icons";
import type { FieldDefinition } from "@tessera/metadata";
import { fieldTypes } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Tag } from "antd";
import { memo } from "react";
import { SortableRow } from "../dnd/sortable-row.js";
import { fieldRowId } from "./field-drop.js";
import { FieldTypeIcon } from "./field-type-icon.js";
import { useFieldsText } from "./fields-texts.js";

interface Props {
  field: FieldDefinition;
  index: number;
  selected: boolean;
  /** The engine found a problem at or under `/fields/<index>`. */
  hasIssue: boolean;
  isRecordName: boolean;
  onSelect: (index: number) => void;
}

/**
 * One field of the list. Memoised on its own props: editing one field in the property panel
 * re-renders that row only, so a 200-field object stays responsive while typing.
 */
export const FieldRow = memo(({ field, index, selected, hasIssue, isRecordName, onSelect }: Props) => {
  const t = useFieldsText();
  const { label } = useLocale();
  const fieldLabel = label(field.label, field.name);
  const classes = ["field-row", selected ? "field-row-selected" : "", hasIssue ? "field-row-issue" : ""];
  return (
    <SortableRow
      id={fieldRowId(index)}
      handleLabel={t("list.move", { label: fieldLabel })}
      className={classes.join(" ").trim()}
    >
      <button
        type="button"
        className="field-row-select"
        aria-pressed={selected}
        aria-label={t("list.select", { label: fieldLabel, name: field.name })}
        onClick={() => onSelect(index)}
      >
        <span className="field-row-label">
          {hasIssue && <WarningFilled className="field-row-issue-icon" aria-label={t("list.problem")} />}
          {fieldLabel}
        </span>
        <code className="field-row-name">{field.name}</code>
        <span className="field-row-type">
          <FieldTypeIcon type={field.type} /> {label(fieldTypes[field.type].label, field.type)}
        </span>
        <span className="field-row-tags">
          {isRecordName && <Tag color="blue">{t("list.recordName")}</Tag>}
          {"required" in field && field.required === true && <Tag color="red">{t("list.required")}</Tag>}
          {"unique" in field && field.unique === true && <Tag>{t("list.unique")}</Tag>}
        </span>
      </button>
    </SortableRow>
  );
});
