import type { KeyboardCoordinateGetter } from "@dnd-kit/core";
import { useDesignerSensors } from "../dnd/sensors.js";

/**
 * With the keyboard, Up and Down move the picked-up role to the centre of the next drop target
 * above or below (a role row, or the top of the hierarchy). The sortable lists' coordinate getter
 * does not fit a tree: its targets are the items themselves, here they are the rows under them.
 */
export const rowByRow: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const down = event.code === "ArrowDown";
  if (!down && event.code !== "ArrowUp") return undefined;
  const { active, collisionRect, droppableRects, droppableContainers } = context;
  if (active === null || collisionRect === null) return undefined;
  event.preventDefault();
  const centre = collisionRect.top + collisionRect.height / 2;
  const centres = droppableContainers
    .getEnabled()
    .map((container) => droppableRects.get(container.id))
    .filter((rect) => rect !== undefined)
    .map((rect) => rect.top + rect.height / 2)
    .filter((y) => (down ? y > centre + 1 : y < centre - 1));
  if (centres.length === 0) return undefined;
  const target = down ? Math.min(...centres) : Math.max(...centres);
  return { x: currentCoordinates.x, y: currentCoordinates.y + (target - centre) };
};

/** Pointer (after 5 px, so a click still selects) and keyboard (row by row) sensors of the tree. */
export const useRoleTreeSensors = () => useDesignerSensors(rowByRow);
