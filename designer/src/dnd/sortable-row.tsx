import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { CSSProperties, ReactNode } from "react";
import { DragHandle } from "./drag-handle.js";

interface Props {
  id: string;
  /** The accessible name of the drag handle ("Move Visit date"). */
  handleLabel: string;
  children: ReactNode;
  className?: string;
}

/**
 * One row of a sortable list with its drag handle: the handle is a button, so it is reached with Tab
 * and picked up with Space (dnd-kit's keyboard sensor), and dragged with the pointer.
 */
export const SortableRow = ({ id, handleLabel, children, className }: Props) => {
  const sortable = useSortable({ id });
  const { setNodeRef, transform, transition, isDragging } = sortable;
  const style: CSSProperties = {
    transform: CSS.Translate.toString(transform),
    transition,
    opacity: isDragging ? 0.5 : 1,
  };
  return (
    <div ref={setNodeRef} style={style} className={`sortable-row ${className ?? ""}`} data-sortable-id={id}>
      <DragHandle drag={sortable} label={handleLabel} />
      <div className="sortable-row-body">{children}</div>
    </div>
  );
};
