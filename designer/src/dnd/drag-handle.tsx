import { HolderOutlined } from "@ant-design/icons";
import type { useDraggable } from "@dnd-kit/core";

interface Props {
  /** What `useDraggable` or `useSortable` returned for the item. */
  drag: Pick<ReturnType<typeof useDraggable>, "attributes" | "listeners" | "setActivatorNodeRef">;
  /** The accessible name ("Move Visit date", "Place Visit date"). */
  label: string;
}

/**
 * The handle an item is dragged by: a button, so it is reached with Tab and picked up with Space
 * (dnd-kit's keyboard sensor) as well as dragged with the pointer.
 */
export const DragHandle = ({ drag, label }: Props) => (
  <button
    type="button"
    ref={drag.setActivatorNodeRef}
    className="drag-handle"
    {...drag.attributes}
    {...drag.listeners}
    aria-label={label}
  >
    <HolderOutlined aria-hidden />
  </button>
);
