import {
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";

/**
 * Pointer and keyboard sensors for every drag in the designer. A pointer drag starts after 5 px so
 * a click on a card still selects it; with the keyboard, Space or Enter on a handle picks the item
 * up, the arrow keys move it, Space or Enter drops it and Escape cancels. A drag from outside a
 * sortable list (a palette) needs its own `coordinateGetter`: the sortable one moves sortables only.
 */
export const useDesignerSensors = (
  coordinateGetter: KeyboardCoordinateGetter = sortableKeyboardCoordinates,
) =>
  useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );
