import {
  type Announcements,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  pointerWithin,
  rectIntersection,
} from "@dnd-kit/core";
import type { FieldDefinition, FieldType, ObjectDefinition } from "@tessera/metadata";
import { fieldTypes } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Empty } from "antd";
import { useCallback, useMemo, useRef, useState } from "react";
import { moveItem } from "../dnd/move-item.js";
import { useDesignerSensors } from "../dnd/sensors.js";
import { useDraft } from "../draft/draft-context.js";
import type { DocumentEditor } from "../editing/use-document-editor.js";
import { DeleteFieldModal } from "./delete-field-modal.js";
import {
  FIELD_LIST_END,
  paletteTypeOf,
  resolveFieldDrop,
  rowIndexOf,
  selectionAfterMove,
  selectionAfterRemove,
} from "./field-drop.js";
import { FieldList } from "./field-list.js";
import { FieldPalette } from "./field-palette.js";
import { FieldProperties } from "./field-properties.js";
import { FieldTypeIcon } from "./field-type-icon.js";
import { useFieldsText } from "./fields-texts.js";
import { insertNewField } from "./new-field.js";
import { paletteKeyboardCoordinates } from "./palette-keyboard-coordinates.js";
import { usePublishedFields } from "./use-published-fields.js";
import "./fields.css";

/**
 * The pointer's target when there is a pointer. For keyboard drags, the target the dragged item
 * overlaps most: a field type just picked up from the palette overlaps nothing, so the first
 * arrow key moves it to the first row wherever the palette button sits.
 */
const collisionDetection: CollisionDetection = (args) =>
  args.pointerCoordinates === null ? rectIntersection(args) : pointerWithin(args);

/**
 * The fields of an object: the palette of every field type dragged (or pressed) into the list,
 * the list reordered by dragging, and the selected field's properties. One DndContext holds the
 * palette and the list, so a type goes from one to the other with the pointer or the keyboard.
 */
export const FieldsTab = ({ editor }: { editor: DocumentEditor<"object"> }) => {
  const t = useFieldsText();
  const { label } = useLocale();
  const draft = useDraft();
  const sensors = useDesignerSensors(paletteKeyboardCoordinates);
  const object = editor.value;
  const published = usePublishedFields(editor.name, object);
  const [selected, setSelected] = useState<number | undefined>();
  const [deleting, setDeleting] = useState<number | undefined>();
  const [dragging, setDragging] = useState<string | undefined>();
  // Stable callbacks for the memoised palette and rows: they read the latest editor through refs.
  const latest = useRef({ update: editor.update, count: 0 });
  latest.current = { update: editor.update, count: object?.fields.length ?? 0 };
  const update: DocumentEditor<"object">["update"] = useCallback((next) => latest.current.update(next), []);

  const objects = useMemo(() => draft.ofKind("object"), [draft]);
  // What a new field's defaults are chosen from; the object's own fields do not matter for them.
  const context = useMemo(() => ({ object: editor.name, objects }), [editor.name, objects]);

  const add = useCallback(
    (type: FieldType, index?: number) => {
      const count = latest.current.count;
      const at = Math.max(0, Math.min(index ?? count, count));
      update((current) => ({ ...current, fields: insertNewField(current.fields, type, at, context).fields }));
      setSelected(at);
    },
    [update, context],
  );
  const addAtEnd = useCallback((type: FieldType) => add(type), [add]);

  const changeField = useCallback(
    (index: number, change: (field: FieldDefinition) => FieldDefinition) =>
      update((current) => ({
        ...current,
        fields: current.fields.map((f, i) => (i === index ? change(f) : f)),
      })),
    [update],
  );

  const onDragEnd = (event: DragEndEvent) => {
    setDragging(undefined);
    if (object === undefined) return;
    const drop = resolveFieldDrop(String(event.active.id), event.over?.id?.toString(), object.fields.length);
    if (drop === undefined) return;
    if (drop.kind === "insert") {
      add(drop.type, drop.index);
      return;
    }
    update((current) => ({ ...current, fields: moveItem(current.fields, drop.from, drop.to) }));
    setSelected((current) => selectionAfterMove(current, drop.from, drop.to));
  };

  const confirmDelete = () => {
    const index = deleting;
    setDeleting(undefined);
    if (index === undefined) return;
    update((current) => ({ ...current, fields: current.fields.filter((_, i) => i !== index) }));
    setSelected((current) => selectionAfterRemove(current, index));
  };

  const describe = useCallback(
    (id: string | number): string => {
      const type = paletteTypeOf(String(id));
      if (type !== undefined) return label(fieldTypes[type].label, type);
      const index = rowIndexOf(String(id));
      const field = index === undefined ? undefined : object?.fields[index];
      return field === undefined ? String(id) : label(field.label, field.name);
    },
    [label, object],
  );
  const announcements = useMemo<Announcements>(() => {
    const position = (over: { id: string | number } | null, item: string) => {
      if (over === null) return t("dnd.outside", { item });
      if (over.id === FIELD_LIST_END) return t("dnd.overEnd", { item });
      return t("dnd.over", { item, position: (rowIndexOf(String(over.id)) ?? 0) + 1 });
    };
    return {
      onDragStart: ({ active }) => t("dnd.picked", { item: describe(active.id) }),
      onDragOver: ({ active, over }) => position(over, describe(active.id)),
      onDragEnd: ({ active }) => t("dnd.dropped", { item: describe(active.id) }),
      onDragCancel: ({ active }) => t("dnd.cancelled", { item: describe(active.id) }),
    };
  }, [describe, t]);

  if (object === undefined) return <Empty description={t("notFound", { name: editor.name })} />;
  const draggedType = dragging === undefined ? undefined : paletteTypeOf(dragging);
  const draggedRow = dragging === undefined ? undefined : rowIndexOf(dragging);
  const draggedField = draggedRow === undefined ? undefined : object.fields[draggedRow];
  const clampedSelection = selected !== undefined && selected < object.fields.length ? selected : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t("dnd.instructions") } }}
      onDragStart={(event: DragStartEvent) => setDragging(String(event.active.id))}
      onDragCancel={() => setDragging(undefined)}
      onDragEnd={onDragEnd}
    >
      <div className="fields-tab">
        <FieldPalette onAdd={addAtEnd} />
        <FieldList
          fields={object.fields}
          recordName={object.recordName}
          selected={clampedSelection}
          issues={editor.issues}
          onSelect={setSelected}
        />
        <aside className="field-properties-panel">
          {clampedSelection === undefined ? (
            <Empty description={t("props.none")} />
          ) : (
            <FieldProperties
              object={object}
              index={clampedSelection}
              objects={objects}
              published={published}
              issues={editor.issues}
              onChange={changeField}
              onDelete={setDeleting}
            />
          )}
        </aside>
      </div>
      <DragOverlay className="field-drag-overlay">
        {draggedType !== undefined && (
          <div className="palette-item palette-item-overlay">
            <FieldTypeIcon type={draggedType} /> {label(fieldTypes[draggedType].label, draggedType)}
          </div>
        )}
        {draggedField !== undefined && (
          <div className="sortable-row field-row-overlay" data-dragged-row={draggedRow}>
            <FieldTypeIcon type={draggedField.type} /> {label(draggedField.label, draggedField.name)}{" "}
            <code>{draggedField.name}</code>
          </div>
        )}
      </DragOverlay>
      {deleting !== undefined && deleting < object.fields.length && (
        <DeleteFieldModal
          object={object as ObjectDefinition}
          index={deleting}
          onConfirm={confirmDelete}
          onCancel={() => setDeleting(undefined)}
        />
      )}
    </DndContext>
  );
};
