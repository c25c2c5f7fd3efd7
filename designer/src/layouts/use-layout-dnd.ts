import type {
  Announcements,
  DndContextProps,
  DragEndEvent,
  DragOverEvent,
  DragStartEvent,
} from "@dnd-kit/core";
import type { Layout, ObjectDefinition } from "@tessera/metadata";
import { useMemo, useRef, useState } from "react";
import { useDesignerSensors } from "../dnd/sensors.js";
import {
  dragKindOf,
  dragOverField,
  dropField,
  keyboardTargets,
  PALETTE_ID,
  paletteField,
  parseRelatedId,
  placedIdOf,
  relatedDropIndex,
  sectionKeys,
} from "./layout-drag.js";
import { type KeyboardTarget, layoutCollisions, layoutKeyboardCoordinates } from "./layout-keyboard.js";
import { addRelatedList, moveButton, moveRelatedList, newRelatedList } from "./layout-lists.js";
import {
  findSlot,
  layoutColumns,
  moveSection,
  removeField,
  type SectionColumns,
  withColumns,
} from "./layout-moves.js";

interface Drag {
  active: string;
  /** The fields' arrangement during a field drag (the multiple-containers pattern); committed on drop. */
  columns: SectionColumns[] | undefined;
}

interface Options {
  layout: Layout;
  objects: readonly ObjectDefinition[];
  update: (change: (layout: Layout) => Layout) => void;
  mustStay: (field: string) => boolean;
  announcements: Announcements;
  instructions: string;
}

const sameArrangement = (a: readonly SectionColumns[], b: readonly SectionColumns[]) =>
  JSON.stringify(a.map((s) => s.map((c) => c.map((p) => p.id)))) ===
  JSON.stringify(b.map((s) => s.map((c) => c.map((p) => p.id))));

/**
 * Every drag of the layout designer in one DndContext: fields between columns and sections, from
 * the palette and back to it (removing them), sections, related lists and buttons. dnd-kit's
 * events are only translated into the pure moves of layout-moves / layout-lists; a whole drag is
 * one change of the document, so one undo step.
 */
export const useLayoutDnd = ({ layout, objects, update, mustStay, announcements, instructions }: Options) => {
  const [drag, setDrag] = useState<Drag>();
  const target = useRef<KeyboardTarget>({ current: undefined }).current;
  const columns = useMemo(() => drag?.columns ?? layoutColumns(layout), [drag, layout]);
  const keys = sectionKeys(layout.sections);

  const current = useRef({ columns, keys, layout });
  current.current = { columns, keys, layout };
  const getter = useMemo(
    () =>
      layoutKeyboardCoordinates(
        (active) =>
          keyboardTargets(active, {
            columns: current.current.columns,
            sections: current.current.keys,
            related: current.current.layout.relatedLists ?? [],
            buttons: (current.current.layout.buttons ?? []).map((b) => b.name),
          }),
        target,
      ),
    [target],
  );
  const sensors = useDesignerSensors(getter);
  const collisionDetection = useMemo(() => layoutCollisions(target), [target]);

  const finish = () => {
    target.current = undefined;
    setDrag(undefined);
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    target.current = undefined;
    const id = String(active.id);
    setDrag({ active: id, columns: dragKindOf(id) === "field" ? layoutColumns(layout) : undefined });
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (over === null) return;
    setDrag((state) => {
      if (state?.columns === undefined) return state;
      const next = dragOverField(state.columns, String(active.id), String(over.id));
      return sameArrangement(next, state.columns) ? state : { ...state, columns: next };
    });
  };

  const dropFieldOn = (active: string, over: string) => {
    if (over === PALETTE_ID) {
      const placed = paletteField(active) === undefined ? findSlot(columns, active) : undefined;
      const field = columns.flat(2).find((p) => p.id === active)?.item.field;
      if (placed !== undefined && field !== undefined && !mustStay(field))
        update((l) => removeField(l, field));
      return;
    }
    if (drag?.columns === undefined) return;
    const final = dropField(drag.columns, active, over);
    // A palette field dropped where it was never put in (no target) is not placed.
    if (findSlot(final, placedIdOf(active)) === undefined) return;
    update((l) => withColumns(l, final));
  };

  const dropRelated = (active: string, over: string) => {
    const lists = layout.relatedLists ?? [];
    const to = relatedDropIndex(lists, over);
    const list = parseRelatedId(active);
    if (to === undefined || list === undefined) return;
    if (active.startsWith("new-")) {
      const child = objects.find((o) => o.name === list.object);
      if (child !== undefined) update((l) => addRelatedList(l, newRelatedList(child, list.field), to));
      return;
    }
    const from = lists.findIndex((l) => l.object === list.object && l.field === list.field);
    update((l) => moveRelatedList(l, from, Math.min(to, lists.length - 1)));
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const id = String(active.id);
    const overId = over === null ? undefined : String(over.id);
    if (overId !== undefined) {
      switch (dragKindOf(id)) {
        case "field":
          dropFieldOn(id, overId);
          break;
        case "section": {
          const from = keys.indexOf(id);
          const to = keys.indexOf(overId);
          if (from >= 0 && to >= 0 && from !== to) update((l) => moveSection(l, from, to));
          break;
        }
        case "related":
          dropRelated(id, overId);
          break;
        case "button": {
          const names = (layout.buttons ?? []).map((b) => `button|${b.name}`);
          const from = names.indexOf(id);
          const to = names.indexOf(overId);
          if (from >= 0 && to >= 0 && from !== to) update((l) => moveButton(l, from, to));
          break;
        }
      }
    }
    finish();
  };

  const context: DndContextProps = {
    sensors,
    collisionDetection,
    onDragStart,
    onDragOver,
    onDragEnd,
    onDragCancel: finish,
    accessibility: { announcements, screenReaderInstructions: { draggable: instructions } },
  };
  return { context, columns, keys, dragging: drag?.active };
};
