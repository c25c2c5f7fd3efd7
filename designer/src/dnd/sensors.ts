import {
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useMemo } from "react";

// dnd-kit memoises a sensor on its options object: a new object per render would give every
// sortable row a new drag context and re-render all of them (200 rows per keystroke).
const POINTER_OPTIONS = { activationConstraint: { distance: 5 } };

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
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(
      KeyboardSensor,
      useMemo(() => ({ coordinateGetter }), [coordinateGetter]),
    ),
  );
