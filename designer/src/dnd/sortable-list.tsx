import { closestCenter, DndContext, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { ReactNode } from "react";
import { useDesignerSensors } from "./sensors.js";

interface Props {
  /** The sortable ids of the rows, in order. */
  ids: string[];
  /** The accessible name of the list. */
  label: string;
  className?: string;
  onDragEnd: (event: DragEndEvent) => void;
  /** The rows: one `SortableRow` per id. */
  children: ReactNode;
}

/** A vertical list reordered by dragging its rows' handles, with the pointer or the keyboard. */
export const SortableList = ({ ids, label, className, onDragEnd, children }: Props) => {
  const sensors = useDesignerSensors();
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <section aria-label={label} className={className}>
          {children}
        </section>
      </SortableContext>
    </DndContext>
  );
};
