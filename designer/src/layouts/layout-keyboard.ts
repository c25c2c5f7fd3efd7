import {
  type ClientRect,
  type CollisionDetection,
  closestCorners,
  KeyboardCode,
  type KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import { accepts, placedIdOf, stepTarget } from "./layout-drag.js";

const FORWARD: readonly string[] = [KeyboardCode.Down, KeyboardCode.Right];
const BACKWARD: readonly string[] = [KeyboardCode.Up, KeyboardCode.Left];

/** The target a keyboard drag is on; reset when a drag starts or ends. */
export interface KeyboardTarget {
  current: string | undefined;
}

const centred = (target: ClientRect, dragged: ClientRect) => ({
  x: target.left + target.width / 2 - dragged.width / 2,
  y: target.top + target.height / 2 - dragged.height / 2,
});

/**
 * Keyboard moves in the layout designer step through the targets the drag accepts in reading
 * order (see keyboardTargets) instead of by geometry: a palette field is not a sortable, and
 * columns side by side would make "the nearest target below" jump between them. The dragged item
 * is centred on the target for the eye; `layoutCollisions` reports the target itself.
 */
export const layoutKeyboardCoordinates =
  (targetsOf: (active: string) => readonly string[], target: KeyboardTarget): KeyboardCoordinateGetter =>
  (event, { active, context, currentCoordinates }) => {
    const forward = FORWARD.includes(event.code);
    if (!forward && !BACKWARD.includes(event.code)) return undefined;
    event.preventDefault();
    const id = String(active);
    const from = target.current ?? (context.over === null ? placedIdOf(id) : String(context.over.id));
    const next = stepTarget(targetsOf(id), from, forward);
    if (next === undefined) return undefined;
    target.current = next;
    const rect = context.droppableRects.get(next);
    const dragged = context.collisionRect;
    // Without measurements the item stays put: the move is still made, by the reported target.
    return rect === undefined || dragged === null ? currentCoordinates : centred(rect, dragged);
  };

/**
 * Collisions for every drag of the designer: a keyboard drag (no pointer) is over the target it
 * stepped to, or over itself before the first step; a pointer drag over the nearest droppable the
 * dragged item accepts.
 */
export const layoutCollisions =
  (target: KeyboardTarget): CollisionDetection =>
  (args) => {
    const active = String(args.active.id);
    if (args.pointerCoordinates === null) {
      const over = target.current ?? placedIdOf(active);
      return args.droppableContainers.some((c) => c.id === over) ? [{ id: over }] : [];
    }
    return closestCorners({
      ...args,
      droppableContainers: args.droppableContainers.filter((c) => accepts(active, String(c.id))),
    });
  };
