import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { LayoutSection, LocalizedText } from "@tessera/metadata";
import { Checkbox, Form, Segmented, Typography } from "antd";
import { useMemo } from "react";
import { SortableRow } from "../dnd/sortable-row.js";
import type { DocumentIssues } from "../editing/issues.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { DeleteSectionButton } from "./delete-section-button.js";
import { columnId } from "./layout-drag.js";
import { COLUMN_COUNTS, type ColumnCount, type PlacedItem, type SectionColumns } from "./layout-moves.js";
import { useLayoutText } from "./layouts-texts.js";
import { PlacedFieldRow } from "./placed-field-row.js";

/** How the section card shows each placed field; the page knows labels, rules and problems. */
export interface FieldRowInfo {
  label: (field: string) => string;
  unknown: (field: string) => boolean;
  mustStay: (field: string) => boolean;
  selected: string | undefined;
  /** The placeholder of a palette field being dragged in. */
  placeholder: string | undefined;
  problem: (placed: PlacedItem) => string | undefined;
  onSelect: (field: string) => void;
  onRemove: (field: string) => void;
}

const Column = ({
  id,
  name,
  items,
  rows,
}: {
  id: string;
  name: string;
  items: readonly PlacedItem[];
  rows: FieldRowInfo;
}) => {
  const t = useLayoutText();
  const { setNodeRef, isOver } = useDroppable({ id });
  // The same array while the ids are the same: a new one would re-render every row of the column.
  const key = items.map((p) => p.id).join("\n");
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the ids, not the array
  const ids = useMemo(() => items.map((p) => p.id), [key]);
  return (
    <SortableContext id={id} items={ids} strategy={verticalListSortingStrategy}>
      <fieldset ref={setNodeRef} aria-label={name} className={`layout-column${isOver ? " is-over" : ""}`}>
        {items.map((placed) => (
          <PlacedFieldRow
            key={placed.id}
            placed={placed}
            label={rows.label(placed.item.field)}
            unknown={rows.unknown(placed.item.field)}
            mustStay={rows.mustStay(placed.item.field)}
            selected={rows.selected === placed.item.field}
            placeholder={rows.placeholder === placed.id}
            problem={rows.problem(placed)}
            onSelect={() => rows.onSelect(placed.item.field)}
            onRemove={() => rows.onRemove(placed.item.field)}
          />
        ))}
        {items.length === 0 && <div className="layout-column-empty">{t("section.dropHere")}</div>}
      </fieldset>
    </SortableContext>
  );
};

interface Props {
  sortableId: string;
  index: number;
  section: LayoutSection;
  /** The section's label in the designer's language. */
  title: string;
  columns: SectionColumns;
  rows: FieldRowInfo;
  issues: DocumentIssues;
  canDelete: boolean;
  onLabel: (label: LocalizedText) => void;
  onColumns: (count: ColumnCount) => void;
  onCollapsed: (collapsed: boolean) => void;
  onDelete: () => void;
}

/** A section: drag handle, label, number of columns, collapsed flag, delete; its columns of fields. */
export const SectionCard = (props: Props) => {
  const { index, section, title, columns, rows, issues } = props;
  const t = useLayoutText();
  const at = `/sections/${index}`;
  return (
    <SortableRow
      id={props.sortableId}
      handleLabel={t("section.move", { section: title })}
      className="layout-section"
    >
      <div className="layout-section-head">
        <Form.Item
          className="layout-section-label"
          validateStatus={issues.under(`${at}/label`) || issues.at(`${at}/id`) ? "error" : undefined}
          help={issues.at(`${at}/label`) ?? issues.at(`${at}/label/en`) ?? issues.at(`${at}/id`)}
        >
          <LocalizedTextInput
            value={section.label}
            onChange={props.onLabel}
            label={t("section.label", { section: title })}
            {...(issues.under(`${at}/label`) && { status: "error" as const })}
          />
        </Form.Item>
        <Form.Item
          validateStatus={issues.at(`${at}/columns`) ? "error" : undefined}
          help={issues.at(`${at}/columns`)}
        >
          <Segmented<ColumnCount>
            aria-label={t("section.columns", { section: title })}
            value={section.columns}
            options={COLUMN_COUNTS.map((count) => ({ value: count, label: String(count) }))}
            onChange={props.onColumns}
          />
        </Form.Item>
        <Checkbox
          checked={section.collapsed === true}
          aria-label={t("section.collapsedName", { section: title })}
          onChange={(e) => props.onCollapsed(e.target.checked)}
        >
          {t("section.collapsed")}
        </Checkbox>
        <DeleteSectionButton
          title={title}
          description={t("section.deleteText")}
          canDelete={props.canDelete}
          onDelete={props.onDelete}
        />
      </div>
      {issues.at(`${at}/items`) !== undefined && (
        <Typography.Text type="danger">{issues.at(`${at}/items`)}</Typography.Text>
      )}
      <div
        className="layout-columns"
        style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}
      >
        {columns.map((items, c) => (
          <Column
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions
            key={c}
            id={columnId(index, c)}
            name={t("section.column", { column: c + 1, section: title })}
            items={items}
            rows={rows}
          />
        ))}
      </div>
    </SortableRow>
  );
};
