import { KeyboardCode, type KeyboardCoordinateGetter } from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { paletteTypeOf } from "./field-drop.js";

const FORWARD: readonly string[] = [KeyboardCode.Down, KeyboardCode.Right];
const BACKWARD: readonly string[] = [KeyboardCode.Up, KeyboardCode.Left];

/**
 * Keyboard moves of the fields tab. A field type taken from the palette is not in the sortable
 * list, and dnd-kit's sortable getter only moves sortables, so it steps through the drop targets
 * (every row, then the end zone) in the order they appear: Down or Right to the next, Up or Left
 * to the previous, centring the dragged item on the target so the collision detection picks it.
 * Rows being reordered keep the sortable getter.
 */
export const paletteKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { active, context } = args;
  if (paletteTypeOf(String(active)) === undefined) return sortableKeyboardCoordinates(event, args);
  const forward = FORWARD.includes(event.code);
  if (!forward && !BACKWARD.includes(event.code)) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (collisionRect === null) return undefined;
  const targets = droppableContainers
    .getEnabled()
    .flatMap((container) => {
      const rect = droppableRects.get(container.id);
      return rect === undefined ? [] : [{ id: container.id, rect }];
    })
    .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
  if (targets.length === 0) return undefined;
  const current = over === null ? -1 : targets.findIndex((target) => target.id === over.id);
  const next = forward
    ? Math.min(current + 1, targets.length - 1)
    : current === -1
      ? targets.length - 1
      : Math.max(current - 1, 0);
  const rect = targets[next]?.rect;
  if (rect === undefined) return undefined;
  return {
    x: rect.left + rect.width / 2 - collisionRect.width / 2,
    y: rect.top + rect.height / 2 - collisionRect.height / 2,
  };
};
