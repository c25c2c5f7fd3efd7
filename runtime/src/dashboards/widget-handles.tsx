import { DragOutlined } from "@ant-design/icons";
import { useDraggable } from "@dnd-kit/core";
import type { KeyboardEvent } from "react";
import { useDashboardText } from "./dashboard-texts.js";

export interface HandleProps {
  name: string;
  title: string;
  /** Shift and an arrow key: resize by one grid unit (true when the key was used). */
  onResizeKey: (event: KeyboardEvent<HTMLElement>) => boolean;
}

/**
 * The handle a widget is moved by: dragged with a pointer, or picked up with Space or Enter and
 * moved with the arrow keys (dnd-kit's keyboard sensor).
 */
export const MoveHandle = ({ name, title, onResizeKey }: HandleProps) => {
  const t = useDashboardText();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `move:${name}`,
    attributes: { roleDescription: t("dashboard.widget") },
  });
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={`dashboard-handle${isDragging ? " dashboard-handle-active" : ""}`}
      {...attributes}
      {...listeners}
      aria-label={t("dashboard.move", { title })}
      title={t("dashboard.move", { title })}
      onKeyDown={(event) => {
        if (!onResizeKey(event)) listeners?.onKeyDown?.(event);
      }}
    >
      <DragOutlined aria-hidden="true" />
    </button>
  );
};

/** The corner a widget is resized by: dragged with a pointer, or Shift and the arrow keys. */
export const ResizeHandle = ({ name, title, onResizeKey }: HandleProps) => {
  const t = useDashboardText();
  const { listeners, setNodeRef } = useDraggable({ id: `resize:${name}` });
  return (
    <button
      ref={setNodeRef}
      type="button"
      className="dashboard-resize"
      aria-label={t("dashboard.resize", { title })}
      title={t("dashboard.resize", { title })}
      aria-keyshortcuts="Shift+ArrowRight Shift+ArrowLeft Shift+ArrowDown Shift+ArrowUp"
      {...listeners}
      onKeyDown={onResizeKey}
    />
  );
};
