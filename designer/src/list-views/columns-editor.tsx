import { PlusOutlined } from "@ant-design/icons";
import {
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  pointerWithin,
  useDraggable,
  useDroppable,
} from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { descriptorOf, type FieldDefinition, type ObjectDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button, Tag, Tooltip, Typography } from "antd";
import { type PointerEvent, type ReactNode, useState } from "react";
import { useDesignerSensors } from "../dnd/sensors.js";
import { SortableRow } from "../dnd/sortable-row.js";
import { ProblemText, RemoveRowButton } from "../editing/row-parts.js";
import {
  addColumn,
  availableFields,
  COLUMNS_ID,
  columnIds,
  columnsAfterDrop,
  MAX_COLUMNS,
  PALETTE_ID,
  paletteItemId,
  removeColumn,
} from "./list-view-columns.js";
import { useListViewText } from "./list-view-texts.js";

interface Props {
  object: ObjectDefinition;
  columns: readonly string[];
  onChange: (next: string[]) => void;
  /** The engine's problem at a JSON pointer of the list view. */
  issueAt: (pointer: string) => string | undefined;
}

/**
 * Pointer drops prefer the row under the pointer over the list around it (which would append).
 * Keyboard drags (no pointer) only reorder: they take the closest column, never the palette.
 */
const collisions: CollisionDetection = (args) => {
  if (args.pointerCoordinates === null) {
    const columns = args.droppableContainers.filter((c) => String(c.id).startsWith("column:"));
    return closestCenter({ ...args, droppableContainers: columns });
  }
  const hits = pointerWithin(args);
  const rows = hits.filter((hit) => hit.id !== COLUMNS_ID && hit.id !== PALETTE_ID);
  if (rows.length > 0) return rows;
  return hits.length > 0 ? hits : closestCenter(args);
};

type PointerHandler = (event: PointerEvent<HTMLElement>) => void;

/**
 * A field of the palette. Only the pointer drags it: its Add button keeps Enter and Space (adding
 * at the end), which is the keyboard way in; the column handles then reorder by keyboard.
 */
const PaletteField = ({
  field,
  label,
  full,
  onAdd,
}: {
  field: FieldDefinition;
  label: string;
  full: boolean;
  onAdd: () => void;
}) => {
  const t = useListViewText();
  const { label: localize } = useLocale();
  const { setNodeRef, listeners, isDragging } = useDraggable({
    id: paletteItemId(field.name),
    disabled: full,
  });
  return (
    <div
      ref={setNodeRef}
      className="lv-palette-item"
      style={{ opacity: isDragging ? 0.4 : 1 }}
      onPointerDown={listeners?.onPointerDown as PointerHandler | undefined}
    >
      <span className="lv-item-label">{label}</span>
      <Tag>{localize(descriptorOf(field).label, field.type)}</Tag>
      <Button
        size="small"
        icon={<PlusOutlined />}
        aria-label={t("columns.add", { label })}
        disabled={full}
        onClick={onAdd}
      />
    </div>
  );
};

const Palette = ({ children }: { children: ReactNode }) => {
  const { setNodeRef, isOver } = useDroppable({ id: PALETTE_ID });
  return (
    <div ref={setNodeRef} className={`lv-palette ${isOver ? "lv-drop-over" : ""}`}>
      {children}
    </div>
  );
};

const ColumnList = ({ children, empty }: { children: ReactNode; empty: boolean }) => {
  const t = useListViewText();
  const { setNodeRef, isOver } = useDroppable({ id: COLUMNS_ID });
  return (
    <div ref={setNodeRef} className={`lv-columns ${isOver ? "lv-drop-over" : ""}`}>
      {children}
      <div className="lv-drop-hint">{empty ? t("columns.dropHere") : null}</div>
    </div>
  );
};

/** Columns by drag and drop: the object's fields on the left, the list's columns in order on the right. */
export const ColumnsEditor = ({ object, columns, onChange, issueAt }: Props) => {
  const t = useListViewText();
  const { label: localize } = useLocale();
  const sensors = useDesignerSensors();
  const [dragged, setDragged] = useState<string>();
  const fieldLabel = (name: string) => {
    const field = object.fields.find((f) => f.name === name);
    return field === undefined ? name : localize(field.label, name);
  };
  const ids = columnIds(columns);
  const available = availableFields(object, columns);
  const full = columns.length >= MAX_COLUMNS;
  const draggedLabel = (id: string) => {
    const index = ids.indexOf(id);
    const name = index >= 0 ? columns[index] : id.slice(id.indexOf(":") + 1);
    return fieldLabel(name ?? id);
  };
  const change = (next: string[]) => {
    if (next.length !== columns.length || next.some((c, i) => c !== columns[i])) onChange(next);
  };
  const onDragStart = ({ active }: DragStartEvent) => setDragged(String(active.id));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(undefined);
    change(columnsAfterDrop(columns, String(active.id), over === null ? undefined : String(over.id)));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(undefined)}
    >
      <div className="lv-columns-editor">
        <section aria-label={t("columns.available")}>
          <Typography.Text strong>{t("columns.available")}</Typography.Text>
          <Palette>
            {available.length === 0 ? (
              <Typography.Text type="secondary">{t("columns.allShown")}</Typography.Text>
            ) : (
              available.map((field) => (
                <PaletteField
                  key={field.name}
                  field={field}
                  label={localize(field.label, field.name)}
                  full={full}
                  onAdd={() => change(addColumn(columns, field.name))}
                />
              ))
            )}
          </Palette>
        </section>
        <section aria-label={t("columns.list")}>
          <Typography.Text strong>{t("columns.list")}</Typography.Text>
          <ColumnList empty={columns.length === 0}>
            <SortableContext items={ids} strategy={verticalListSortingStrategy}>
              {columns.map((column, index) => {
                const label = fieldLabel(column);
                const problem = issueAt(`/columns/${index}`);
                return (
                  <SortableRow
                    key={ids[index]}
                    id={ids[index] ?? column}
                    handleLabel={t("columns.move", { label })}
                    className={problem === undefined ? "" : "lv-row-error"}
                  >
                    <div className="lv-row">
                      <span className="lv-item-label">
                        {label} <Typography.Text type="secondary">{column}</Typography.Text>
                      </span>
                      {column === object.recordName && <Tag color="blue">{t("columns.recordName")}</Tag>}
                      <Tooltip title={t("columns.remove", { label })}>
                        <RemoveRowButton
                          label={t("columns.remove", { label })}
                          disabled={columns.length <= 1}
                          onClick={() => change(removeColumn(columns, index))}
                        />
                      </Tooltip>
                    </div>
                    <ProblemText problem={problem} />
                  </SortableRow>
                );
              })}
            </SortableContext>
          </ColumnList>
          {full && <Typography.Text type="secondary">{t("columns.limit")}</Typography.Text>}
          <ProblemText problem={issueAt("/columns")} />
        </section>
      </div>
      {/* Only palette fields need an overlay (their list scrolls and clips); columns move in place. */}
      <DragOverlay>
        {dragged?.startsWith("palette:") ? (
          <div className="lv-drag-overlay">{draggedLabel(dragged)}</div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
};
