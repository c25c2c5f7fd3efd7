import { CloseOutlined, EyeInvisibleOutlined, LockOutlined, StarOutlined } from "@ant-design/icons";
import { Button, Tooltip, Typography } from "antd";
import { memo } from "react";
import { SortableRow } from "../dnd/sortable-row.js";
import type { PlacedItem } from "./layout-moves.js";
import { useLayoutText } from "./layouts-texts.js";

interface Props {
  placed: PlacedItem;
  label: string;
  /** Not a field of the object (nor a placeable system field). */
  unknown: boolean;
  /** A field a new record needs: it cannot be taken off. */
  mustStay: boolean;
  selected: boolean;
  /** Shown while a field from the palette is dragged over this column. */
  placeholder: boolean;
  /** The engine's problem with this placement. */
  problem: string | undefined;
  onSelect: () => void;
  onRemove: () => void;
}

/** A placed field: drag handle "Move <label>", the label (selects it), its rules, remove. */
const PlacedFieldRowView = ({
  placed,
  label,
  unknown,
  mustStay,
  selected,
  placeholder,
  problem,
  onSelect,
  onRemove,
}: Props) => {
  const t = useLayoutText();
  const { item } = placed;
  const classes = [
    "layout-field",
    selected && "is-selected",
    placeholder && "is-placeholder",
    problem && "has-problem",
  ];
  return (
    <SortableRow
      id={placed.id}
      handleLabel={t("field.move", { field: label })}
      className={classes.filter(Boolean).join(" ")}
    >
      <div className="layout-field-body">
        <button
          type="button"
          className="layout-field-name"
          aria-label={t("field.select", { field: label })}
          aria-pressed={selected}
          onClick={onSelect}
        >
          {label}
        </button>
        <span className="layout-field-rules">
          {item.visibleWhen !== undefined && (
            <Tooltip title={t("props.visibleWhen")}>
              <EyeInvisibleOutlined aria-label={t("props.visibleWhen")} />
            </Tooltip>
          )}
          {item.requiredWhen !== undefined && (
            <Tooltip title={t("props.requiredWhen")}>
              <StarOutlined aria-label={t("props.requiredWhen")} />
            </Tooltip>
          )}
          {item.readOnlyWhen !== undefined && (
            <Tooltip title={t("props.readOnlyWhen")}>
              <LockOutlined aria-label={t("props.readOnlyWhen")} />
            </Tooltip>
          )}
        </span>
        <Tooltip title={mustStay ? t("field.mustStay", { field: label }) : undefined}>
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            aria-label={t("field.remove", { field: label })}
            disabled={mustStay}
            onClick={onRemove}
          />
        </Tooltip>
      </div>
      {unknown && <Typography.Text type="danger">{t("field.unknown")}</Typography.Text>}
      {problem !== undefined && (
        <Typography.Text type="danger" className="layout-problem">
          {problem}
        </Typography.Text>
      )}
    </SortableRow>
  );
};

/**
 * Rows re-render only when what they show changes: a keystroke elsewhere in a 200-field layout
 * must not re-render every row. The callbacks are left out of the comparison on purpose: they
 * select (a state setter) or remove through a functional update, and a row whose selection
 * changes re-renders anyway, so an older callback does the same as a new one.
 */
export const PlacedFieldRow = memo(
  PlacedFieldRowView,
  (a, b) =>
    a.placed.id === b.placed.id &&
    a.placed.item === b.placed.item &&
    a.label === b.label &&
    a.unknown === b.unknown &&
    a.mustStay === b.mustStay &&
    a.selected === b.selected &&
    a.placeholder === b.placeholder &&
    a.problem === b.problem,
);
