import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { FieldDefinition } from "@tessera/metadata";
import { Typography } from "antd";
import { useMemo } from "react";
import type { DocumentIssues } from "../editing/issues.js";
import { FIELD_LIST_END, fieldRowId } from "./field-drop.js";
import { FieldRow } from "./field-row.js";
import { useFieldsText } from "./fields-texts.js";

interface Props {
  fields: readonly FieldDefinition[];
  recordName: string;
  selected: number | undefined;
  issues: DocumentIssues;
  onSelect: (index: number) => void;
}

const EndZone = () => {
  const t = useFieldsText();
  const { setNodeRef, isOver } = useDroppable({ id: FIELD_LIST_END });
  return (
    <div ref={setNodeRef} className={`field-list-end${isOver ? " field-list-end-over" : ""}`}>
      {t("list.end")}
    </div>
  );
};

/** The object's fields in order, each a sortable row; a palette item dropped on a row goes before it. */
export const FieldList = ({ fields, recordName, selected, issues, onSelect }: Props) => {
  const t = useFieldsText();
  // Ids depend on the count only (rows are identified by position): see field-drop.ts.
  const count = fields.length;
  const ids = useMemo(() => Array.from({ length: count }, (_, i) => fieldRowId(i)), [count]);
  return (
    <section className="field-list" aria-label={t("list.label")}>
      <Typography.Title level={5}>{t("list.title", { count })}</Typography.Title>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {fields.map((field, index) => (
          <FieldRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions (see field-drop.ts)
            key={index}
            field={field}
            index={index}
            selected={selected === index}
            hasIssue={issues.under(`/fields/${index}`)}
            isRecordName={field.name === recordName}
            onSelect={onSelect}
          />
        ))}
      </SortableContext>
      <EndZone />
    </section>
  );
};
