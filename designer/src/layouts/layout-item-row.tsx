import { CloseOutlined } from "@ant-design/icons";
import { Button, Typography } from "antd";
import { SortableRow } from "../dnd/sortable-row.js";

interface Props {
  id: string;
  /** What the admin calls the item. */
  name: string;
  /** Accessible names of its drag handle, its select button and its remove button. */
  names: { move: string; select: string; remove: string };
  selected: boolean;
  /** Whether the engine has a problem anywhere in the item (marks the row). */
  hasProblem: boolean;
  /** The engine's problem shown under the item. */
  problem: string | undefined;
  onSelect: () => void;
  onRemove: () => void;
}

/** A button or related list of a layout: drag handle, its name (selects it), remove, its problem. */
export const LayoutItemRow = ({
  id,
  name,
  names,
  selected,
  hasProblem,
  problem,
  onSelect,
  onRemove,
}: Props) => (
  <SortableRow
    id={id}
    handleLabel={names.move}
    className={`layout-field${selected ? " is-selected" : ""}${hasProblem ? " has-problem" : ""}`}
  >
    <div className="layout-field-body">
      <button
        type="button"
        className="layout-field-name"
        aria-label={names.select}
        aria-pressed={selected}
        onClick={onSelect}
      >
        {name}
      </button>
      <Button
        size="small"
        type="text"
        icon={<CloseOutlined />}
        aria-label={names.remove}
        onClick={onRemove}
      />
    </div>
    {problem !== undefined && (
      <Typography.Text type="danger" className="layout-problem">
        {problem}
      </Typography.Text>
    )}
  </SortableRow>
);
