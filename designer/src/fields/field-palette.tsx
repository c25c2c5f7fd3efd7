import { useDraggable } from "@dnd-kit/core";
import type { FieldCategory, FieldType } from "@tessera/metadata";
import { customFieldTypes, FIELD_TYPES, fieldTypes } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Typography } from "antd";
import { type KeyboardEvent, type MouseEvent, memo } from "react";
import { paletteItemId } from "./field-drop.js";
import { FieldTypeIcon } from "./field-type-icon.js";
import { type FieldsTextKey, useFieldsText } from "./fields-texts.js";

const CATEGORIES: ReadonlyArray<{ category: FieldCategory; key: FieldsTextKey }> = [
  { category: "text", key: "category.text" },
  { category: "number", key: "category.number" },
  { category: "choice", key: "category.choice" },
  { category: "date", key: "category.date" },
  { category: "relationship", key: "category.relationship" },
  { category: "computed", key: "category.computed" },
  { category: "other", key: "category.other" },
];

interface ItemProps {
  type: FieldType;
  /** Adds a field of this type at the end of the list (Enter, or a click without dragging). */
  onAdd: (type: FieldType) => void;
}

/**
 * One field type: a button dragged into the list (pointer, or Space then arrows then Space), or
 * pressed (Enter, click) to add the field at the end.
 */
const PaletteItem = memo(({ type, onAdd }: ItemProps) => {
  const t = useFieldsText();
  const { label } = useLocale();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: paletteItemId(type) });
  const typeLabel = label(fieldTypes[type].label, type);
  const keyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      onAdd(type);
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  // A click from the keyboard (detail 0) follows a key this component already handled.
  const click = (event: MouseEvent<HTMLButtonElement>) => {
    if (event.detail > 0) onAdd(type);
  };
  return (
    <button
      type="button"
      ref={setNodeRef}
      className={`palette-item${isDragging ? " palette-item-dragging" : ""}`}
      {...attributes}
      {...listeners}
      onKeyDown={keyDown}
      onClick={click}
      aria-label={t("palette.add", { type: typeLabel })}
    >
      <FieldTypeIcon type={type} />
      <span>{typeLabel}</span>
    </button>
  );
});

/** Every field type of the registry, grouped as the registry categorises them. */
export const FieldPalette = memo(({ onAdd }: { onAdd: (type: FieldType) => void }) => {
  const t = useFieldsText();
  return (
    <section className="field-palette" aria-label={t("palette.title")}>
      <Typography.Title level={5}>{t("palette.title")}</Typography.Title>
      <Typography.Paragraph type="secondary" className="field-palette-hint">
        {t("palette.hint")}
      </Typography.Paragraph>
      {CATEGORIES.map(({ category, key }) => {
        // "Custom" means a plugin's type: offered only when an installed plugin registered one.
        const types = FIELD_TYPES.filter(
          (type) =>
            fieldTypes[type].category === category && (type !== "custom" || customFieldTypes().length > 0),
        );
        if (types.length === 0) return null;
        return (
          <div key={category} className="field-palette-group">
            <div className="field-palette-group-title">{t(key)}</div>
            {types.map((type) => (
              <PaletteItem key={type} type={type} onAdd={onAdd} />
            ))}
          </div>
        );
      })}
    </section>
  );
});
