import {
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  pointerWithin,
  useDraggable,
  useDroppable,
} from "@dnd-kit/core";
import type { Role } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button } from "antd";
import { DragHandle } from "../dnd/drag-handle.js";
import {
  DRAG_PREFIX,
  DROP_PREFIX,
  dragId,
  dropId,
  type RoleNode,
  roleForest,
  TOP_DROP_ID,
} from "./role-hierarchy.js";
import { useRoleTreeSensors } from "./role-keyboard.js";
import { useRolesText } from "./roles-texts.js";

interface Props {
  roles: readonly Role[];
  selected: string | undefined;
  onSelect: (name: string) => void;
  /** A drop, as dnd-kit ids; the page turns it into a re-parenting with `dropRole`. */
  onDrop: (active: string, over: string | undefined) => void;
}

/** A pointer drags onto the row under it; the keyboard (no pointer) onto the nearest row. */
const collision: CollisionDetection = (args) =>
  args.pointerCoordinates === null ? closestCenter(args) : pointerWithin(args);

const RoleRow = ({
  node,
  selected,
  onSelect,
}: {
  node: RoleNode;
  selected: string | undefined;
  onSelect: (name: string) => void;
}) => {
  const t = useRolesText();
  const { label } = useLocale();
  const name = node.role.name;
  const text = label(node.role.label, name);
  const drag = useDraggable({ id: dragId(name) });
  const drop = useDroppable({ id: dropId(name) });
  return (
    <li className="role-node">
      <div
        ref={(element) => {
          drag.setNodeRef(element);
          drop.setNodeRef(element);
        }}
        className={`role-row${drop.isOver && !drag.isDragging ? " role-row-over" : ""}${selected === name ? " role-row-selected" : ""}${drag.isDragging ? " role-row-dragging" : ""}`}
      >
        <DragHandle drag={drag} label={t("tree.move", { role: text })} />
        <Button
          type="text"
          aria-pressed={selected === name}
          onClick={() => onSelect(name)}
          className="role-select"
        >
          {text}
        </Button>
      </div>
      {node.children.length > 0 && (
        <ul className="role-children">
          {node.children.map((child) => (
            <RoleRow key={child.role.name} node={child} selected={selected} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </li>
  );
};

const TopTarget = () => {
  const t = useRolesText();
  const drop = useDroppable({ id: TOP_DROP_ID });
  return (
    <div ref={drop.setNodeRef} className={`role-top${drop.isOver ? " role-row-over" : ""}`}>
      {t("tree.topHint")}
    </div>
  );
};

/** The hierarchy as an indented tree; every role has a drag handle and is a drop target. */
export const RoleTreeView = ({ roles, selected, onSelect, onDrop }: Props) => {
  const t = useRolesText();
  const { label } = useLocale();
  const sensors = useRoleTreeSensors();
  const nameOf = (id: string | number | undefined) => {
    if (id === undefined) return "";
    const text = String(id);
    if (text === TOP_DROP_ID) return t("tree.top");
    const roleName = text.startsWith(DRAG_PREFIX)
      ? text.slice(DRAG_PREFIX.length)
      : text.startsWith(DROP_PREFIX)
        ? text.slice(DROP_PREFIX.length)
        : text;
    const role = roles.find((r) => r.name === roleName);
    return role === undefined ? roleName : label(role.label, roleName);
  };
  const end = ({ active, over }: DragEndEvent) =>
    onDrop(String(active.id), over === null ? undefined : String(over.id));
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragEnd={end}
      accessibility={{
        screenReaderInstructions: { draggable: t("drag.instructions") },
        announcements: {
          onDragStart: ({ active }) => t("drag.start", { role: nameOf(active.id) }),
          onDragOver: ({ active, over }) =>
            over === null
              ? t("drag.overNothing", { role: nameOf(active.id) })
              : t("drag.over", { role: nameOf(active.id), target: nameOf(over.id) }),
          onDragEnd: ({ active, over }) =>
            over === null
              ? t("drag.cancel", { role: nameOf(active.id) })
              : t("drag.end", { role: nameOf(active.id), target: nameOf(over.id) }),
          onDragCancel: ({ active }) => t("drag.cancel", { role: nameOf(active.id) }),
        },
      }}
    >
      <TopTarget />
      <ul className="role-tree" aria-label={t("tree.label")}>
        {roleForest(roles).map((node) => (
          <RoleRow key={node.role.name} node={node} selected={selected} onSelect={onSelect} />
        ))}
      </ul>
    </DndContext>
  );
};
